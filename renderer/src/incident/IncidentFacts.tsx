// Everything the feed gave for an incident, as text: summary (line breaks kept), location,
// caller, victim, suspect, risk flags, and any fields outside the feed format.
import type { ReactNode } from 'react'
import { Box, Typography } from '@mui/material'
import type { IncidentFields } from '#shared/domain.ts'
import { FlagList } from '../queue/FlagList.tsx'
import { CALLER_ROLE_LABELS, labelFor, SOURCE_LABELS } from './fieldLabels.ts'
import { PERSONAL } from '../privacy/personal.ts'

const NOT_GIVEN = 'Not given'
/** What an empty field of a purged incident says: it may have been given, and was removed. */
const REMOVED = 'Removed'

/** The feed's YYYY-MM-DD as dd/MM/yyyy; anything else as it came. */
function formatDateOfBirth(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value
}

function extraValue(value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return NOT_GIVEN
  if (typeof value === 'object') {
    return (
      <Box
        component="pre"
        sx={{ m: 0, fontFamily: 'monospace', fontSize: '0.8125rem', whiteSpace: 'pre-wrap' }}
      >
        {JSON.stringify(value, null, 2)}
      </Box>
    )
  }
  return String(value)
}

function Fact({
  term,
  personal = false,
  children,
  empty: emptyText = NOT_GIVEN,
}: {
  term: string
  /** Names or reaches a person: blanked in privacy mode. */
  personal?: boolean
  children: ReactNode
  empty?: string
}) {
  const empty = children === null || children === undefined || children === ''
  return (
    <>
      <Box component="dt" sx={{ color: 'text.secondary', fontWeight: 600 }}>
        {term}
      </Box>
      <Box
        component="dd"
        {...(personal && !empty ? PERSONAL : {})}
        sx={{
          m: 0,
          overflowWrap: 'anywhere',
          color: empty ? 'text.secondary' : 'text.primary',
          fontStyle: empty ? 'italic' : 'normal',
        }}
      >
        {empty ? emptyText : children}
      </Box>
    </>
  )
}

function FactGroup({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <Box component="section">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
        {heading}
      </Typography>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gridTemplateColumns: 'minmax(120px, max-content) 1fr',
          columnGap: 2,
          rowGap: 0.5,
        }}
      >
        {children}
      </Box>
    </Box>
  )
}

export function IncidentFacts({ fields, purged }: { fields: IncidentFields; purged: boolean }) {
  const extras = Object.entries(fields.extra)
  const emptyText = purged ? REMOVED : NOT_GIVEN
  return (
    <Box sx={{ display: 'grid', gap: 2.5 }}>
      <Box component="section">
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
          Summary
        </Typography>
        <Typography
          sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: '1.0625rem' }}
        >
          {fields.summary}
        </Typography>
      </Box>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
          gap: 2.5,
        }}
      >
        <FactGroup heading="Victim">
          <Fact term="Name" personal empty={emptyText}>
            {fields.victim.name}
          </Fact>
          <Fact term="Phone" personal empty={emptyText}>
            {fields.victim.phone}
          </Fact>
          <Fact term="Date of birth" personal empty={emptyText}>
            {fields.victim.dateOfBirth && formatDateOfBirth(fields.victim.dateOfBirth)}
          </Fact>
        </FactGroup>
        <FactGroup heading="Suspect">
          <Fact term="Name" personal empty={emptyText}>
            {fields.suspect.name}
          </Fact>
          <Fact term="Relationship" empty={emptyText}>
            {fields.suspect.relationship}
          </Fact>
        </FactGroup>
        <FactGroup heading="Location">
          <Fact term="Address" personal empty={emptyText}>
            {fields.location.address}
          </Fact>
          <Fact term="Postcode" personal empty={emptyText}>
            {fields.location.postcode}
          </Fact>
        </FactGroup>
        <FactGroup heading="Call">
          <Fact term="Caller">
            {fields.callerRole && labelFor(CALLER_ROLE_LABELS, fields.callerRole)}
          </Fact>
          <Fact term="Source">{fields.source && labelFor(SOURCE_LABELS, fields.source)}</Fact>
        </FactGroup>
      </Box>
      <Box component="section">
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
          Risk flags
        </Typography>
        {fields.flags.length > 0 ? (
          <FlagList flags={fields.flags} wrap />
        ) : (
          <Typography color="text.secondary" sx={{ fontStyle: 'italic' }}>
            None given by the feed
          </Typography>
        )}
      </Box>
      {extras.length > 0 && (
        <FactGroup heading="Other fields from the feed">
          {extras.map(([key, value]) => (
            <Fact key={key} term={key}>
              {extraValue(value)}
            </Fact>
          ))}
        </FactGroup>
      )}
    </Box>
  )
}
