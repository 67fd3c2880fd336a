// The previous incidents of one incident, as the incident view shows them and the CLI exports
// them: each earlier incident that matched, how, whether it is within the twelve months, the
// worker's dismissals and what the worker found on it; and the counts the rules use.
import type { IncidentFields } from '#shared/domain.ts'
import type { ContactScript } from '#shared/script.ts'
import type { RepeatRecord } from '#shared/repeats.ts'
import type { EscalationQueries } from '../db/escalationQueries.ts'
import type { RepeatQueries } from '../db/repeatQueries.ts'
import type { ScriptQueries } from '../db/scriptQueries.ts'
import { scriptRecord } from '../script/scriptRecord.ts'
import { repeatQuery } from './repeatQuery.ts'

export interface RepeatSources {
  repeats: RepeatQueries
  escalations: EscalationQueries
  scripts: ScriptQueries
  script: ContactScript
}

export function repeatRecord(
  sources: RepeatSources,
  incidentId: number,
  fields: IncidentFields,
): RepeatRecord {
  const query = repeatQuery(incidentId, fields)
  const dismissals = sources.repeats.dismissalsOf(incidentId)
  const matches = sources.repeats.earlierMatches(query).map((m) => {
    const scripted = scriptRecord(sources.script, sources.scripts, m.incidentId)
    const assessed = scripted.risk.answered > 0 || scripted.risk.byJudgement
    const latest = scripted.outcomes.reduce<(typeof scripted.outcomes)[number] | null>(
      (last, o) => (last === null || o.id > last.id ? o : last),
      null,
    )
    return {
      ...m,
      withinWindow: m.receivedAt >= query.from,
      dismissals: dismissals.filter((d) => d.earlierId === m.incidentId),
      outcome: latest?.outcome ?? null,
      riskLevel: assessed ? scripted.risk.level : null,
    }
  })
  return { ...sources.escalations.repeatCounts(query), matches }
}
