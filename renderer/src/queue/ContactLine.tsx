// The calls made on an incident, for its queue row: "2 attempts · last 15:42" and the agreed
// call-back, "Call back 16:30", which becomes a solid "Call back due" mark when its time comes
// (and the row goes to the top of the queue).
import { Box, Chip } from '@mui/material'
import AlarmIcon from '@mui/icons-material/Alarm'
import PhoneIcon from '@mui/icons-material/Phone'
import type { QueueRow } from '#shared/domain.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'
import { isCallBackDue } from './arrangeQueue.ts'

/** Whether the row has calls or a call-back to show (and so a fourth line). */
export function hasContactLine(row: QueueRow): boolean {
  return row.attempts > 0 || row.callBackAt !== null
}

export function attemptsWords(row: QueueRow, nowMs: number): string {
  const count = `${row.attempts} ${row.attempts === 1 ? 'attempt' : 'attempts'}`
  return row.lastAttemptAt ? `${count} · last ${formatWhen(row.lastAttemptAt, nowMs)}` : count
}

export function ContactLine({ row, nowMs }: { row: QueueRow; nowMs: number }) {
  const due = isCallBackDue(row, nowMs)
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0, fontSize: '0.875rem' }}
    >
      {row.attempts > 0 && (
        <Box
          component="span"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}
        >
          <PhoneIcon sx={{ fontSize: 16 }} aria-hidden />
          <ScreenReaderText>, </ScreenReaderText>
          {attemptsWords(row, nowMs)}
        </Box>
      )}
      {row.callBackAt !== null &&
        (due ? (
          <Chip
            size="small"
            color="warning"
            icon={<AlarmIcon aria-hidden />}
            label={
              <>
                <ScreenReaderText>, </ScreenReaderText>
                Call back due · {formatWhen(row.callBackAt, nowMs)}
              </>
            }
            sx={{ fontWeight: 700, '& .MuiChip-icon': { color: 'inherit' } }}
          />
        ) : (
          <Box
            component="span"
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}
          >
            <AlarmIcon sx={{ fontSize: 16 }} aria-hidden />
            <ScreenReaderText>, </ScreenReaderText>
            Call back {formatWhen(row.callBackAt, nowMs)}
          </Box>
        ))}
    </Box>
  )
}
