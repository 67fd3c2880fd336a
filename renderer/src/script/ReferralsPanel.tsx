// The referrals step: every service, what has been decided for it (each decision kept, with time
// and worker), and "Record decision" for it: referred with consent, no consent, already supported
// (by whom), or declined (the victim's reason). "Other" needs the service's name.
import { useState, type FormEvent } from 'react'
import {
  Alert,
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
  TextField,
  Typography,
} from '@mui/material'
import {
  REFERRAL_DECISION_LABELS,
  REFERRAL_DECISIONS,
  REFERRAL_SERVICE_LABELS,
  REFERRAL_SERVICES,
  type Referral,
  type ReferralDecision,
  type ReferralService,
} from '#shared/script.ts'
import CheckIcon from '@mui/icons-material/Check'
import { formatWhen } from '../app/formatWhen.ts'
import { useDesk } from '../store/useDesk.ts'

/** "MARAC — Referred, with consent", "IDVA — Already supported by …", "Housing — Declined: …";
 * without the service (under its own heading) when `withService` is false. */
export function describeReferral(referral: Referral, withService = true): string {
  const service =
    referral.service === 'other' && referral.otherService
      ? referral.otherService
      : REFERRAL_SERVICE_LABELS[referral.service]
  const decision = REFERRAL_DECISION_LABELS[referral.decision]
  const detail =
    referral.detail === null
      ? ''
      : referral.decision === 'already-supported'
        ? ` by ${referral.detail}`
        : `: ${referral.detail}`
  const named = referral.service === 'other' && referral.otherService ? `${service}: ` : ''
  return withService ? `${service} — ${decision}${detail}` : `${named}${decision}${detail}`
}

export function ReferralsPanel({
  incidentId,
  referrals,
}: {
  incidentId: number
  referrals: readonly Referral[]
}) {
  const nowMs = useDesk((s) => s.nowMs)
  const [recording, setRecording] = useState<ReferralService | null>(null)

  return (
    <Box
      component="ul"
      aria-label="Referrals"
      sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 0 }}
    >
      {REFERRAL_SERVICES.map((service) => {
        const recorded = referrals.filter((r) => r.service === service)
        const label = REFERRAL_SERVICE_LABELS[service]
        return (
          <Box
            component="li"
            key={service}
            sx={{
              display: 'grid',
              gridTemplateColumns: 'minmax(0, 1fr) auto',
              gap: 1,
              alignItems: 'center',
              py: 1,
              borderBottom: 1,
              borderColor: 'divider',
            }}
          >
            <Box>
              <Typography sx={{ fontWeight: 700 }}>{label}</Typography>
              {recorded.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  Nothing recorded
                </Typography>
              ) : (
                recorded.map((r) => (
                  <Typography key={r.id} sx={{ fontWeight: 600 }}>
                    <CheckIcon
                      sx={{ fontSize: 18, mr: 0.5, verticalAlign: 'text-bottom' }}
                      aria-hidden
                    />
                    {describeReferral(r, false)}{' '}
                    <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
                      · {formatWhen(r.at, nowMs)} by {r.by}
                    </Box>
                  </Typography>
                ))
              )}
            </Box>
            <Button
              variant="outlined"
              onClick={() => setRecording(service)}
              aria-label={`Record decision: ${label}`}
            >
              Record decision
            </Button>
          </Box>
        )
      })}
      {recording && (
        <ReferralDialog
          incidentId={incidentId}
          service={recording}
          onClose={() => setRecording(null)}
        />
      )}
    </Box>
  )
}

function ReferralDialog({
  incidentId,
  service,
  onClose,
}: {
  incidentId: number
  service: ReferralService
  onClose: () => void
}) {
  const addReferral = useDesk((s) => s.addReferral)
  const [decision, setDecision] = useState<ReferralDecision | null>(null)
  const [otherService, setOtherService] = useState('')
  const [detail, setDetail] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const label = REFERRAL_SERVICE_LABELS[service]
  const detailLabel =
    decision === 'already-supported'
      ? 'Supported by (who)'
      : decision === 'declined'
        ? "The victim's reason"
        : null

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (service === 'other' && otherService.trim() === '') {
      return setProblem("Type the service's name.")
    }
    if (!decision) return setProblem('Choose the decision.')
    if (detailLabel && detail.trim() === '') {
      return setProblem(
        decision === 'declined' ? "Give the victim's reason." : 'Say who supports the victim.',
      )
    }
    setBusy(true)
    const error = await addReferral({
      incidentId,
      service,
      otherService: service === 'other' ? otherService.trim() : null,
      decision,
      detail: detailLabel ? detail.trim() : null,
    })
    setBusy(false)
    if (error) setProblem(`Not recorded: ${error.message}`)
    else onClose()
  }

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="referral-title">
      <DialogTitle id="referral-title">Referral: {label}</DialogTitle>
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogContent dividers sx={{ display: 'grid', gap: 2 }}>
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          {service === 'other' && (
            <TextField
              label="Service name"
              required
              autoFocus
              value={otherService}
              onChange={(e) => setOtherService(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
          )}
          <FormControl required>
            <FormLabel id="referral-decision-label">Decision</FormLabel>
            <RadioGroup
              aria-labelledby="referral-decision-label"
              value={decision ?? ''}
              onChange={(e) => setDecision(e.target.value as ReferralDecision)}
            >
              {REFERRAL_DECISIONS.map((value, index) => (
                <FormControlLabel
                  key={value}
                  value={value}
                  control={<Radio autoFocus={service !== 'other' && index === 0} />}
                  label={REFERRAL_DECISION_LABELS[value]}
                />
              ))}
            </RadioGroup>
          </FormControl>
          {detailLabel && (
            <TextField
              key={decision}
              label={detailLabel}
              required
              value={detail}
              onChange={(e) => setDetail(e.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Record
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
