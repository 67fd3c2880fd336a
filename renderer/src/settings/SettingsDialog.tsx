// Settings: the feed's inbox folder (saved on request; the Node side may refuse it, and says
// why), the colour theme (applied at once and saved), the quick phrases for notes, the
// escalation settings (attendance targets, reminder interval and sound), how soon the screen
// locks, the handover record's service, force, marking and export folder, the retention period
// and the backups.
import { useState, type FormEvent } from 'react'
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material'
import type { Theme } from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'
import { BackupSettings } from './BackupSettings.tsx'
import { EscalationSettings } from './EscalationSettings.tsx'
import { HandoverSettingsForm } from './HandoverSettingsForm.tsx'
import { LockSettings } from './LockSettings.tsx'
import { FollowUpSettings } from '../followUps/FollowUpSettings.tsx'
import { QuickPhrasesEditor } from './QuickPhrasesEditor.tsx'
import { RetentionSettings } from './RetentionSettings.tsx'

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useDesk((s) => s.settings)
  const theme = useDesk((s) => s.theme)
  const setTheme = useDesk((s) => s.setTheme)
  const saveInboxDir = useDesk((s) => s.saveInboxDir)
  const [inboxDir, setInboxDir] = useState(settings?.inboxDir ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function saveInbox(event: FormEvent) {
    event.preventDefault()
    if (inboxDir.trim() === '') {
      setProblem('Enter the folder the feed files arrive in.')
      return
    }
    setBusy(true)
    setProblem(await saveInboxDir(inboxDir.trim()))
    setBusy(false)
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="settings-title">
      <DialogTitle id="settings-title">Settings</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={3}>
          <Box
            component="form"
            noValidate
            onSubmit={saveInbox}
            sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
          >
            <TextField
              label="Inbox folder"
              value={inboxDir}
              onChange={(e) => {
                setInboxDir(e.target.value)
                setProblem(null)
              }}
              error={problem !== null}
              helperText={problem ?? 'The folder the force’s feed files are copied into.'}
              fullWidth
              size="small"
            />
            <Button type="submit" variant="outlined" disabled={busy} sx={{ flexShrink: 0 }}>
              Save folder
            </Button>
          </Box>
          <FormControl>
            <FormLabel id="theme-label">Theme</FormLabel>
            <RadioGroup
              row
              aria-labelledby="theme-label"
              value={theme}
              onChange={(e) => void setTheme(e.target.value as Theme)}
            >
              <FormControlLabel value="dark" control={<Radio />} label="Dark (control room)" />
              <FormControlLabel value="light" control={<Radio />} label="Light" />
            </RadioGroup>
          </FormControl>
          <QuickPhrasesEditor />
          <EscalationSettings />
          <LockSettings />
          <FollowUpSettings />
          {settings && <HandoverSettingsForm settings={settings} />}
          {settings && <RetentionSettings settings={settings} />}
          <BackupSettings />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  )
}
