// "Add incident": type an incident in from the C&C screen when the feed is down. It is checked
// the same way as a feed record; each problem is shown next to its field and nothing typed is
// lost.
import { useState, type FormEvent, type ReactNode } from 'react'
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  TextField,
  Typography,
  type TextFieldProps,
} from '@mui/material'
import {
  CALLER_ROLES,
  FLAG_LABELS,
  GRADE_NAMES,
  GRADES,
  KNOWN_FLAGS,
  POLICE_STATUSES,
  SOURCES,
} from '#shared/domain.ts'
import { CALLER_ROLE_LABELS, POLICE_STATUS_LABELS, SOURCE_LABELS } from '../incident/fieldLabels.ts'
import { useDesk } from '../store/useDesk.ts'
import {
  blankForm,
  placeIssues,
  toRecord,
  type FormProblems,
  type ManualField,
  type ManualForm,
} from './manualRecord.ts'
import { isPersonalField, PERSONAL } from '../privacy/personal.ts'

const NO_PROBLEMS: FormProblems = { byField: {}, general: [] }

function inputId(field: string): string {
  return `manual-${field.replace('.', '-')}`
}

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, m: 0, p: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 700, mb: 1 }}>
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 2 }}>
        {children}
      </Box>
    </Box>
  )
}

export function ManualEntryDialog({ onClose }: { onClose: () => void }) {
  const addManualIncident = useDesk((s) => s.addManualIncident)
  const [initial] = useState(() => blankForm(Date.now()))
  const [form, setForm] = useState<ManualForm>(initial)
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const dirty = JSON.stringify(form) !== JSON.stringify(initial)

  function focusFirstProblem(found: FormProblems) {
    const first = Object.keys(found.byField)[0]
    if (first) requestAnimationFrame(() => document.getElementById(inputId(first))?.focus())
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const built = toRecord(form)
    if (built.problems) {
      setProblems(built.problems)
      setRefusal('Check the fields marked below.')
      focusFirstProblem(built.problems)
      return
    }
    setBusy(true)
    const error = await addManualIncident(built.record)
    setBusy(false)
    if (!error) {
      onClose()
      return
    }
    const placed = placeIssues(error.issues ?? [])
    setProblems(placed)
    setRefusal(
      error.code === 'invalid-record'
        ? 'The incident was not added. Check the fields marked below.'
        : `The incident was not added. ${error.message}`,
    )
    focusFirstProblem(placed)
  }

  function field(name: ManualField, label: string, props: Partial<TextFieldProps> = {}) {
    const problem = problems.byField[name]
    return (
      <TextField
        id={inputId(name)}
        label={label}
        value={form.values[name]}
        onChange={(e) =>
          setForm((current) => ({
            ...current,
            values: { ...current.values, [name]: e.target.value },
          }))
        }
        error={Boolean(problem)}
        size="small"
        slotProps={{ htmlInput: isPersonalField(name) ? PERSONAL : {} }}
        {...props}
        helperText={problem ?? props.helperText}
      />
    )
  }

  function choice(
    name: ManualField,
    label: string,
    options: [string, string][],
    blank?: string,
    required = false,
  ) {
    return field(name, label, {
      required,
      select: true,
      slotProps: { select: { native: true }, inputLabel: { shrink: true } },
      children: [
        ...(blank !== undefined
          ? [
              <option key="" value="">
                {blank}
              </option>,
            ]
          : []),
        ...options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        )),
      ],
    })
  }

  function toggleFlag(flag: string, on: boolean) {
    setForm((current) => ({
      ...current,
      flags: on ? [...current.flags, flag] : current.flags.filter((f) => f !== flag),
    }))
  }

  return (
    <Dialog
      open
      onClose={() => {
        // Never lose a half-typed incident to a stray click or Esc: only Cancel discards it.
        if (!dirty) onClose()
      }}
      maxWidth="md"
      fullWidth
      aria-labelledby="manual-title"
    >
      <DialogTitle id="manual-title">Add incident</DialogTitle>
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogContent dividers sx={{ display: 'grid', gap: 3 }}>
          <Typography color="text.secondary">
            Type the incident in from the C&amp;C screen, for when the feed is down. Fields marked *
            are required.
          </Typography>
          {refusal && (
            <Alert severity="error" role="alert">
              {refusal}
              {problems.general.length > 0 && (
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {problems.general.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </Box>
              )}
            </Alert>
          )}
          <FormSection title="Call">
            {field('incidentRef', 'Reference', {
              required: true,
              autoFocus: true,
              helperText: 'As on C&C, e.g. CL-20261121-0457',
            })}
            {field('receivedAt', 'Received', {
              required: true,
              helperText: 'dd/mm/yyyy hh:mm, UK time',
            })}
            {choice(
              'grade',
              'Grade',
              GRADES.map((grade) => [String(grade), `G${grade} ${GRADE_NAMES[grade]}`]),
              'Choose a grade',
              true,
            )}
            {choice(
              'status',
              'Police status',
              POLICE_STATUSES.map((status) => [status, POLICE_STATUS_LABELS[status]]),
            )}
            {choice(
              'source',
              'Source',
              SOURCES.map((source) => [source, SOURCE_LABELS[source]]),
              'Not known',
            )}
            {choice(
              'callerRole',
              'Caller',
              CALLER_ROLES.map((role) => [role, CALLER_ROLE_LABELS[role]]),
              'Not known',
            )}
          </FormSection>
          <FormSection title="What happened">
            <Box sx={{ gridColumn: '1 / -1', display: 'grid' }}>
              {field('summary', 'Summary', { required: true, multiline: true, minRows: 3 })}
            </Box>
            <FormControl
              component="fieldset"
              error={Boolean(problems.byField.flags)}
              sx={{ gridColumn: '1 / -1' }}
            >
              <FormLabel component="legend">Risk flags</FormLabel>
              <FormGroup row>
                {KNOWN_FLAGS.map((flag) => (
                  <FormControlLabel
                    key={flag}
                    sx={{ width: '33%', mr: 0 }}
                    control={
                      <Checkbox
                        checked={form.flags.includes(flag)}
                        onChange={(e) => toggleFlag(flag, e.target.checked)}
                        size="small"
                      />
                    }
                    label={FLAG_LABELS[flag]}
                  />
                ))}
              </FormGroup>
              {problems.byField.flags && <FormHelperText>{problems.byField.flags}</FormHelperText>}
            </FormControl>
          </FormSection>
          <FormSection title="Where">
            <Box sx={{ gridColumn: 'span 2', display: 'grid' }}>
              {field('location.address', 'Address')}
            </Box>
            {field('location.postcode', 'Postcode')}
          </FormSection>
          <FormSection title="Victim">
            {field('victim.name', 'Victim name')}
            {field('victim.phone', 'Victim phone')}
            {field('victim.dateOfBirth', 'Victim date of birth', { helperText: 'dd/mm/yyyy' })}
          </FormSection>
          <FormSection title="Suspect">
            {field('suspect.name', 'Suspect name')}
            {field('suspect.relationship', 'Relationship to victim', {
              helperText: 'e.g. partner, ex-partner, son',
            })}
          </FormSection>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Add incident
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
