// The choices every export offers: which formats (each for its readers) and which folder (the one
// in Settings unless the worker types another).
import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  TextField,
} from '@mui/material'
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat } from '#shared/handover.ts'

export function FormatChoice({
  id,
  formats,
  onChange,
  problem,
}: {
  id: string
  formats: readonly ExportFormat[]
  onChange: (formats: ExportFormat[]) => void
  problem: string | null
}) {
  return (
    <FormControl component="fieldset" error={problem !== null}>
      <FormLabel component="legend" id={`${id}-label`}>
        Formats
      </FormLabel>
      <FormGroup row>
        {EXPORT_FORMATS.map((format, index) => (
          <FormControlLabel
            key={format}
            label={EXPORT_FORMAT_LABELS[format]}
            control={
              <Checkbox
                id={index === 0 ? id : undefined}
                checked={formats.includes(format)}
                onChange={(e) =>
                  onChange(
                    EXPORT_FORMATS.filter((f) =>
                      f === format ? e.target.checked : formats.includes(f),
                    ),
                  )
                }
              />
            }
          />
        ))}
      </FormGroup>
      {problem && <FormHelperText>{problem}</FormHelperText>}
    </FormControl>
  )
}

export function FolderChoice({
  id,
  folder,
  settingsFolder,
  onChange,
  problem,
}: {
  id: string
  folder: string
  settingsFolder: string
  onChange: (folder: string) => void
  problem: string | null
}) {
  const fromSettings = folder.trim() === settingsFolder
  return (
    <TextField
      id={id}
      label="Save in folder"
      value={folder}
      onChange={(e) => onChange(e.target.value)}
      error={problem !== null}
      helperText={
        problem ??
        (fromSettings
          ? 'The export folder from Settings. Type another full path to save this export elsewhere.'
          : 'A folder for this export only; Settings keeps ' + settingsFolder + '.')
      }
      fullWidth
      size="small"
    />
  )
}

/** The folder to send: null for the one in Settings (the Node side makes it if it is missing). */
export function outDirFor(folder: string, settingsFolder: string): string | null {
  const typed = folder.trim()
  return typed === settingsFolder ? null : typed
}
