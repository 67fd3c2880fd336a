// The lock screen: the whole window, over the desk (kept as it was, hidden and inert beneath).
// It names the worker and nothing else; the PIN brings the desk back exactly as it was left, and
// "Sign out" needs no PIN but says what that loses. Escape does nothing here.
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material'
import LockIcon from '@mui/icons-material/Lock'
import { PIN_RULE } from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'

const PIN_PATTERN = /^\d{4,8}$/

export function LockScreen() {
  const workerName = useDesk((s) => s.session?.workerName ?? '')
  const unlock = useDesk((s) => s.unlock)
  const signOutLocked = useDesk((s) => s.signOutLocked)
  const [pin, setPin] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const pinField = useRef<HTMLInputElement>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    if (!PIN_PATTERN.test(pin)) {
      setProblem(PIN_RULE)
      pinField.current?.focus()
      return
    }
    setBusy(true)
    const refused = await unlock(pin)
    setBusy(false)
    setPin('')
    setProblem(refused)
    if (refused) pinField.current?.focus()
  }

  // Keys typed here never reach the desk's own shortcuts (Alt+E, Alt+C, ...) under the lock.
  const keepKeysHere = (event: KeyboardEvent) => event.stopPropagation()

  return (
    <Box
      component="main"
      aria-labelledby="lock-title"
      onKeyDown={keepKeysHere}
      sx={{
        position: 'fixed',
        inset: 0,
        zIndex: (theme) => theme.zIndex.tooltip + 10,
        bgcolor: 'background.default',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        overflow: 'auto',
      }}
    >
      <Paper variant="outlined" sx={{ width: 'min(520px, 100%)', p: 4 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1 }}>
          <LockIcon fontSize="large" aria-hidden />
          <Typography id="lock-title" variant="h4" component="h1" sx={{ fontWeight: 700 }}>
            Locked — {workerName}
          </Typography>
        </Box>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          Enter your PIN to go back to the desk as you left it.
        </Typography>
        <Box component="form" noValidate onSubmit={submit}>
          <Stack spacing={2.5}>
            <TextField
              inputRef={pinField}
              label="PIN"
              type="password"
              value={pin}
              onChange={(e) => {
                setPin(e.target.value)
                setProblem(null)
              }}
              autoFocus
              required
              autoComplete="off"
              error={problem !== null}
              helperText="The 4 to 8 digits you chose when you signed in."
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }}
            />
            {problem && <Alert severity="error">{problem}</Alert>}
            <Button type="submit" variant="contained" size="large" disabled={busy}>
              Unlock
            </Button>
          </Stack>
        </Box>
        <Box sx={{ mt: 4, pt: 2, borderTop: 1, borderColor: 'divider' }}>
          <Typography id="lock-sign-out-words" variant="body2" sx={{ mb: 1 }}>
            Not you, or forgotten the PIN? Signing out needs no PIN. Anything typed but not yet
            saved is lost; notes DA Desk saved as drafts stay for next time.
          </Typography>
          <Button
            variant="outlined"
            aria-describedby="lock-sign-out-words"
            onClick={() => void signOutLocked()}
          >
            Sign out
          </Button>
        </Box>
      </Paper>
    </Box>
  )
}
