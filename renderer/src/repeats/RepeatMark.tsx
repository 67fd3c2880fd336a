// The queue row's repeat mark, e.g. "↻ 3rd at address · 2nd for victim": earlier incidents in the
// twelve months before the call, less those the worker dismissed as false matches.
import { Box } from '@mui/material'
import RepeatIcon from '@mui/icons-material/Repeat'
import { repeatMark, type RepeatCounts } from '#shared/repeats.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'

export function RepeatMark({ counts }: { counts: RepeatCounts | null }) {
  const text = counts && repeatMark(counts)
  if (!text) return null
  return (
    <Box
      component="span"
      title={`Repeat: ${text} in 12 months`}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.25,
        flexShrink: 0,
        fontSize: '0.8125rem',
        fontWeight: 700,
        whiteSpace: 'nowrap',
      }}
    >
      <RepeatIcon sx={{ fontSize: 16 }} aria-hidden />
      <ScreenReaderText>Repeat: </ScreenReaderText>
      {text}
    </Box>
  )
}
