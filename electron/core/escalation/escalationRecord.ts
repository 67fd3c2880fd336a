// Everything about escalation for one incident: its escalations with their lifecycle, what the
// suggestion rules look at, and the suggestions set aside. The incident view shows it and the
// CLI exports it; the page runs the rules on the facts with its own clock, so a response going
// overdue lights the button without asking the Node side again.
import type { ContactAttempt, IncidentFields } from '#shared/domain.ts'
import type { EscalationRecord } from '#shared/escalation.ts'
import { REPEAT_WINDOW_DAYS } from '#shared/escalationRules.ts'
import type { ScriptRecord } from '#shared/script.ts'
import type { EscalationQueries } from '../db/escalationQueries.ts'
import { escalationFacts } from './facts.ts'

const REPEAT_WINDOW_MS = REPEAT_WINDOW_DAYS * 24 * 60 * 60_000

export function escalationRecord(
  queries: EscalationQueries,
  incidentId: number,
  fields: IncidentFields,
  script: ScriptRecord,
  attempts: readonly ContactAttempt[],
): EscalationRecord {
  // Counted back from the incident's own call, not from now: a third call-out stays one.
  const repeats = queries.repeatCounts({
    id: incidentId,
    receivedAt: fields.receivedAt,
    from: new Date(Date.parse(fields.receivedAt) - REPEAT_WINDOW_MS).toISOString(),
    address: fields.location.address,
    postcode: fields.location.postcode,
    victimPhone: fields.victim.phone,
    victimName: fields.victim.name,
    victimDob: fields.victim.dateOfBirth,
  })
  return {
    escalations: queries.ofIncident(incidentId),
    facts: escalationFacts(fields, script, attempts, repeats),
    dismissals: queries.dismissalsOf(incidentId),
  }
}
