// After a hand over, on the sign-in screen: the shift that ended, how many incidents were marked
// handed over, where each file went with its SHA-256, and whether the backup after it was made,
// until the worker closes it.
import { Alert, Button, Paper, Typography } from '@mui/material'
import { shiftLength, type ExportResult } from '#shared/handover.ts'
import { formatDateTime } from '#shared/time.ts'
import { ExportedFiles } from './ExportedFiles.tsx'

export function HandoverResult({ result, onClose }: { result: ExportResult; onClose: () => void }) {
  const { shift, manifest } = result
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="handover-result-title"
      sx={{ flex: '1 1 560px', maxWidth: 960, p: 3, display: 'grid', gap: 2 }}
    >
      <Typography id="handover-result-title" variant="h5" component="h2" sx={{ fontWeight: 700 }}>
        Shift handed over
      </Typography>
      <Alert severity="success" role="status">
        {shift?.endedAt
          ? `The shift from ${formatDateTime(shift.startedAt)} ended at ${formatDateTime(shift.endedAt)} ` +
            `(${shiftLength(shift.startedAt, shift.endedAt)})`
          : `Handed over at ${formatDateTime(manifest.exportedAt)}`}
        {shift?.handedOverBy ? `, handed over by ${shift.handedOverBy}` : ''}.{' '}
        {result.handedOver === 1
          ? '1 incident is marked handed over.'
          : `${result.handedOver} incidents are marked handed over.`}{' '}
        You are signed out; the next worker to sign in starts a new shift.
      </Alert>
      <Typography>
        Every file is marked <strong>{manifest.protectiveMarking}</strong>
        {manifest.statisticsOnly ? ' and holds statistics only, with no personal data' : ''}: handle
        and store them accordingly.
      </Typography>
      <ExportedFiles
        result={result}
        caption="Files written, with the SHA-256 the manifest records"
      />
      {result.backup &&
        ('made' in result.backup ? (
          <Typography>
            The database was backed up after the hand over ({result.backup.made.file}).
          </Typography>
        ) : (
          <Alert severity="warning" role="alert">
            The hand over is complete, but the backup after it failed: {result.backup.failed}. The
            next worker can try again with Back up now in Settings; if it fails again, tell IT.
          </Alert>
        ))}
      <Button variant="outlined" onClick={onClose} sx={{ justifySelf: 'start' }}>
        Close this summary
      </Button>
    </Paper>
  )
}
