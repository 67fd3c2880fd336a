// One whole number in Settings (the lock time, the follow-up days, the backups kept): typed, checked
// against its range before it is sent, saved with its own button, and a refusal from the desk said
// under it. The desk checks the range again.
import { useState, type FormEvent } from 'react'
import { Box, Button, FormHelperText, TextField } from '@mui/material'

interface Props {
  label: string
  initial: number
  min: number
  max: number
  /** What to type, shown when the typed value is not a whole number in range. */
  rule: string
  /** Shown under the field otherwise. */
  help: string
  saveLabel: string
  /** Resolves to the desk's reason for refusing it, or null once saved. */
  save: (value: number) => Promise<string | null>
}

export function NumberSetting({ label, initial, min, max, rule, help, saveLabel, save }: Props) {
  const [typed, setTyped] = useState(String(initial))
  const [problem, setProblem] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setRefusal(null)
    const value = Number(typed.trim())
    if (!/^\d+$/.test(typed.trim()) || value < min || value > max) {
      setProblem(rule)
      return
    }
    setBusy(true)
    const reason = await save(value)
    setBusy(false)
    if (reason) setRefusal(`Not saved. ${reason}`)
  }

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <TextField
          label={label}
          size="small"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value)
            setProblem(null)
          }}
          error={problem !== null}
          helperText={problem ?? help}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: String(max).length } }}
          sx={{ width: 300 }}
        />
        <Button type="submit" variant="outlined" disabled={busy} sx={{ flexShrink: 0 }}>
          {saveLabel}
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
