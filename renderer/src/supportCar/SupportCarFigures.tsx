// The period's figures as the scheme publishes them, by phone and by the support car's visits:
// victims engaged, referred to DA services and to other services, moved to safety (each victim
// counted once in the last column, however they were reached), and the car's taskings, visits
// and Clare's Law disclosures given at visits.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import type { ByRoute, SupportCarFigures as Figures } from '#shared/supportCar.ts'

const ROWS: {
  key: Exclude<keyof Figures, 'taskings' | 'visits' | 'disclosuresAtVisits'>
  label: string
}[] = [
  { key: 'engaged', label: 'Victims engaged' },
  { key: 'referredToDaServices', label: 'Referred to DA services' },
  { key: 'referredToOtherServices', label: 'Referred to other services' },
  { key: 'movedToSafety', label: 'Moved to safety' },
]

const n = (value: number) => value.toLocaleString('en-GB')

export function SupportCarFigures({ figures }: { figures: Figures }) {
  return (
    <Box component="section" aria-labelledby="figures-by-route" sx={{ display: 'grid', gap: 1.5 }}>
      <Typography id="figures-by-route" variant="h6" component="h3">
        By phone and by support car visit
      </Typography>
      <Typography color="text.secondary">
        Records made in the period. “In all” counts each victim once, however they were reached.
      </Typography>
      <Table size="small" aria-labelledby="figures-by-route" sx={{ maxWidth: 760 }}>
        <TableHead>
          <TableRow>
            <TableCell>Figure</TableCell>
            <TableCell align="right">By phone</TableCell>
            <TableCell align="right">By visit</TableCell>
            <TableCell align="right">In all</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ROWS.map(({ key, label }) => {
            const row: ByRoute = figures[key]
            return (
              <TableRow key={key}>
                <TableCell component="th" scope="row">
                  {label}
                </TableCell>
                <TableCell align="right">{n(row.byPhone)}</TableCell>
                <TableCell align="right">{n(row.byVisit)}</TableCell>
                <TableCell align="right" sx={{ fontWeight: 700 }}>
                  {n(row.total)}
                </TableCell>
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
      <Typography>
        Support car: {n(figures.taskings)} tasked · {n(figures.visits)}{' '}
        {figures.visits === 1 ? 'visit' : 'visits'} · {n(figures.disclosuresAtVisits)} Clare’s Law{' '}
        {figures.disclosuresAtVisits === 1 ? 'disclosure' : 'disclosures'} given at visits
      </Typography>
    </Box>
  )
}
