// The Follow-ups due view: every open follow-up call, overdue first, then due today, then
// upcoming, each with its due day, reference, the risk when it was scheduled and the calls so far;
// opening one shows its incident with the follow-up script.
import {
  Box,
  Button,
  Dialog,
  DialogContent,
  DialogTitle,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import CloseIcon from '@mui/icons-material/Close'
import type { FollowUp } from '#shared/followUp.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'
import { useDesk } from '../store/useDesk.ts'
import { londonToday, showDay } from './followUpDays.ts'

const RISK_WORDS = { standard: 'Standard', medium: 'Medium', high: 'High' } as const

function FollowUpTable({
  title,
  followUps,
  onOpen,
}: {
  title: string
  followUps: FollowUp[]
  onOpen: (incidentId: number) => void
}) {
  const headingId = `follow-ups-${title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ display: 'grid', gap: 1 }}>
      <Typography id={headingId} variant="h6" component="h3">
        {title} ({followUps.length})
      </Typography>
      {followUps.length === 0 ? (
        <Typography color="text.secondary">None.</Typography>
      ) : (
        <Table size="small" aria-labelledby={headingId}>
          <TableHead>
            <TableRow>
              <TableCell>Due</TableCell>
              <TableCell>Incident</TableCell>
              <TableCell>Risk when scheduled</TableCell>
              <TableCell>Calls so far</TableCell>
              <TableCell>
                <ScreenReaderText>Open</ScreenReaderText>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {followUps.map((f) => (
              <TableRow key={f.id}>
                <TableCell>{showDay(f.dueOn)}</TableCell>
                <TableCell>{f.incidentRef}</TableCell>
                <TableCell>
                  {RISK_WORDS[f.riskLevel]}
                  {f.reason && ' (by hand)'}
                </TableCell>
                <TableCell>{f.calls.length}</TableCell>
                <TableCell>
                  <Button size="small" variant="outlined" onClick={() => onOpen(f.incidentId)}>
                    Open {f.incidentRef}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  )
}

export function FollowUpsDialog({ onClose }: { onClose: () => void }) {
  const followUps = useDesk((s) => s.followUps)
  const nowMs = useDesk((s) => s.nowMs)
  const openIncident = useDesk((s) => s.openIncident)
  const today = londonToday(nowMs)

  function open(incidentId: number) {
    onClose()
    void openIncident(incidentId)
  }

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="follow-ups-title">
      <DialogTitle id="follow-ups-title" sx={{ pr: 6 }}>
        Follow-up calls
        <IconButton
          aria-label="Close"
          onClick={onClose}
          sx={{ position: 'absolute', right: 8, top: 8 }}
        >
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 3 }}>
        <FollowUpTable
          title="Overdue"
          followUps={followUps.filter((f) => f.dueOn < today)}
          onOpen={open}
        />
        <FollowUpTable
          title="Due today"
          followUps={followUps.filter((f) => f.dueOn === today)}
          onOpen={open}
        />
        <FollowUpTable
          title="Upcoming"
          followUps={followUps.filter((f) => f.dueOn > today)}
          onOpen={open}
        />
      </DialogContent>
    </Dialog>
  )
}
