// The calls made on the open incident, oldest first: when, the result, the number dialled, any
// agreed call-back, the note, and who rang.
import { Box, Typography } from '@mui/material'
import { CONTACT_RESULT_LABELS, type ContactAttempt } from '#shared/domain.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { useDesk } from '../store/useDesk.ts'
import { PERSONAL } from '../privacy/personal.ts'

export function AttemptList({ attempts }: { attempts: readonly ContactAttempt[] }) {
  const nowMs = useDesk((s) => s.nowMs)
  if (attempts.length === 0) {
    return <Typography color="text.secondary">No calls logged yet.</Typography>
  }
  const ordered = [...attempts].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
  return (
    <Box
      component="ol"
      aria-label="Calls made"
      sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}
    >
      {ordered.map((attempt) => (
        <Box
          component="li"
          key={attempt.id}
          sx={{
            display: 'grid',
            gridTemplateColumns: '140px 1fr',
            columnGap: 2,
            borderLeft: 3,
            borderColor: attempt.result === 'spoke-to-victim' ? 'success.main' : 'divider',
            pl: 1.5,
          }}
        >
          <Typography sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatWhen(attempt.at, nowMs)}
          </Typography>
          <Box sx={{ minWidth: 0 }}>
            <Typography sx={{ fontWeight: 700 }}>
              {CONTACT_RESULT_LABELS[attempt.result]}
              <Typography component="span" sx={{ fontWeight: 400 }}>
                {' '}
                · <span {...PERSONAL}>{attempt.number}</span>
              </Typography>
            </Typography>
            {attempt.callBackAt && (
              <Typography sx={{ fontWeight: 600 }}>
                Call back: {formatWhen(attempt.callBackAt, nowMs)}
              </Typography>
            )}
            {attempt.note && (
              <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {attempt.note}
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              By {attempt.by}
            </Typography>
          </Box>
        </Box>
      ))}
    </Box>
  )
}
