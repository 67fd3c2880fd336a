// The banner on a queue row while its incident has an open escalation: solid red while the
// controller has not acknowledged it, outlined once they have. Drawn at the top of the row but
// read after the reference, so the row's name still starts with it.
import { Box } from '@mui/material'
import CampaignIcon from '@mui/icons-material/Campaign'
import type { OpenEscalationMark } from '#shared/escalation.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'
import { markWords } from './escalationWords.ts'

export function EscalationBanner({ mark, nowMs }: { mark: OpenEscalationMark; nowMs: number }) {
  const waiting = mark.acknowledgedAt === null
  return (
    <Box
      sx={{
        order: -1,
        display: 'flex',
        alignItems: 'center',
        gap: 0.75,
        minWidth: 0,
        px: 1,
        py: 0.25,
        borderRadius: 1,
        border: 2,
        borderColor: 'error.main',
        bgcolor: waiting ? 'error.main' : 'transparent',
        color: waiting ? 'error.contrastText' : 'text.primary',
        fontSize: '0.875rem',
        fontWeight: 700,
      }}
    >
      <CampaignIcon sx={{ fontSize: 18, color: waiting ? 'inherit' : 'error.main' }} aria-hidden />
      <ScreenReaderText>, </ScreenReaderText>
      <Box
        component="span"
        sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {markWords(mark, nowMs)}
      </Box>
    </Box>
  )
}
