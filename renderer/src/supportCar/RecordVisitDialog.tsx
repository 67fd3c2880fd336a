// Recording a support car visit, as the crew reports it: when they attended and who (the officer,
// the IDVA or both; the crew on the shift are filled in), whether the victim engaged, a safety
// plan, a move to safety, a Clare's Law disclosure, the referrals made with consent, and notes.
// A visit that found no one in can leave the incident on the car's list.
import { useState } from 'react'
import {
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  TextField,
} from '@mui/material'
import { REFERRAL_SERVICE_LABELS } from '#shared/script.ts'
import { VISIT_REFERRAL_SERVICES, type VisitReferralService } from '#shared/supportCar.ts'
import { formatDateTime, parseLondonDateTime, toIsoUtc } from '#shared/time.ts'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
import { useDesk } from '../store/useDesk.ts'

const OUTCOMES = [
  ['victimEngaged', 'Victim engaged'],
  ['safetyPlanAgreed', 'Safety plan agreed'],
  ['movedToSafety', 'Moved to safety'],
  ['disclosureGiven', 'Clare’s Law disclosure given'],
] as const
type Outcome = (typeof OUTCOMES)[number][0]

export function RecordVisitDialog({
  taskingId,
  incidentRef,
  onClose,
}: {
  taskingId: number
  incidentRef: string
  onClose: () => void
}) {
  const recordVisit = useDesk((s) => s.recordVisit)
  const nowMs = useDesk((s) => s.nowMs)
  const crew = useDesk((s) => s.supportCar?.crew ?? [])
  const [visitedAt, setVisitedAt] = useState(() => formatDateTime(toIsoUtc(nowMs)))
  const [officer, setOfficer] = useState(() => crew.find((m) => m.role === 'officer')?.name ?? '')
  const [idva, setIdva] = useState(() => crew.find((m) => m.role === 'idva')?.name ?? '')
  const [outcomes, setOutcomes] = useState<Record<Outcome, boolean>>({
    victimEngaged: false,
    safetyPlanAgreed: false,
    movedToSafety: false,
    disclosureGiven: false,
  })
  const [referrals, setReferrals] = useState<VisitReferralService[]>([])
  const [notes, setNotes] = useState('')
  const [completes, setCompletes] = useState(true)
  const { problem, setProblem, busy, record } = useFormSubmit()

  function submit() {
    const at = parseLondonDateTime(visitedAt)
    if (!at)
      return setProblem('Give when the crew attended as dd/mm/yyyy hh:mm, e.g. 21/11/2026 19:30.')
    if (!officer.trim() && !idva.trim()) {
      return setProblem('Give the name of the officer or the IDVA who attended.')
    }
    void record(
      () =>
        recordVisit({
          taskingId,
          visitedAt: at,
          officer: officer.trim() || null,
          idva: idva.trim() || null,
          ...outcomes,
          referrals: VISIT_REFERRAL_SERVICES.filter((s) => referrals.includes(s)),
          notes: notes.trim() || null,
          completesTasking: completes,
        }),
      onClose,
      'Not recorded.',
    )
  }

  return (
    <FormDialog
      titleId="record-visit-title"
      title={`Record support car visit — ${incidentRef}`}
      submitLabel="Record visit"
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        label="When the crew attended"
        helperText="dd/mm/yyyy hh:mm, UK time"
        value={visitedAt}
        onChange={(e) => {
          setVisitedAt(e.target.value)
          setProblem(null)
        }}
        autoFocus
        sx={{ maxWidth: 260 }}
      />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: '1fr 1fr' }}>
        <TextField
          label="Officer who attended"
          value={officer}
          onChange={(e) => setOfficer(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <TextField
          label="IDVA who attended"
          value={idva}
          onChange={(e) => setIdva(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
      </Box>
      <FormControl component="fieldset">
        <FormLabel component="legend">What happened</FormLabel>
        <FormGroup row>
          {OUTCOMES.map(([key, label]) => (
            <FormControlLabel
              key={key}
              label={label}
              control={
                <Checkbox
                  checked={outcomes[key]}
                  onChange={(e) => setOutcomes({ ...outcomes, [key]: e.target.checked })}
                />
              }
            />
          ))}
        </FormGroup>
      </FormControl>
      <FormControl component="fieldset">
        <FormLabel component="legend">Referrals made, with consent</FormLabel>
        <FormGroup row>
          {VISIT_REFERRAL_SERVICES.map((service) => (
            <FormControlLabel
              key={service}
              label={REFERRAL_SERVICE_LABELS[service]}
              control={
                <Checkbox
                  checked={referrals.includes(service)}
                  onChange={(e) =>
                    setReferrals(
                      e.target.checked
                        ? [...referrals, service]
                        : referrals.filter((r) => r !== service),
                    )
                  }
                />
              }
            />
          ))}
        </FormGroup>
      </FormControl>
      <TextField
        label="Notes (optional)"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 4000 } }}
      />
      <FormControlLabel
        label="This visit completes the tasking (takes it off the car’s list)"
        control={<Checkbox checked={completes} onChange={(e) => setCompletes(e.target.checked)} />}
      />
    </FormDialog>
  )
}
