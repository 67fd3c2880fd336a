// Gathering what the suggestion rules look at for one incident from what the desk has stored:
// the feed record, the latest script answers and risk, the last contact attempt and the repeat
// calls. The rules themselves (shared/escalationRules.ts) judge it, on either side.
import type { EscalationFacts } from '#shared/escalation.ts'
import type { ContactAttempt, IncidentFields } from '#shared/domain.ts'
import type { ScriptRecord } from '#shared/script.ts'
import type { RepeatCounts } from '#shared/repeats.ts'

/** The latest answer to each question, whichever script version it was given under. */
function latestAnswers(script: ScriptRecord): Record<string, string> {
  const latest: Record<string, string> = {}
  for (const a of [...script.answers].sort((x, y) => x.id - y.id)) latest[a.questionId] = a.value
  return latest
}

export function escalationFacts(
  fields: IncidentFields,
  script: ScriptRecord,
  attempts: readonly ContactAttempt[],
  repeats: RepeatCounts,
): EscalationFacts {
  const lastAttempt = attempts.reduce<ContactAttempt | null>(
    (last, a) => (last === null || a.id > last.id ? a : last),
    null,
  )
  return {
    grade: fields.grade,
    status: fields.status,
    receivedAt: fields.receivedAt,
    flags: fields.flags,
    answers: latestAnswers(script),
    riskLevel: script.risk.level,
    lastAttemptResult: lastAttempt?.result ?? null,
    ...repeats,
  }
}
