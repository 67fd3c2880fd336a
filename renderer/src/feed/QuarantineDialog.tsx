// The files the feed set aside: each one's name, when, where it now is, and why — either the
// whole file was unreadable, or particular records in it were rejected (where, field, reason).
import { useEffect } from 'react'
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material'
import type { QuarantinedFile } from '#shared/domain.ts'
import { formatDateTime } from '#shared/time.ts'
import { useDesk } from '../store/useDesk.ts'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function QuarantinedFileReport({ file }: { file: QuarantinedFile }) {
  const { report } = file
  const headingId = `quarantined-file-${file.id}`
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {file.fileName}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Quarantined {formatDateTime(file.at)} · now in {file.path}
      </Typography>
      {report.error ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          The whole file was rejected: {report.error}
        </Alert>
      ) : (
        <>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {plural(report.accepted, 'record')} added, {report.updated} updated, {report.unchanged}{' '}
            unchanged, {report.rejected.length} rejected:
          </Typography>
          <Table size="small" sx={{ mt: 1 }}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Where in the file
                </TableCell>
                <TableCell component="th" scope="col">
                  Field
                </TableCell>
                <TableCell component="th" scope="col">
                  Why it was rejected
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.rejected.map((rejection, index) => (
                <TableRow key={index}>
                  <TableCell>{rejection.at}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{rejection.field}</TableCell>
                  <TableCell>{rejection.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Paper>
  )
}

export function QuarantineDialog({ onClose }: { onClose: () => void }) {
  const quarantined = useDesk((s) => s.quarantined)
  const health = useDesk((s) => s.health)
  const loadQuarantined = useDesk((s) => s.loadQuarantined)

  const unsupported = health?.unsupported ?? []

  useEffect(() => {
    void loadQuarantined()
  }, [loadQuarantined])

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="quarantine-title">
      <DialogTitle id="quarantine-title">Quarantined files</DialogTitle>
      <DialogContent dividers>
        <Typography sx={{ mb: 2 }}>
          Files from the feed that DA Desk could not fully read were moved aside. Incidents in them
          that were rejected are not in the queue: check them on the C&amp;C screen.
        </Typography>
        {quarantined === null ? (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <CircularProgress size={20} aria-hidden />
            <Typography>Loading…</Typography>
          </Box>
        ) : quarantined.length === 0 ? (
          <Typography>No files have been quarantined.</Typography>
        ) : (
          <Stack spacing={2}>
            {quarantined.map((file) => (
              <QuarantinedFileReport key={file.id} file={file} />
            ))}
          </Stack>
        )}
        {unsupported.length > 0 && (
          <Box component="section" aria-labelledby="unsupported-title" sx={{ mt: 3 }}>
            <Typography id="unsupported-title" variant="subtitle1" component="h3">
              Files in the inbox that DA Desk does not read
            </Typography>
            <Typography variant="body2" color="text.secondary">
              These were left where they are, not deleted.
            </Typography>
            <Box component="ul" sx={{ mt: 1 }}>
              {unsupported.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </Box>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} variant="contained">
          Close
        </Button>
      </DialogActions>
    </Dialog>
  )
}
