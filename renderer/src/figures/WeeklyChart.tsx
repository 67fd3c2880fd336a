// One figure week by week: a bar chart for the eye and, under it, a table of the same numbers for
// everyone (the chart itself is hidden from screen readers, which read the table). The bars are
// one colour: height and the number on each carry the meaning.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import { FIGURE_LABELS, type ShiftFigures, type WeeklyFigures } from '#shared/handover.ts'
import { figureValue } from './FiguresGrid.tsx'
import { dateOf, shortDate } from './period.ts'

const CHART_PX = 180
/** With more weeks than this the bars are too narrow for their numbers (the table has them). */
const MAX_LABELLED_WEEKS = 20

interface Props {
  weeks: WeeklyFigures[]
  figure: keyof ShiftFigures
}

export function WeeklyChart({ weeks, figure }: Props) {
  const values = weeks.map((week) => week.figures[figure])
  const max = Math.max(1, ...values.map((v) => v ?? 0))
  const labelled = weeks.length <= MAX_LABELLED_WEEKS
  // Every week named when there is room; otherwise about every fourth, so the labels never crowd.
  const labelEvery = labelled ? 1 : Math.ceil(weeks.length / 13)
  return (
    <Box component="figure" sx={{ m: 0, display: 'grid', gap: 0.5 }}>
      <Box aria-hidden sx={{ display: 'grid', gap: 0.5 }}>
        <Box
          sx={{
            display: 'flex',
            alignItems: 'flex-end',
            gap: labelled ? 1 : 0.25,
            height: CHART_PX + 24,
            borderBottom: 2,
            borderColor: 'text.secondary',
            px: 1,
          }}
        >
          {weeks.map((week, index) => {
            const value = values[index] ?? null
            return (
              <Box
                key={week.from}
                sx={{
                  flex: '1 1 0',
                  minWidth: 0,
                  display: 'flex',
                  flexDirection: 'column',
                  alignItems: 'center',
                  justifyContent: 'flex-end',
                  height: '100%',
                }}
              >
                {labelled && (
                  <Typography
                    variant="body2"
                    sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}
                  >
                    {value === null ? 'none' : figureValue(week.figures, figure)}
                  </Typography>
                )}
                <Box
                  sx={{
                    width: '70%',
                    maxWidth: 72,
                    height: Math.round(((value ?? 0) / max) * CHART_PX),
                    bgcolor: 'primary.main',
                    border: value ? 1 : 0,
                    borderColor: 'text.primary',
                  }}
                />
              </Box>
            )
          })}
        </Box>
        <Box sx={{ display: 'flex', gap: labelled ? 1 : 0.25, px: 1 }}>
          {weeks.map((week, index) => (
            <Typography
              key={week.from}
              variant="body2"
              color="text.secondary"
              sx={{ flex: '1 1 0', minWidth: 0, textAlign: 'center', whiteSpace: 'nowrap' }}
            >
              {index % labelEvery === 0 ? shortDate(dateOf(week.from)) : ''}
            </Typography>
          ))}
        </Box>
      </Box>
      <Typography component="figcaption" variant="body2" color="text.secondary">
        {FIGURE_LABELS[figure]}, week by week: each bar is a week from Monday, named by its first
        day in the period. The table below gives the same numbers.
      </Typography>
    </Box>
  )
}

export function WeeklyTable({ weeks, figure }: Props) {
  return (
    <Table size="small" sx={{ maxWidth: 760 }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
        <Typography variant="body2" color="text.secondary" component="span">
          {FIGURE_LABELS[figure]} by week
        </Typography>
      </caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Week of (Monday)
          </TableCell>
          <TableCell component="th" scope="col">
            Days in the period
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            Shifts
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            {FIGURE_LABELS[figure]}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {weeks.map((week) => {
          const first = dateOf(week.from)
          const last = dateOf(week.to, true)
          return (
            <TableRow key={week.from}>
              <TableCell component="th" scope="row">
                {week.weekOf}
              </TableCell>
              <TableCell>{first === last ? first : `${first} to ${last}`}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {week.shifts}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
                {figureValue(week.figures, figure)}
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
