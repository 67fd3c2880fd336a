// Everything about escalation for one incident: its escalations with their lifecycle, what the
// suggestion rules look at, and the suggestions set aside. The incident view shows it and the
// CLI exports it; the page runs the rules on the facts with its own clock, so a response going
// overdue lights the button without asking the Node side again.
import type { ContactAttempt, IncidentFields } from '#shared/domain.ts'
import type { EscalationRecord } from '#shared/escalation.ts'
import type { ScriptRecord } from '#shared/script.ts'
import type { EscalationQueries } from '../db/escalationQueries.ts'
import { repeatQuery } from '../repeats/repeatQuery.ts'
import { escalationFacts } from './facts.ts'

export function escalationRecord(
  queries: EscalationQueries,
  incidentId: number,
  fields: IncidentFields,
  script: ScriptRecord,
  attempts: readonly ContactAttempt[],
): EscalationRecord {
  const repeats = queries.repeatCounts(repeatQuery(incidentId, fields))
  return {
    escalations: queries.ofIncident(incidentId),
    facts: escalationFacts(fields, script, attempts, repeats),
    dismissals: queries.dismissalsOf(incidentId),
  }
}
