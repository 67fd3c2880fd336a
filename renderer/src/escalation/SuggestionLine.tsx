// The app's suggestion, named under the incident header: "Suggested: strangulation disclosed;
// grade 3". The worker escalates from it (the form comes filled in) or dismisses it with a
// reason; either is recorded. It never escalates by itself.
import { Box, Button, Typography } from '@mui/material'
import LightbulbIcon from '@mui/icons-material/TipsAndUpdates'
import type { EscalationAdvice } from '#shared/escalation.ts'
import { gradeLabel } from '../queue/GradeChip.tsx'

interface Props {
  advice: EscalationAdvice
  onEscalate: () => void
  onDismiss: () => void
}

export function SuggestionLine({ advice, onEscalate, onDismiss }: Props) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'auto minmax(0, 1fr)',
        columnGap: 1.5,
        rowGap: 1,
        alignItems: 'start',
        px: 1.5,
        py: 1.25,
        border: 2,
        borderColor: 'error.main',
        borderRadius: 1,
        borderLeftWidth: 8,
      }}
    >
      <LightbulbIcon sx={{ color: 'error.main', mt: 0.25 }} aria-hidden />
      <Typography id="escalation-suggestion" sx={{ fontWeight: 700 }}>
        Suggested: {advice.summary}
        <Typography component="span" sx={{ fontWeight: 400 }}>
          {' '}
          — recommend {gradeLabel(advice.recommendedGrade)}
        </Typography>
      </Typography>
      <Box sx={{ gridColumn: 2, display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
        <Button variant="contained" color="error" onClick={onEscalate}>
          Escalate from suggestion
        </Button>
        <Button variant="outlined" onClick={onDismiss}>
          Dismiss…
        </Button>
      </Box>
    </Box>
  )
}
