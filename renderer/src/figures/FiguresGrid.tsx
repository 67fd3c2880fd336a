// The scheme's figures as a grid of labelled numbers, in the order FIGURE_LABELS gives them (the
// same order as the handover record and the CSV); the medians in minutes.
import { Box, Typography } from '@mui/material'
import { FIGURE_LABELS, type ShiftFigures } from '#shared/handover.ts'

const FIGURE_KEYS = Object.keys(FIGURE_LABELS) as (keyof ShiftFigures)[]

/** Minutes as a manager reads them: "4.5 min"; past an hour also in hours, "95 min (1 h 35 min)". */
function minutesWords(minutes: number): string {
  if (minutes < 60) return `${minutes.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`
  const whole = Math.round(minutes)
  const hours = Math.floor(whole / 60)
  const longer =
    hours < 24
      ? `${hours} h ${String(whole % 60).padStart(2, '0')} min`
      : `${Math.floor(hours / 24)} d ${hours % 24} h`
  return `${whole.toLocaleString('en-GB')} min (${longer})`
}

/** A figure's value as a worker reads it: "12", a median in minutes, or "none" (a median over
 * nothing). */
export function figureValue(figures: ShiftFigures, key: keyof ShiftFigures): string {
  const value = figures[key]
  if (value === null) return 'none'
  return key.startsWith('median') ? minutesWords(value) : value.toLocaleString('en-GB')
}

export function FiguresGrid({ figures }: { figures: ShiftFigures }) {
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
        gap: 1,
      }}
    >
      {FIGURE_KEYS.map((key) => (
        <Box
          key={key}
          sx={{
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            px: 1.5,
            py: 1,
            display: 'flex',
            flexDirection: 'column',
            gap: 0.25,
          }}
        >
          <Typography component="dt" variant="body2" color="text.secondary">
            {FIGURE_LABELS[key]}
          </Typography>
          <Typography
            component="dd"
            sx={{
              m: 0,
              fontSize: '1.5rem',
              fontWeight: 700,
              fontVariantNumeric: 'tabular-nums',
              lineHeight: 1.2,
            }}
          >
            {figureValue(figures, key)}
          </Typography>
        </Box>
      ))}
    </Box>
  )
}
