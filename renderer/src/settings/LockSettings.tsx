// Settings for the screen lock: the minutes without a key press or pointer movement after which
// DA Desk locks (5 unless changed). Ctrl+L and the Lock button lock it at once.
import { useState, type FormEvent } from 'react'
import { Box, Button, FormHelperText, TextField, Typography } from '@mui/material'
import { DEFAULT_LOCK_AFTER_MINUTES, LOCK_AFTER_MINUTES_MAX } from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'

export function LockSettings() {
  const settings = useDesk((s) => s.settings)
  const saveLockAfterMinutes = useDesk((s) => s.saveLockAfterMinutes)
  const [typed, setTyped] = useState(
    String(settings?.lockAfterMinutes ?? DEFAULT_LOCK_AFTER_MINUTES),
  )
  const [problem, setProblem] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function save(event: FormEvent) {
    event.preventDefault()
    setRefusal(null)
    const minutes = Number(typed.trim())
    if (!/^\d+$/.test(typed.trim()) || minutes < 1 || minutes > LOCK_AFTER_MINUTES_MAX) {
      setProblem(`Whole minutes between 1 and ${LOCK_AFTER_MINUTES_MAX}, e.g. 5`)
      return
    }
    setBusy(true)
    const reason = await saveLockAfterMinutes(minutes)
    setBusy(false)
    if (reason) setRefusal(`Not saved. ${reason}`)
  }

  return (
    <Box
      component="section"
      aria-labelledby="lock-settings-heading"
      sx={{ display: 'grid', gap: 1.5 }}
    >
      <Typography id="lock-settings-heading" component="h3" sx={{ fontWeight: 600 }}>
        Screen lock
      </Typography>
      <Box
        component="form"
        noValidate
        onSubmit={save}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <TextField
          label="Lock after (minutes)"
          size="small"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value)
            setProblem(null)
          }}
          error={problem !== null}
          helperText={problem ?? 'With no key pressed and no mouse moved. Ctrl+L locks at once.'}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2 } }}
          sx={{ width: 300 }}
        />
        <Button type="submit" variant="outlined" disabled={busy} sx={{ flexShrink: 0 }}>
          Save lock time
        </Button>
      </Box>
      {refusal && (
        <FormHelperText error role="alert">
          {refusal}
        </FormHelperText>
      )}
    </Box>
  )
}
