// Settings for the retention policy: how many months after an incident's last activity its
// personal details are removed (the figures stay). What a new period would remove is shown
// before it is saved, as is what "Purge now" would; purging now asks first, since it cannot be
// undone.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormHelperText,
  TextField,
  Typography,
} from '@mui/material'
import type { Settings } from '#shared/domain.ts'
import {
  formatDate,
  KEPT_REASON_LABELS,
  KEPT_REASONS,
  MAX_RETENTION_MONTHS,
  MIN_RETENTION_MONTHS,
} from '#shared/retention.ts'
import type { RetentionPreview } from '#shared/retention.ts'
import { useDesk } from '../store/useDesk.ts'

/** How long typing pauses before the preview is asked for again. */
const PREVIEW_DELAY_MS = 400
/** The incidents listed under the preview; the rest are counted. */
const LISTED = 20

/** Whole months within the allowed range, or the problem. */
function wholeMonths(typed: string): number | string {
  if (!/^\d+$/.test(typed.trim())) return 'Whole months, e.g. 12'
  const months = Number(typed.trim())
  if (months < MIN_RETENTION_MONTHS || months > MAX_RETENTION_MONTHS) {
    return `Between ${MIN_RETENTION_MONTHS} and ${MAX_RETENTION_MONTHS} months`
  }
  return months
}

const incidents = (n: number) => (n === 1 ? '1 incident' : `${n} incidents`)

/** What the kept incidents are kept for, e.g. "2 kept: open escalation (1), outstanding action (1)". */
function keptLine(preview: RetentionPreview): string | null {
  if (preview.kept.length === 0) return null
  const counts = KEPT_REASONS.map(
    (reason) => [reason, preview.kept.filter((i) => i.reasons.includes(reason)).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${KEPT_REASON_LABELS[reason]} (${n})`)
  return (
    `${incidents(preview.kept.length)} due by date ${preview.kept.length === 1 ? 'is' : 'are'} ` +
    `kept while work on them is open: ${counts.join(', ')}.`
  )
}

function PreviewList({ preview }: { preview: RetentionPreview }) {
  const rows = [
    ...preview.due.map((i) => ({ ...i, note: '' })),
    ...preview.kept.map((i) => ({
      ...i,
      note: `kept: ${i.reasons.map((r) => KEPT_REASON_LABELS[r]).join(', ')}`,
    })),
  ]
  if (rows.length === 0) return null
  return (
    <Box
      component="ul"
      aria-label="Incidents due"
      sx={{ m: 0, pl: 2.5, fontSize: '0.875rem', maxHeight: 160, overflow: 'auto' }}
    >
      {rows.slice(0, LISTED).map((i) => (
        <li key={i.incidentId}>
          {i.incidentRef} — last activity {formatDate(i.lastActivityAt)}
          {i.note && ` — ${i.note}`}
        </li>
      ))}
      {rows.length > LISTED && <li>and {rows.length - LISTED} more</li>}
    </Box>
  )
}

export function RetentionSettings({ settings }: { settings: Settings }) {
  const preview = useDesk((s) => s.retentionPreview)
  const previewRetention = useDesk((s) => s.previewRetention)
  const saveRetentionMonths = useDesk((s) => s.saveRetentionMonths)
  const purgeNow = useDesk((s) => s.purgeNow)
  const saved = settings.retentionMonths
  const [typed, setTyped] = useState(String(saved))
  const [refusal, setRefusal] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const months = wholeMonths(typed)
  const valid = typeof months === 'number'

  // The saved period's preview at once when Settings opens; a typed one once typing pauses.
  const opened = useRef(false)
  useEffect(() => {
    if (typeof months !== 'number') return
    const timer = setTimeout(
      () => {
        opened.current = true
        void previewRetention(months).then((problem) => setRefusal(problem?.message ?? null))
      },
      opened.current ? PREVIEW_DELAY_MS : 0,
    )
    return () => clearTimeout(timer)
  }, [months, previewRetention])

  const current = preview !== null && preview.months === months ? preview : null
  const changed = valid && months !== saved

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!changed) return
    setBusy(true)
    const reason = await saveRetentionMonths(months)
    setBusy(false)
    setRefusal(reason && `Not saved. ${reason}`)
  }

  async function purge() {
    setBusy(true)
    const reason = await purgeNow()
    setBusy(false)
    setConfirming(false)
    setRefusal(reason && `Nothing was removed. ${reason}`)
  }

  let summary: string | null = null
  if (current) {
    const before = formatDate(current.cutoff)
    const n = current.due.length
    if (changed) {
      summary =
        n > 0
          ? `Saving will remove personal details from ${incidents(n)} whose last activity was ` +
            `before ${before}.`
          : `Saving removes nothing now: nothing due had its last activity before ${before}.`
    } else {
      summary =
        n > 0
          ? `${incidents(n)} had their last activity before ${before}: their personal details ` +
            'are removed at the next daily run, or now with Purge now.'
          : `Nothing is due for removal: nothing left had its last activity before ${before}.`
    }
  }

  return (
    <Box
      component="section"
      aria-labelledby="retention-settings-heading"
      sx={{ display: 'grid', gap: 1.5 }}
    >
      <Typography id="retention-settings-heading" component="h3" sx={{ fontWeight: 600 }}>
        Retention
      </Typography>
      <Typography variant="body2" color="text.secondary" id="retention-help">
        Months after an incident’s last activity that its personal details are kept: names, dates of
        birth, phone numbers, addresses and everything typed about it. Then they are removed for
        good; the figures and what was done stay. DA Desk does this when it starts and every day.
        Incidents with an open escalation, an outstanding action, a Clare’s Law application awaiting
        a decision or a follow-up call still to make are kept.
      </Typography>
      <Box
        component="form"
        noValidate
        onSubmit={save}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <TextField
          label="Keep personal details for (months)"
          size="small"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value)
            setRefusal(null)
          }}
          error={!valid}
          helperText={valid ? `Saved: ${saved} months` : months}
          slotProps={{
            htmlInput: { inputMode: 'numeric', maxLength: 3, 'aria-describedby': 'retention-help' },
          }}
          sx={{ width: 300 }}
        />
        <Button
          type="submit"
          variant="outlined"
          disabled={busy || !changed || current === null}
          sx={{ flexShrink: 0 }}
        >
          Save retention period
        </Button>
      </Box>
      {valid && (
        <Alert
          severity={changed && current && current.due.length > 0 ? 'warning' : 'info'}
          role="status"
          aria-live="polite"
        >
          {summary ?? 'Working out what this period would remove…'}
          {current && keptLine(current) && (
            <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
              {keptLine(current)}
            </Box>
          )}
          {current && current.feedFiles > 0 && (
            <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
              {current.feedFiles === 1 ? '1 feed file' : `${current.feedFiles} feed files`} kept in
              the inbox from before then will be deleted.
            </Box>
          )}
        </Alert>
      )}
      {current && <PreviewList preview={current} />}
      {refusal && (
        <FormHelperText error role="alert">
          {refusal}
        </FormHelperText>
      )}
      <Box>
        <Button
          variant="outlined"
          color="error"
          disabled={busy || changed || current === null || current.due.length === 0}
          onClick={() => setConfirming(true)}
        >
          Purge now…
        </Button>
        {changed && (
          <Typography variant="body2" color="text.secondary" component="span" sx={{ ml: 1 }}>
            Save the period first.
          </Typography>
        )}
      </Box>
      {confirming && current && (
        <Dialog
          open
          onClose={() => setConfirming(false)}
          aria-labelledby="purge-title"
          aria-describedby="purge-text"
        >
          <DialogTitle id="purge-title">Remove personal details now?</DialogTitle>
          <DialogContent>
            <DialogContentText id="purge-text">
              Personal details will be removed from {incidents(current.due.length)} whose last
              activity was before {formatDate(current.cutoff)}: names, dates of birth, phone
              numbers, addresses and everything typed about them. The figures and what was done
              stay. This cannot be undone.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </Button>
            <Button color="error" variant="contained" disabled={busy} onClick={() => void purge()}>
              Remove personal details
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  )
}
