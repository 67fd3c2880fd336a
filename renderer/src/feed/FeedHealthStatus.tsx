// Feed health in the top bar: working or not (in words and colour), which inbox folder, when the
// last file came, and how many files were quarantined (opens the list).
import { useState } from 'react'
import { Box, Button, Typography } from '@mui/material'
import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty'
import ReportIcon from '@mui/icons-material/Report'
import WarningIcon from '@mui/icons-material/Warning'
import { useDesk } from '../store/useDesk.ts'
import { FEED_STATE_WORDS, feedState, lastFileWords } from './feedWords.ts'
import { QuarantineDialog } from './QuarantineDialog.tsx'

const STATE_STYLE = {
  checking: { colour: 'text.secondary', Icon: HourglassEmptyIcon },
  watching: { colour: 'success.main', Icon: CheckCircleIcon },
  attention: { colour: 'warning.main', Icon: WarningIcon },
  problem: { colour: 'error.main', Icon: ReportIcon },
  stopped: { colour: 'warning.main', Icon: WarningIcon },
} as const

export function FeedHealthStatus() {
  const health = useDesk((s) => s.health)
  const nowMs = useDesk((s) => s.nowMs)
  const [showQuarantine, setShowQuarantine] = useState(false)
  const state = feedState(health)
  const { colour, Icon } = STATE_STYLE[state]
  const quarantined = health?.quarantinedCount ?? 0

  return (
    <Box
      component="section"
      aria-label="Feed health"
      sx={{ display: 'flex', alignItems: 'center', gap: 2, minWidth: 0 }}
    >
      <Box
        aria-live="polite"
        sx={{ display: 'flex', alignItems: 'center', gap: 0.75, color: colour, flexShrink: 0 }}
      >
        <Icon fontSize="small" aria-hidden />
        <Typography component="span" sx={{ fontWeight: 700 }}>
          {FEED_STATE_WORDS[state]}
        </Typography>
      </Box>
      {health && (
        <>
          <Box sx={{ minWidth: 0, lineHeight: 1.2 }}>
            <Typography variant="body2" noWrap title={health.inbox} sx={{ maxWidth: 320 }}>
              Inbox: {health.inbox}
            </Typography>
            <Typography variant="body2" color="text.secondary" noWrap>
              {lastFileWords(health, nowMs)}
            </Typography>
          </Box>
          <Button
            size="small"
            variant={quarantined > 0 ? 'outlined' : 'text'}
            color={quarantined > 0 ? 'warning' : 'inherit'}
            onClick={() => setShowQuarantine(true)}
            sx={{ flexShrink: 0 }}
          >
            Quarantined files: {quarantined}
          </Button>
        </>
      )}
      {showQuarantine && <QuarantineDialog onClose={() => setShowQuarantine(false)} />}
    </Box>
  )
}
