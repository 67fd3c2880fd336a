// Everything recorded with the script for one incident, with its risk worked out: what the
// incident view shows and the CLI exports.
import type { ContactScript, ScriptRecord } from '#shared/script.ts'
import type { ScriptQueries } from '../db/scriptQueries.ts'
import { riskSummary } from './riskSummary.ts'

export function scriptRecord(
  script: ContactScript,
  queries: ScriptQueries,
  incidentId: number,
): ScriptRecord {
  const answers = queries.answersOf(incidentId)
  const judgements = queries.judgementsOf(incidentId)
  const referrals = queries.referralsOf(incidentId)
  return {
    stepId: queries.position(incidentId),
    answers,
    risk: riskSummary(script, answers, judgements, referrals),
    judgements,
    referrals,
    outcomes: queries.outcomesOf(incidentId),
  }
}
