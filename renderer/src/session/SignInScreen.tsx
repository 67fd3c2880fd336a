// The first screen: who is on the desk and for which specialist service. Both are required and
// are shown in the top bar afterwards.
import { useState, type FormEvent } from 'react'
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material'
import { useDesk } from '../store/useDesk.ts'

export function SignInScreen() {
  const signIn = useDesk((s) => s.signIn)
  const [workerName, setWorkerName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const nameMissing = tried && workerName.trim() === ''
  const organisationMissing = tried && organisation.trim() === ''

  async function submit(event: FormEvent) {
    event.preventDefault()
    setTried(true)
    if (workerName.trim() === '' || organisation.trim() === '') return
    setBusy(true)
    const error = await signIn(workerName.trim(), organisation.trim())
    setBusy(false)
    setProblem(error ? `Could not sign in. ${error.message}` : null)
  }

  return (
    <Box
      component="main"
      aria-label="Sign in"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}
    >
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 440, p: 4 }}>
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
            {problem && <Alert severity="error">{problem}</Alert>}
            <Button type="submit" variant="contained" size="large" disabled={busy}>
              Sign in
            </Button>
          </Stack>
        </Box>
      </Paper>
    </Box>
  )
}
