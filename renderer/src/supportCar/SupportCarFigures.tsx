// The period's figures as the scheme publishes them, by phone and by the support car's visits:
// victims engaged, referred to DA services and to other services, moved to safety (each victim
// counted once "in all", however they were reached), and the car's taskings, visits and Clare's
// Law disclosures given at visits. Laid out like the figures grid above it.
import { useId } from 'react'
import { Box, Typography } from '@mui/material'
import type { SupportCarFigures as Figures } from '#shared/supportCar.ts'

type Route = 'engaged' | 'referredToDaServices' | 'referredToOtherServices' | 'movedToSafety'

/** Named apart from the desk's own figures above (e.g. its "Moved to safety"). */
const ROUTE_LABELS: Record<Route, string> = {
  engaged: 'Victims engaged by phone or visit',
  referredToDaServices: 'Referred to DA services by phone or visit',
  referredToOtherServices: 'Referred to other services by phone or visit',
  movedToSafety: 'Moved to safety by phone or visit',
}

const n = (value: number) => value.toLocaleString('en-GB')

function Figure({ label, value, detail }: { label: string; value: number; detail: string }) {
  return (
    <Box
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
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0 }}>
        <Box
          component="span"
          sx={{ fontSize: '1.5rem', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}
        >
          {n(value)}
        </Box>
        <Typography component="span" variant="body2" color="text.secondary">
          {' '}
          {detail}
        </Typography>
      </Typography>
    </Box>
  )
}

/** `span` says what the figures cover: the Figures view's period, or the shift being handed over. */
export function SupportCarFigures({
  figures,
  span = 'period',
}: {
  figures: Figures
  span?: 'period' | 'shift'
}) {
  // The Figures view and the Hand over dialog can both be on screen.
  const headingId = useId()
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ display: 'grid', gap: 1.5 }}>
      <Typography id={headingId} variant="h6" component="h3">
        By phone and by support car visit
      </Typography>
      <Typography color="text.secondary">
        Records made in the {span}. Each victim is counted once in all, however they were reached.
      </Typography>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
          gap: 1,
        }}
      >
        {(Object.keys(ROUTE_LABELS) as Route[]).map((key) => (
          <Figure
            key={key}
            label={ROUTE_LABELS[key]}
            value={figures[key].total}
            detail={`in all: ${n(figures[key].byPhone)} by phone, ${n(figures[key].byVisit)} by visit`}
          />
        ))}
        <Figure
          label="Clare’s Law disclosures given at visits"
          value={figures.disclosuresAtVisits}
          detail={`at ${n(figures.visits)} support car ${figures.visits === 1 ? 'visit' : 'visits'}`}
        />
        <Figure label="Support car taskings" value={figures.taskings} detail={`in the ${span}`} />
      </Box>
    </Box>
  )
}
