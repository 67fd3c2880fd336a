// The handover record's settings: the service and force its header names, the protective marking
// on every page and file, and the folder exports go to unless the worker picks another. Saved
// together; the Node side refuses a folder that is not there, and says why.
import { useState, type FormEvent } from 'react'
import { Alert, Box, Button, TextField, Typography } from '@mui/material'
import { DEFAULT_PROTECTIVE_MARKING } from '#shared/handover.ts'
import type { Settings } from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'

export function HandoverSettingsForm({ settings }: { settings: Settings }) {
  const saveHandoverSettings = useDesk((s) => s.saveHandoverSettings)
  const [serviceName, setServiceName] = useState(settings.serviceName)
  const [forceName, setForceName] = useState(settings.forceName)
  const [protectiveMarking, setProtectiveMarking] = useState(settings.protectiveMarking)
  const [exportDir, setExportDir] = useState(settings.exportDir)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function save(event: FormEvent) {
    event.preventDefault()
    if (protectiveMarking.trim() === '') {
      setProblem(`Enter the protective marking (usually ${DEFAULT_PROTECTIVE_MARKING}).`)
      return
    }
    if (exportDir.trim() === '') {
      setProblem('Enter the folder handovers and figures are saved in.')
      return
    }
    const typed = {
      serviceName: serviceName.trim(),
      forceName: forceName.trim(),
      protectiveMarking: protectiveMarking.trim(),
      exportDir: exportDir.trim(),
    }
    // Only what changed: an export folder left as it was is not checked again.
    const changed = Object.fromEntries(
      Object.entries(typed).filter(([key, value]) => settings[key as keyof typeof typed] !== value),
    )
    setBusy(true)
    setProblem(await saveHandoverSettings(changed))
    setBusy(false)
  }

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value)
    setProblem(null)
  }

  return (
    <Box
      component="form"
      noValidate
      onSubmit={save}
      aria-labelledby="handover-settings-label"
      sx={{ display: 'grid', gap: 2 }}
    >
      <Box>
        <Typography id="handover-settings-label" component="h3" sx={{ fontWeight: 600 }}>
          Handover record
        </Typography>
        <Typography variant="body2" color="text.secondary">
          The header of every handover and figures export, its marking, and where it is saved.
        </Typography>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <TextField
          label="Service name"
          value={serviceName}
          onChange={(e) => edit(setServiceName)(e.target.value)}
          placeholder="e.g. Harbour Support Services"
          size="small"
          slotProps={{ htmlInput: { maxLength: 120 } }}
        />
        <TextField
          label="Police force"
          value={forceName}
          onChange={(e) => edit(setForceName)(e.target.value)}
          placeholder="e.g. Cleveland Police"
          size="small"
          slotProps={{ htmlInput: { maxLength: 120 } }}
        />
      </Box>
      <TextField
        label="Protective marking"
        value={protectiveMarking}
        onChange={(e) => edit(setProtectiveMarking)(e.target.value)}
        helperText="Printed in the header and footer of every page and in every file."
        size="small"
        slotProps={{ htmlInput: { maxLength: 60 } }}
      />
      <TextField
        label="Export folder"
        value={exportDir}
        onChange={(e) => edit(setExportDir)(e.target.value)}
        helperText="Where handovers and figures are saved unless you choose another folder then."
        size="small"
        fullWidth
      />
      {problem && (
        <Alert severity="error" role="alert">
          {problem}
        </Alert>
      )}
      <Button type="submit" variant="outlined" disabled={busy} sx={{ justifySelf: 'start' }}>
        Save handover settings
      </Button>
    </Box>
  )
}
