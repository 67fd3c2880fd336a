// An incident's handover marks, on its queue row and in its header: when the latest handover
// that included it was exported ("Handed over 21/11 21:30"), whether a worker has recorded
// anything on it since ("Changed since handover"), and its action notes not yet marked done
// ("2 actions outstanding"), which keep it in the next shift's queue until they are. Each is
// told apart by its words and shape, not by colour.
import { Box, Chip } from '@mui/material'
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn'
import PendingActionsIcon from '@mui/icons-material/PendingActions'
import UpdateIcon from '@mui/icons-material/Update'
import type { QueueRow } from '#shared/domain.ts'
import { formatDateTime } from '#shared/time.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'

type Marked = Pick<QueueRow, 'handedOverAt' | 'changedSinceHandover' | 'outstandingActions'>

/** Whether the incident has any handover mark to show (and so, on the queue, a line for them). */
export function hasHandoverMarks(row: Marked): boolean {
  return row.handedOverAt !== null || row.outstandingActions > 0
}

/** "Handed over 21/11 21:30" (London time). */
export function handedOverWords(iso: string): string {
  const at = formatDateTime(iso)
  return `Handed over ${at.slice(0, 5)} ${at.slice(11)}`
}

export function actionsWords(count: number): string {
  return `${count} ${count === 1 ? 'action' : 'actions'} outstanding`
}

export function HandoverMarks({ row, size = 'small' }: { row: Marked; size?: 'small' | 'medium' }) {
  const fontSize = size === 'small' ? '0.875rem' : '1rem'
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 1.5, minWidth: 0, fontSize }}
    >
      {row.outstandingActions > 0 && (
        <Chip
          size="small"
          variant="outlined"
          icon={<PendingActionsIcon aria-hidden />}
          label={
            <>
              <ScreenReaderText>, </ScreenReaderText>
              {actionsWords(row.outstandingActions)}
            </>
          }
          sx={{
            fontWeight: 700,
            fontSize,
            borderWidth: 2,
            borderColor: 'text.primary',
            color: 'text.primary',
            '& .MuiChip-icon': { color: 'inherit' },
          }}
        />
      )}
      {row.handedOverAt !== null && (
        <Box
          component="span"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            whiteSpace: 'nowrap',
            color: 'text.secondary',
          }}
        >
          <AssignmentTurnedInIcon sx={{ fontSize: '1.1em' }} aria-hidden />
          <ScreenReaderText>, </ScreenReaderText>
          {handedOverWords(row.handedOverAt)}
        </Box>
      )}
      {row.changedSinceHandover && (
        <Box
          component="span"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            whiteSpace: 'nowrap',
            fontWeight: 700,
            px: 0.75,
            borderRadius: 1,
            border: 1,
            borderStyle: 'dashed',
          }}
        >
          <UpdateIcon sx={{ fontSize: '1.1em' }} aria-hidden />
          <ScreenReaderText>, </ScreenReaderText>
          Changed since handover
        </Box>
      )}
    </Box>
  )
}
