// Settings for escalations: the force's attendance target per grade (the app suggests escalating
// an incident still waiting past its target; blank means the grade has none), how often an
// unacknowledged escalation is brought back, and whether that reminder sounds.
import { useState, type FormEvent } from 'react'
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  TextField,
  Typography,
} from '@mui/material'
import { GRADES, type Grade } from '#shared/domain.ts'
import {
  DEFAULT_GRADE_TARGETS,
  DEFAULT_REMINDER_MINUTES,
  type GradeTargets,
} from '#shared/escalation.ts'
import { playReminderSound } from '../escalation/reminderSound.ts'
import { gradeLabel } from '../queue/GradeChip.tsx'
import { useDesk } from '../store/useDesk.ts'

/** A week: the longest target the Node side accepts. */
const TARGET_MAX = 10_080
const REMINDER_MAX = 60

type Typed = Record<Grade, string>

/** Whole minutes within 1..max, or the problem. */
function wholeMinutes(typed: string, max: number): number | string {
  if (!/^\d+$/.test(typed.trim())) return 'Whole minutes, e.g. 15'
  const minutes = Number(typed.trim())
  if (minutes < 1 || minutes > max) return `Between 1 and ${max.toLocaleString('en-GB')}`
  return minutes
}

export function EscalationSettings() {
  const settings = useDesk((s) => s.settings)
  const saveEscalationTimes = useDesk((s) => s.saveEscalationTimes)
  const setReminderSound = useDesk((s) => s.setReminderSound)
  const targets = settings?.gradeTargets ?? DEFAULT_GRADE_TARGETS
  const [typed, setTyped] = useState<Typed>({
    1: String(targets[1] ?? ''),
    2: String(targets[2] ?? ''),
    3: String(targets[3] ?? ''),
    4: String(targets[4] ?? ''),
  })
  const [reminderMinutes, setReminderMinutes] = useState(
    String(settings?.escalationReminderMinutes ?? DEFAULT_REMINDER_MINUTES),
  )
  const [problems, setProblems] = useState<Partial<Record<Grade | 'interval', string>>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function save(event: FormEvent) {
    event.preventDefault()
    const found: Partial<Record<Grade | 'interval', string>> = {}
    const next: GradeTargets = { 1: null, 2: null, 3: null, 4: null }
    for (const grade of GRADES) {
      if (typed[grade].trim() === '') continue
      const minutes = wholeMinutes(typed[grade], TARGET_MAX)
      if (typeof minutes === 'string') found[grade] = minutes
      else next[grade] = minutes
    }
    const minutes = wholeMinutes(reminderMinutes, REMINDER_MAX)
    if (typeof minutes === 'string') found.interval = minutes
    setProblems(found)
    setRefusal(null)
    if (Object.keys(found).length > 0 || typeof minutes === 'string') return
    setBusy(true)
    const reason = await saveEscalationTimes(next, minutes)
    setBusy(false)
    if (reason) setRefusal(`Not saved. ${reason}`)
  }

  return (
    <Box
      component="section"
      aria-labelledby="escalation-settings-heading"
      sx={{ display: 'grid', gap: 1.5 }}
    >
      <Typography id="escalation-settings-heading" component="h3" sx={{ fontWeight: 600 }}>
        Escalations
      </Typography>
      <Box component="form" noValidate onSubmit={save} sx={{ display: 'grid', gap: 1.5 }}>
        <Typography variant="body2" color="text.secondary" id="targets-help">
          The force’s attendance target for each grade, in minutes. DA Desk suggests escalating an
          incident still waiting for police past its target. Leave a grade blank if it has none.
        </Typography>
        <Box
          role="group"
          aria-label="Attendance targets"
          aria-describedby="targets-help"
          sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 1 }}
        >
          {GRADES.map((grade) => (
            <TextField
              key={grade}
              label={gradeLabel(grade)}
              size="small"
              value={typed[grade]}
              placeholder="none"
              onChange={(e) => {
                setTyped((t) => ({ ...t, [grade]: e.target.value }))
                setProblems((p) => ({ ...p, [grade]: undefined }))
              }}
              error={Boolean(problems[grade])}
              helperText={problems[grade] ?? (typed[grade].trim() === '' ? 'No target' : 'minutes')}
              slotProps={{
                htmlInput: { inputMode: 'numeric', maxLength: 5 },
                // Always above the field, so "none" shows in an empty one.
                inputLabel: { shrink: true },
              }}
            />
          ))}
        </Box>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <TextField
            label="Remind me every (minutes)"
            size="small"
            value={reminderMinutes}
            onChange={(e) => {
              setReminderMinutes(e.target.value)
              setProblems((p) => ({ ...p, interval: undefined }))
            }}
            error={Boolean(problems.interval)}
            helperText={
              problems.interval ?? 'While the controller has not acknowledged an escalation'
            }
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2 } }}
            sx={{ width: 300 }}
          />
          <Button type="submit" variant="outlined" disabled={busy} sx={{ flexShrink: 0 }}>
            Save targets and reminder
          </Button>
        </Box>
        {refusal && (
          <FormHelperText error role="alert">
            {refusal}
          </FormHelperText>
        )}
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <FormControlLabel
          control={
            <Checkbox
              checked={settings?.escalationReminderSound ?? false}
              onChange={(e) => void setReminderSound(e.target.checked)}
            />
          }
          label="Play a sound with the reminder"
        />
        <Button variant="text" onClick={playReminderSound}>
          Hear it
        </Button>
      </Box>
    </Box>
  )
}
