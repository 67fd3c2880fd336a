// The Support car view: what the car should visit next, in order (priority, then grade, then the
// longest wait since the call), each stop with where and whom, why it was tasked and the
// safe-contact notes the crew needs before they knock; "Record visit" and "Stand down" on each.
// Below, the car's crew on this shift, and adding them so the handover lists them as workers.
import { useEffect, useState, type FormEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material'
import CloseIcon from '@mui/icons-material/Close'
import {
  CREW_ROLE_LABELS,
  CREW_ROLES,
  TASKING_PRIORITY_LABELS,
  type CrewRole,
  type SupportCarStop,
  type TaskingPriority,
} from '#shared/supportCar.ts'
import { formatAge, formatDateTime } from '#shared/time.ts'
import { GradeChip } from '../queue/GradeChip.tsx'
import { PERSONAL } from '../privacy/personal.ts'
import { useDesk } from '../store/useDesk.ts'
import { RecordVisitDialog } from './RecordVisitDialog.tsx'
import { StandDownDialog } from './StandDownDialog.tsx'
import { visitOutcomes } from './supportCarWords.ts'

const PRIORITY_COLOURS: Record<TaskingPriority, 'error' | 'warning' | 'default'> = {
  urgent: 'error',
  high: 'warning',
  routine: 'default',
}

export function PriorityChip({ priority }: { priority: TaskingPriority }) {
  return (
    <Chip
      label={TASKING_PRIORITY_LABELS[priority]}
      color={PRIORITY_COLOURS[priority]}
      size="small"
      sx={{ fontWeight: 700, minWidth: 72 }}
    />
  )
}

type Form = { kind: 'visit' | 'stand-down'; stop: SupportCarStop } | null

function Stop({
  stop,
  position,
  onForm,
  onOpen,
}: {
  stop: SupportCarStop
  position: number
  onForm: (form: Form) => void
  onOpen: () => void
}) {
  const nowMs = useDesk((s) => s.nowMs)
  const t = stop.tasking
  const headingId = `car-stop-${t.id}`
  return (
    <Box
      component="li"
      aria-labelledby={headingId}
      sx={{ display: 'grid', gap: 1, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography id={headingId} variant="h6" component="h4" sx={{ fontWeight: 700 }}>
          {position}. {stop.incidentRef}
        </Typography>
        <PriorityChip priority={t.priority} />
        <GradeChip grade={stop.grade} />
        <Typography color="text.secondary">
          waiting {formatAge(stop.receivedAt, nowMs)} since the call · tasked{' '}
          {formatDateTime(t.taskedAt)} by {t.taskedBy}
        </Typography>
      </Box>
      <Typography sx={{ fontWeight: 700 }} {...PERSONAL}>
        {stop.victimName ?? 'Victim not named'} —{' '}
        {[stop.address, stop.postcode].filter(Boolean).join(', ') || 'no address given'}
      </Typography>
      <Typography {...PERSONAL}>
        <strong>Reason:</strong> {t.reason}
      </Typography>
      {stop.crewNotes.length === 0 ? (
        <Typography color="text.secondary">
          No safe-contact notes recorded yet: check with the desk before knocking.
        </Typography>
      ) : (
        <Box
          component="dl"
          aria-label={`Safe-contact notes for ${stop.incidentRef}`}
          sx={{
            m: 0,
            display: 'grid',
            gridTemplateColumns: 'max-content 1fr',
            columnGap: 2,
            rowGap: 0.5,
          }}
        >
          {stop.crewNotes.map((n, i) => (
            <Box key={i} sx={{ display: 'contents' }}>
              <Typography component="dt" sx={{ fontWeight: 700 }}>
                {n.label}
              </Typography>
              <Typography component="dd" sx={{ m: 0 }}>
                <Box component="span" {...PERSONAL}>
                  {n.value}
                </Box>
                <Typography component="span" variant="body2" color="text.secondary">
                  {' '}
                  (recorded {formatDateTime(n.at)})
                </Typography>
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {t.visits.map((v) => (
        <Typography key={v.id} variant="body2" color="text.secondary">
          Visited {formatDateTime(v.visitedAt)}: {visitOutcomes(v)}
        </Typography>
      ))}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" size="small" onClick={() => onForm({ kind: 'visit', stop })}>
          Record visit
        </Button>
        <Button
          variant="outlined"
          size="small"
          onClick={() => onForm({ kind: 'stand-down', stop })}
        >
          Stand down
        </Button>
        <Button size="small" onClick={onOpen}>
          Open {stop.incidentRef}
        </Button>
      </Box>
    </Box>
  )
}

function CrewSection() {
  const crew = useDesk((s) => s.supportCar?.crew ?? [])
  const shiftOpen = useDesk((s) => s.supportCar?.shiftId != null)
  const addCrew = useDesk((s) => s.addCrew)
  const [name, setName] = useState('')
  const [role, setRole] = useState<CrewRole>('officer')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    if (!name.trim()) return setProblem('Give the crew member’s name (and collar number).')
    setBusy(true)
    const error = await addCrew({ name: name.trim(), role })
    setBusy(false)
    if (error) return setProblem(`Not added. ${error.message}`)
    setName('')
    setProblem(null)
  }

  return (
    <Box component="section" aria-labelledby="car-crew-title" sx={{ display: 'grid', gap: 1 }}>
      <Typography id="car-crew-title" variant="h6" component="h3">
        Car crew on this shift
      </Typography>
      {crew.length === 0 ? (
        <Typography color="text.secondary">
          No crew added yet. Add the car’s officer and IDVA so the handover lists them.
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {crew.map((m) => (
            <Typography component="li" key={m.id}>
              {m.name} — {CREW_ROLE_LABELS[m.role]}, added {formatDateTime(m.addedAt)}
            </Typography>
          ))}
        </Box>
      )}
      {shiftOpen && (
        <Box
          component="form"
          noValidate
          onSubmit={submit}
          aria-label="Add car crew to this shift"
          sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}
        >
          <TextField
            label="Crew member’s name"
            size="small"
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              setProblem(null)
            }}
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
          <RadioGroup
            row
            aria-label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value as CrewRole)}
          >
            {CREW_ROLES.map((r) => (
              <FormControlLabel key={r} value={r} control={<Radio />} label={CREW_ROLE_LABELS[r]} />
            ))}
          </RadioGroup>
          <Button type="submit" variant="outlined" disabled={busy}>
            Add car crew to this shift
          </Button>
        </Box>
      )}
      {problem && (
        <Alert severity="error" role="alert">
          {problem}
        </Alert>
      )}
    </Box>
  )
}

export function SupportCarDialog({ onClose }: { onClose: () => void }) {
  const list = useDesk((s) => s.supportCar)
  const loadSupportCar = useDesk((s) => s.loadSupportCar)
  const openIncident = useDesk((s) => s.openIncident)
  const [form, setForm] = useState<Form>(null)

  useEffect(() => {
    void loadSupportCar()
  }, [loadSupportCar])

  function open(incidentId: number) {
    onClose()
    void openIncident(incidentId)
  }

  const stops = list?.stops ?? []
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="support-car-title">
      <DialogTitle id="support-car-title" sx={{ pr: 6 }}>
        Support car
        <IconButton
          aria-label="Close"
          onClick={onClose}
          sx={{ position: 'absolute', right: 8, top: 8 }}
        >
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 3 }}>
        <Box component="section" aria-labelledby="car-list-title" sx={{ display: 'grid', gap: 1 }}>
          <Typography id="car-list-title" variant="h6" component="h3">
            Visit next ({stops.length})
          </Typography>
          <Typography variant="body2" color="text.secondary">
            In order: priority, then grade, then the longest wait since the call.
          </Typography>
          {stops.length === 0 ? (
            <Typography color="text.secondary">
              Nothing on the car’s list. Task the car from an incident.
            </Typography>
          ) : (
            <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
              {stops.map((stop, i) => (
                <Stop
                  key={stop.tasking.id}
                  stop={stop}
                  position={i + 1}
                  onForm={setForm}
                  onOpen={() => open(stop.tasking.incidentId)}
                />
              ))}
            </Box>
          )}
        </Box>
        <CrewSection />
      </DialogContent>
      {form?.kind === 'visit' && (
        <RecordVisitDialog
          taskingId={form.stop.tasking.id}
          incidentRef={form.stop.incidentRef}
          onClose={() => setForm(null)}
        />
      )}
      {form?.kind === 'stand-down' && (
        <StandDownDialog
          taskingId={form.stop.tasking.id}
          incidentRef={form.stop.incidentRef}
          onClose={() => setForm(null)}
        />
      )}
    </Dialog>
  )
}
