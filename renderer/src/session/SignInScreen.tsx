// The first screen: who is on the desk and for which specialist service (both required, and
// shown in the top bar afterwards), the PIN that unlocks the screen when it locks (typed twice),
// and the shift signing in joins or starts. After a hand over it also says where the handover's
// files went.
import { useState, type FormEvent } from 'react'
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material'
import { PIN_RULE } from '#shared/domain.ts'
import type { Shift } from '#shared/handover.ts'
import { formatDateTime } from '#shared/time.ts'
import { HandoverResult } from '../handover/HandoverResult.tsx'
import { useDesk } from '../store/useDesk.ts'

const PIN_PATTERN = /^\d{4,8}$/

/** What signing in will do about the shift, in words, and the button that does it. */
function shiftWords(known: boolean, shift: Shift | null): { words: string; button: string } {
  if (!known) {
    return {
      words: 'Signing in starts a shift, or joins the one already open.',
      button: 'Sign in',
    }
  }
  if (!shift) {
    return {
      words: 'No shift is open: signing in starts a new one.',
      button: 'Sign in and start a shift',
    }
  }
  const [first, ...others] = shift.workers
  const joined = others.length > 0 ? ` Also on it: ${others.join(', ')}.` : ''
  return {
    words:
      `A shift is open: started ${formatDateTime(shift.startedAt)}` +
      `${first ? ` by ${first}` : ''}.${joined} Signing in joins it.`,
    button: 'Sign in and join the shift',
  }
}

export function SignInScreen() {
  const signIn = useDesk((s) => s.signIn)
  const shift = useDesk((s) => s.shift)
  const shiftKnown = useDesk((s) => s.shiftKnown)
  const lastHandover = useDesk((s) => s.lastHandover)
  const dismissLastHandover = useDesk((s) => s.dismissLastHandover)
  const [workerName, setWorkerName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [pin, setPin] = useState('')
  const [pinAgain, setPinAgain] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const nameMissing = tried && workerName.trim() === ''
  const organisationMissing = tried && organisation.trim() === ''
  const pinProblem = tried && !PIN_PATTERN.test(pin) ? PIN_RULE : null
  const pinAgainProblem =
    tried && pinProblem === null && pinAgain !== pin
      ? 'The two PINs are not the same: type it again.'
      : null

  async function submit(event: FormEvent) {
    event.preventDefault()
    setTried(true)
    if (workerName.trim() === '' || organisation.trim() === '') return
    if (!PIN_PATTERN.test(pin) || pinAgain !== pin) return
    setBusy(true)
    const error = await signIn(workerName.trim(), organisation.trim(), pin)
    setBusy(false)
    setProblem(error ? `Could not sign in. ${error.message}` : null)
  }

  const { words, button } = shiftWords(shiftKnown, shift)

  return (
    <Box
      component="main"
      aria-label="Sign in"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexWrap: 'wrap',
        // Safe: a long handover summary scrolls rather than being cut off at the top.
        alignContent: 'safe center',
        alignItems: 'flex-start',
        justifyContent: 'center',
        gap: 3,
        p: 2,
      }}
    >
      {lastHandover && <HandoverResult result={lastHandover} onClose={dismissLastHandover} />}
      <Paper variant="outlined" sx={{ flex: '0 1 440px', p: 4 }}>
        <Typography variant="h4" component="h1" sx={{ fontWeight: 700 }}>
          DA Desk
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          Domestic abuse support in the control room. Sign in to see the live incident queue.
        </Typography>
        <Box component="form" noValidate onSubmit={submit}>
          <Stack spacing={2.5}>
            <TextField
              label="Your name"
              value={workerName}
              onChange={(e) => setWorkerName(e.target.value)}
              required
              autoFocus
              autoComplete="name"
              error={nameMissing}
              helperText={nameMissing ? 'Enter your name.' : ' '}
            />
            <TextField
              label="Organisation"
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              required
              autoComplete="organization"
              placeholder="e.g. Harbour Support Services"
              error={organisationMissing}
              helperText={
                organisationMissing
                  ? 'Enter the specialist service you work for.'
                  : 'The specialist service you work for.'
              }
            />
            <TextField
              label="PIN"
              type="password"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
              required
              autoComplete="off"
              error={pinProblem !== null}
              helperText={
                pinProblem ??
                '4 to 8 digits. DA Desk locks when you are away; your PIN unlocks it. ' +
                  'Forgotten, sign out and in again.'
              }
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }}
            />
            <TextField
              label="PIN again"
              type="password"
              value={pinAgain}
              onChange={(e) => setPinAgain(e.target.value)}
              required
              autoComplete="off"
              error={pinAgainProblem !== null}
              helperText={pinAgainProblem ?? 'The same PIN, to be sure of it.'}
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }}
            />
            <Typography
              id="sign-in-shift"
              sx={{ borderLeft: 4, borderColor: 'primary.main', pl: 1.5, py: 0.5 }}
            >
              {words}
            </Typography>
            {problem && <Alert severity="error">{problem}</Alert>}
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={busy}
              aria-describedby="sign-in-shift"
            >
              {button}
            </Button>
          </Stack>
        </Box>
      </Paper>
    </Box>
  )
}
