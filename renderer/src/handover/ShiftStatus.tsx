// Who is signed in and the shift they are on, in the top bar: the worker and their service, when
// the shift started, how long it has run (on the shared 30-second clock) and who else is on it.
import { Box, Typography } from '@mui/material'
import { shiftLength } from '#shared/handover.ts'
import { toIsoUtc } from '#shared/time.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { useDesk } from '../store/useDesk.ts'

/** "Jo Example" from "Jo Example (Harbour Support Services)": the top bar has room for names. */
function nameOf(worker: string): string {
  return worker.replace(/\s+\([^()]*\)$/, '')
}

export function ShiftStatus() {
  const session = useDesk((s) => s.session)
  const shift = useDesk((s) => s.shift)
  const nowMs = useDesk((s) => s.nowMs)
  if (!session) return null
  const me = `${session.workerName} (${session.organisation})`
  const others = shift ? shift.workers.filter((worker) => worker !== me).map(nameOf) : []
  // The clock can be up to 30 s behind a shift that has just started.
  const now = shift ? toIsoUtc(Math.max(nowMs, Date.parse(shift.startedAt))) : ''
  return (
    <Box
      component="section"
      aria-label="You and your shift"
      sx={{ lineHeight: 1.2, minWidth: 0, textAlign: 'right' }}
    >
      <Typography variant="body2" noWrap title={me}>
        <Box component="span" sx={{ fontWeight: 700 }}>
          {session.workerName}
        </Box>
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {' '}
          · {session.organisation}
        </Box>
      </Typography>
      {shift && (
        <Typography variant="body2" noWrap title={`On shift: ${shift.workers.join(', ')}`}>
          Shift from {formatWhen(shift.startedAt, nowMs)} · {shiftLength(shift.startedAt, now)}
          {others.length > 0 && ` · with ${others.join(', ')}`}
        </Typography>
      )}
    </Box>
  )
}
