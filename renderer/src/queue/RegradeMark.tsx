// The last regrade, e.g. "↑ G3→G2": up means more urgent (a lower number). Screen readers hear
// it in words.
import { Box } from '@mui/material'
import type { Regrade } from '#shared/domain.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'

export function regradeWords(regrade: Regrade): string {
  const direction = regrade.to < regrade.from ? 'up' : 'down'
  return `regraded ${direction} from G${regrade.from} to G${regrade.to}`
}

export function RegradeMark({ regrade, long = false }: { regrade: Regrade; long?: boolean }) {
  const up = regrade.to < regrade.from
  return (
    <Box
      component="span"
      title={regradeWords(regrade)}
      sx={{ fontWeight: 700, whiteSpace: 'nowrap', color: up ? 'error.main' : 'text.secondary' }}
    >
      <span aria-hidden>
        {up ? '↑' : '↓'} {long && 'Regraded '}G{regrade.from}→G{regrade.to}
      </span>
      <ScreenReaderText>{regradeWords(regrade)}</ScreenReaderText>
    </Box>
  )
}
