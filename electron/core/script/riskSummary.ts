// The risk level from the DASH answers, in one pure function the desk, the CLI and the tests share.
import type {
  ContactScript,
  Referral,
  RiskJudgement,
  RiskLevel,
  RiskSummary,
  ScriptAnswer,
} from '#shared/script.ts'

/**
 * Counts the latest answer to each DASH question of this script version (a changed answer counts
 * once, with its new value; answers under another version have their own questions and
 * threshold, so they do not count here). The level comes from the bands; the latest judgement
 * can make it high at any count. High risk prompts a MARAC referral until one is recorded,
 * whatever the decision, since the record says what was decided.
 */
export function riskSummary(
  script: ContactScript,
  answers: readonly ScriptAnswer[],
  judgements: readonly RiskJudgement[],
  referrals: readonly Referral[],
): RiskSummary {
  const dashIds = new Set(
    script.steps.flatMap((s) => s.questions.filter((q) => q.kind === 'dash').map((q) => q.id)),
  )
  const latest = new Map<string, string>()
  for (const a of [...answers].sort((x, y) => x.id - y.id)) {
    if (
      a.scriptId === script.id &&
      a.scriptVersion === script.version &&
      dashIds.has(a.questionId)
    ) {
      latest.set(a.questionId, a.value)
    }
  }
  const values = [...latest.values()]
  const yesCount = values.filter((v) => v === 'yes').length
  let counted: RiskLevel = 'standard'
  for (const band of script.bands) if (yesCount >= band.minYes) counted = band.level
  if (yesCount >= script.highRiskYes) counted = 'high'
  const lastJudgement = [...judgements].sort((x, y) => x.id - y.id).at(-1)
  const byJudgement = counted !== 'high' && lastJudgement?.high === true
  const level: RiskLevel = byJudgement ? 'high' : counted
  return {
    yesCount,
    answered: values.filter((v) => v !== 'not-asked').length,
    total: dashIds.size,
    level,
    byJudgement,
    maracPrompt: level === 'high' && !referrals.some((r) => r.service === 'marac'),
  }
}
