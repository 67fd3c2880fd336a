// Settings for follow-up calls: how many days after a contact with a medium-risk victim the
// follow-up call is due (42, six weeks, unless changed). Follow-ups already scheduled keep their day.
import { useState, type FormEvent } from 'react'
import { Box, Button, FormHelperText, TextField, Typography } from '@mui/material'
import { DEFAULT_FOLLOW_UP_DAYS, MAX_FOLLOW_UP_DAYS, MIN_FOLLOW_UP_DAYS } from '#shared/followUp.ts'
import { useDesk } from '../store/useDesk.ts'

export function FollowUpSettings() {
  const settings = useDesk((s) => s.settings)
  const saveFollowUpDays = useDesk((s) => s.saveFollowUpDays)
  const [typed, setTyped] = useState(String(settings?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS))
  const [problem, setProblem] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function save(event: FormEvent) {
    event.preventDefault()
    setRefusal(null)
    const days = Number(typed.trim())
    if (!/^\d+$/.test(typed.trim()) || days < MIN_FOLLOW_UP_DAYS || days > MAX_FOLLOW_UP_DAYS) {
      setProblem(`Whole days between ${MIN_FOLLOW_UP_DAYS} and ${MAX_FOLLOW_UP_DAYS}, e.g. 42`)
      return
    }
    setBusy(true)
    const reason = await saveFollowUpDays(days)
    setBusy(false)
    if (reason) setRefusal(`Not saved. ${reason}`)
  }

  return (
    <Box
      component="section"
      aria-labelledby="follow-up-settings-heading"
      sx={{ display: 'grid', gap: 1.5 }}
    >
      <Typography id="follow-up-settings-heading" component="h3" sx={{ fontWeight: 600 }}>
        Follow-up calls
      </Typography>
      <Box
        component="form"
        noValidate
        onSubmit={save}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <TextField
          label="Follow-up due after (days)"
          size="small"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value)
            setProblem(null)
          }}
          error={problem !== null}
          helperText={
            problem ?? 'After a contact with a medium-risk victim. Scheduled ones keep their day.'
          }
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 3 } }}
          sx={{ width: 300 }}
        />
        <Button type="submit" variant="outlined" disabled={busy} sx={{ flexShrink: 0 }}>
          Save follow-up days
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
