// Everything about escalation for one incident: its escalations with their lifecycle, what the
// suggestion rules look at, and the suggestions set aside. The incident view shows it; the page
// runs the rules on the facts with its own clock, so a response going overdue lights the button.
import type { ContactAttempt, IncidentFields } from '#shared/domain.ts'
import type { EscalationRecord } from '#shared/escalation.ts'
import type { ScriptRecord } from '#shared/script.ts'
import type { EscalationQueries, RepeatCandidate } from '../db/escalationQueries.ts'
import { escalationFacts } from './facts.ts'
import { repeatCounts, repeatWindow } from './repeatIncidents.ts'

/** An incident as the repeat-call rules compare it. */
const repeatCandidate = (id: number, f: IncidentFields): RepeatCandidate => ({
  id,
  receivedAt: f.receivedAt,
  address: f.location.address,
  postcode: f.location.postcode,
  victimPhone: f.victim.phone,
  victimName: f.victim.name,
  victimDob: f.victim.dateOfBirth,
})

export function escalationRecord(
  queries: EscalationQueries,
  incidentId: number,
  fields: IncidentFields,
  script: ScriptRecord,
  attempts: readonly ContactAttempt[],
): EscalationRecord {
  const { from, to } = repeatWindow(fields.receivedAt)
  const repeats = repeatCounts(
    repeatCandidate(incidentId, fields),
    queries.repeatCandidates(from, to),
  )
  return {
    escalations: queries.ofIncident(incidentId),
    facts: escalationFacts(fields, script, attempts, repeats),
    dismissals: queries.dismissalsOf(incidentId),
  }
}
