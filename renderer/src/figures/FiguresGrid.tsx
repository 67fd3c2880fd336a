// The scheme's figures as labelled numbers in groups a manager reads at a glance: contacts,
// referrals, safety and escalations, Clare's Law, follow-up calls. Medians read as the PDF gives
// them: "12 min", "2 h 28 min". The follow-ups open at the end are a snapshot, and say so.
import { Box, Typography } from '@mui/material'
import { FIGURE_LABELS, formatMinutes, type ShiftFigures } from '#shared/handover.ts'

type Figure = keyof ShiftFigures

export const FIGURE_GROUPS: { title: string; note?: string; figures: Figure[] }[] = [
  {
    title: 'Contacts',
    figures: [
      'incidentsReviewed',
      'victimsContacted',
      'contactAttempts',
      'medianMinutesToFirstContact',
      'firstContacts',
    ],
  },
  {
    title: 'Referrals',
    figures: ['daServiceReferrals', 'otherServiceReferrals', 'maracReferrals'],
  },
  {
    title: 'Safety and escalations',
    figures: [
      'highRiskVictims',
      'movedToSafety',
      'escalationsRaised',
      'escalationsAcknowledged',
      'escalationsUpgraded',
      'medianMinutesToEscalation',
    ],
  },
  {
    title: 'Clare’s Law',
    figures: [
      'claresLawApplications',
      'claresLawDisclosures',
      'claresLawDisclosuresWithIdva',
      'claresLawSupportAccepted',
      'claresLawSupportAcceptedWithIdva',
      'claresLawReferrals',
    ],
  },
  {
    title: 'Follow-up calls',
    note: 'Open and overdue: as at the end, or now while it is not over.',
    figures: [
      'followUpsScheduled',
      'followUpCalls',
      'followUpsReached',
      'followUpsOpenAtEnd',
      'followUpsOverdueAtEnd',
    ],
  },
]

/** A figure's value as a worker reads it: "12", "4.5 min", "1 h 35 min", or "none" (a median
 * over nothing). */
export function figureValue(figures: ShiftFigures, key: Figure): string {
  const value = figures[key]
  if (value === null) return 'none'
  return key.startsWith('median') ? formatMinutes(value) : value.toLocaleString('en-GB')
}

export function FiguresGrid({ figures }: { figures: ShiftFigures }) {
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      {FIGURE_GROUPS.map((group) => (
        <Box key={group.title} sx={{ display: 'grid', gap: 0.5 }}>
          <Typography component="h4" variant="body2" sx={{ fontWeight: 700 }}>
            {group.title}
            {group.note && (
              <Typography component="span" variant="body2" color="text.secondary">
                {' '}
                · {group.note}
              </Typography>
            )}
          </Typography>
          <Box
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
              gap: 1,
            }}
          >
            {group.figures.map((figure) => (
              <Box
                key={figure}
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
                  {FIGURE_LABELS[figure]}
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
                  {figureValue(figures, figure)}
                </Typography>
              </Box>
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  )
}
