// One line near the top of the incident: "3rd incident at this address in 12 months · 2nd for
// this victim", with a link down to the list that explains each match. Nothing when there is no
// repeat counted.
import { Box, Link, Typography } from '@mui/material'
import RepeatIcon from '@mui/icons-material/Repeat'
import { repeatHeadline } from '#shared/repeats.ts'
import type { IncidentDetail } from '#shared/domain.ts'
import { PREVIOUS_INCIDENTS_ID } from './PreviousIncidents.tsx'

export function RepeatHeadline({ detail }: { detail: IncidentDetail }) {
  const headline = repeatHeadline(detail.repeats)
  if (!headline) return null
  function showList() {
    const section = document.getElementById(PREVIOUS_INCIDENTS_ID)
    section?.scrollIntoView({ block: 'start' })
    section?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true })
  }
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        flexWrap: 'wrap',
        px: 1.5,
        py: 1,
        border: 2,
        borderColor: 'warning.main',
        borderRadius: 1,
      }}
    >
      <RepeatIcon aria-hidden />
      <Typography sx={{ fontWeight: 700 }} data-testid="repeat-headline">
        {headline}
      </Typography>
      <Link component="button" type="button" onClick={showList}>
        See previous incidents
      </Link>
    </Box>
  )
}
