// "Hand over": the end of the shift. The dialog shows the handover record as it stands now (the
// shift, its figures, every incident its workers touched and the actions still outstanding), lets
// the worker choose the formats, statistics only and the folder, and says plainly that handing
// over ends the shift. The Node side writes every file or none; on success the worker is signed
// out and the sign-in screen says where each file went.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import ExitToAppIcon from '@mui/icons-material/ExitToApp'
import { ACTION_OWNER_LABELS } from '#shared/domain.ts'
import type { ExportFormat, HandoverIncident, HandoverRecord } from '#shared/handover.ts'
import { EXPORT_FORMATS, shiftLength } from '#shared/handover.ts'
import { REFERRAL_SERVICE_LABELS } from '#shared/script.ts'
import { formatDateTime } from '#shared/time.ts'
import { RISK_LEVEL_LABELS } from '../script/scriptPath.ts'
import { useDesk } from '../store/useDesk.ts'
import { FiguresGrid } from '../figures/FiguresGrid.tsx'
import { SupportCarFigures } from '../supportCar/SupportCarFigures.tsx'
import { FolderChoice, FormatChoice, outDirFor } from './ExportChoices.tsx'

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

function gradeWords(incident: HandoverIncident): string {
  const regraded = incident.regrades.length > 0 && incident.firstGrade !== incident.grade
  return regraded ? `G${incident.grade} (was G${incident.firstGrade})` : `G${incident.grade}`
}

function contactWords(incident: HandoverIncident): string {
  const attempts = plural(incident.attempts.length, 'attempt')
  return incident.firstContactAt ? `${attempts}; spoke to victim` : attempts
}

function referralWords(incident: HandoverIncident): string {
  if (incident.referrals.length === 0) return 'None'
  return [...new Set(incident.referrals.map((r) => REFERRAL_SERVICE_LABELS[r.service]))].join(', ')
}

function escalationWords(incident: HandoverIncident): string {
  if (incident.escalations.length === 0) return 'None'
  const open = incident.escalations.filter((e) => e.state !== 'closed').length
  const count = plural(incident.escalations.length, 'escalation')
  return open > 0 ? `${count}, ${open} open` : count
}

/** The shift, the service and the marking, as the record's header will give them. */
function RecordHeader({ record }: { record: HandoverRecord }) {
  const { header } = record
  const missing = [
    header.service === '' && 'the service',
    header.force === '' && 'the force',
  ].filter(Boolean)
  return (
    <Stack spacing={1}>
      <Box
        sx={{
          alignSelf: 'flex-start',
          border: 2,
          borderColor: 'text.primary',
          borderRadius: 1,
          px: 1.5,
          py: 0.5,
          fontWeight: 700,
          letterSpacing: '0.04em',
        }}
      >
        Marked {header.protectiveMarking}
        <Typography component="span" sx={{ fontWeight: 400, letterSpacing: 0 }}>
          {' '}
          — on every page and file
        </Typography>
      </Box>
      <Typography>
        <strong>Shift:</strong> {formatDateTime(header.from)} to now (
        {shiftLength(header.from, header.to)})
      </Typography>
      <Typography>
        <strong>On shift:</strong> {header.workers.join(', ')}
      </Typography>
      <Typography>
        <strong>Service:</strong> {header.service || 'not set'} · <strong>Force:</strong>{' '}
        {header.force || 'not set'}
      </Typography>
      {missing.length > 0 && (
        <Alert severity="warning">
          Settings do not name {missing.join(' or ')}, so the record’s header leaves{' '}
          {missing.length === 1 ? 'it' : 'them'} blank. Close this and set{' '}
          {missing.length === 1 ? 'it' : 'them'} in Settings first if the police need{' '}
          {missing.length === 1 ? 'it' : 'them'}.
        </Alert>
      )}
    </Stack>
  )
}

function IncidentsTouched({ incidents }: { incidents: HandoverIncident[] }) {
  if (incidents.length === 0) {
    return <Typography color="text.secondary">No incident was touched on this shift.</Typography>
  }
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {['Reference', 'Grade', 'Contact', 'Risk', 'Referrals', 'Escalations', 'Actions'].map(
            (heading) => (
              <TableCell key={heading} component="th" scope="col">
                {heading}
              </TableCell>
            ),
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {incidents.map((incident) => (
          <TableRow key={incident.id}>
            <TableCell component="th" scope="row" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
              {incident.incidentRef}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{gradeWords(incident)}</TableCell>
            <TableCell>{contactWords(incident)}</TableCell>
            <TableCell sx={{ fontWeight: incident.risk.level === 'high' ? 700 : 400 }}>
              {RISK_LEVEL_LABELS[incident.risk.level]}
            </TableCell>
            <TableCell>{referralWords(incident)}</TableCell>
            <TableCell>{escalationWords(incident)}</TableCell>
            <TableCell sx={{ fontWeight: incident.outstandingActions.length > 0 ? 700 : 400 }}>
              {incident.outstandingActions.length > 0
                ? `${incident.outstandingActions.length} outstanding`
                : 'None'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

function OutstandingActions({ record }: { record: HandoverRecord }) {
  if (record.outstandingActions.length === 0) {
    return <Typography color="text.secondary">None: every action is marked done.</Typography>
  }
  return (
    <Box component="ul" aria-labelledby="handover-actions" sx={{ m: 0, pl: 2.5 }}>
      {record.outstandingActions.map((action) => (
        <Box component="li" key={action.id} sx={{ mb: 0.75 }}>
          <strong>{ACTION_OWNER_LABELS[action.owner]}</strong> · {action.incidentRef}:{' '}
          {action.text ?? ''}
          <Typography component="span" variant="body2" color="text.secondary">
            {' '}
            ({formatDateTime(action.at)}
            {action.by ? `, ${action.by}` : ''})
          </Typography>
        </Box>
      ))}
    </Box>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id} sx={{ display: 'grid', gap: 1 }}>
      <Typography id={id} variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {title}
      </Typography>
      {children}
    </Box>
  )
}

export function HandOverDialog({ onClose }: { onClose: () => void }) {
  const preview = useDesk((s) => s.handoverPreview)
  const loadHandoverPreview = useDesk((s) => s.loadHandoverPreview)
  const handOver = useDesk((s) => s.handOver)
  const settingsFolder = useDesk((s) => s.settings?.exportDir ?? '')
  const [previewProblem, setPreviewProblem] = useState<string | null>(null)
  const [formats, setFormats] = useState<ExportFormat[]>([...EXPORT_FORMATS])
  const [statsOnly, setStatsOnly] = useState(false)
  const [folder, setFolder] = useState(settingsFolder)
  const [problems, setProblems] = useState<{ formats?: string; folder?: string }>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submitting = useRef(false)

  useEffect(() => {
    void loadHandoverPreview().then((error) => setPreviewProblem(error?.message ?? null))
  }, [loadHandoverPreview])

  async function submit(event: FormEvent) {
    event.preventDefault()
    const found = {
      formats: formats.length === 0 ? 'Choose at least one format.' : undefined,
      folder: folder.trim() === '' ? 'Enter the folder to save the handover in.' : undefined,
    }
    setProblems(found)
    if (found.formats || found.folder) {
      setRefusal('Not handed over yet: check the choices marked below.')
      document.getElementById(found.formats ? 'handover-formats' : 'handover-folder')?.focus()
      return
    }
    // A second submit before the button shows it is busy (a double click, Enter held down)
    // would start a second hand over; the Node side refuses one too, but it need not be asked.
    if (submitting.current) return
    submitting.current = true
    setBusy(true)
    setRefusal(null)
    const error = await handOver({ formats, statsOnly, outDir: outDirFor(folder, settingsFolder) })
    // On success the desk (and this dialog) is gone: the sign-in screen shows what was written.
    if (!error) return
    submitting.current = false
    setBusy(false)
    const stillOpen = /still open/i.test(error.message)
      ? ''
      : ' Nothing was ended: your shift is still open.'
    setRefusal(`${error.message}${stillOpen}`)
  }

  return (
    <Dialog
      open
      onClose={() => {
        if (!busy) onClose()
      }}
      maxWidth="lg"
      fullWidth
      scroll="paper"
      aria-labelledby="handover-title"
      aria-describedby="handover-intro"
    >
      <DialogTitle id="handover-title">Hand over and end the shift</DialogTitle>
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogContent dividers sx={{ display: 'grid', gap: 3 }}>
          <Typography id="handover-intro">
            Check the handover below, choose how to save it, then hand over. The record is for the
            police and the next shift.
          </Typography>
          {previewProblem && (
            <Alert severity="error" role="alert">
              <AlertTitle>The handover could not be prepared</AlertTitle>
              {previewProblem}
            </Alert>
          )}
          {!preview && !previewProblem && (
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <CircularProgress size={20} aria-hidden />
              <Typography>Preparing the handover…</Typography>
            </Box>
          )}
          {preview && (
            <>
              <RecordHeader record={preview} />
              <Section id="handover-figures" title="This shift’s figures">
                <FiguresGrid figures={preview.figures} />
                <SupportCarFigures figures={preview.supportCarFigures} span="shift" />
              </Section>
              <Section
                id="handover-incidents"
                title={`Incidents touched (${preview.incidents.length})`}
              >
                <IncidentsTouched incidents={preview.incidents} />
              </Section>
              <Section
                id="handover-actions"
                title={`Outstanding actions (${preview.outstandingActions.length})`}
              >
                <Typography variant="body2" color="text.secondary">
                  They stay on the queue for the next shift until someone marks them done.
                </Typography>
                <OutstandingActions record={preview} />
              </Section>
            </>
          )}
          <Section id="handover-save" title="Save the handover">
            <FormatChoice
              id="handover-formats"
              formats={formats}
              onChange={(chosen) => {
                setFormats(chosen)
                setProblems((p) => ({ ...p, formats: undefined }))
              }}
              problem={problems.formats ?? null}
            />
            <FormControlLabel
              control={
                <Checkbox checked={statsOnly} onChange={(e) => setStatsOnly(e.target.checked)} />
              }
              label="Statistics only: no names, phone numbers, addresses or notes (for sharing outside the force)"
            />
            <FolderChoice
              id="handover-folder"
              folder={folder}
              settingsFolder={settingsFolder}
              onChange={(typed) => {
                setFolder(typed)
                setProblems((p) => ({ ...p, folder: undefined }))
              }}
              problem={problems.folder ?? null}
            />
          </Section>
          <Alert severity="warning" icon={<ExitToAppIcon aria-hidden />}>
            <AlertTitle>Handing over ends this shift</AlertTitle>
            The shift ends for everyone on it and you are signed out. The incidents above are marked
            handed over. The next worker to sign in starts a new shift.
          </Alert>
          {refusal && (
            <Alert severity="error" role="alert">
              <AlertTitle>Not handed over</AlertTitle>
              {refusal}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Cancel — keep the shift open
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy || !preview}
            startIcon={
              busy ? <CircularProgress size={16} aria-hidden /> : <ExitToAppIcon aria-hidden />
            }
          >
            {busy ? 'Handing over…' : 'Hand over and end shift'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
