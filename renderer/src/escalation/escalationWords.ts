// Words for an escalation wherever it is shown: the queue row's banner, the top bar, the
// reminder, the incident's panel and its timeline.
import type { Grade } from '#shared/domain.ts'
import {
  ESCALATION_OUTCOME_LABELS,
  ESCALATION_REASON_LABELS,
  type Escalation,
  type OpenEscalationMark,
  type SuggestionDismissal,
} from '#shared/escalation.ts'
import { ESCALATION_RULES } from '#shared/escalationRules.ts'
import { formatAge } from '#shared/time.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { gradeLabel } from '../queue/GradeChip.tsx'

/** "Escalated 14:02 — awaiting acknowledgement", for the pinned queue row. */
export function markWords(mark: OpenEscalationMark, nowMs: number): string {
  const raised = `Escalated ${formatWhen(mark.raisedAt, nowMs)}`
  if (mark.acknowledgedAt === null) return `${raised} — awaiting acknowledgement`
  const by = mark.controller ? `Acknowledged by ${mark.controller}` : 'Acknowledged'
  return mark.regradeLinked ? `${by} · regraded: record the outcome` : `${raised} · ${by}`
}

/** "4 min" or "just now": how long an escalation has waited. */
export function waitedWords(raisedAt: string, nowMs: number): string {
  const age = formatAge(raisedAt, nowMs)
  return age === 'just now' ? age : `${age} ago`
}

export function reasonsWords(escalation: Pick<Escalation, 'reasons'>): string {
  return escalation.reasons.map((r) => ESCALATION_REASON_LABELS[r]).join('; ')
}

/** The grades above (more urgent than) `grade`, nearest first: what can be recommended. */
export function gradesAbove(grade: Grade): Grade[] {
  const above: Grade[] = []
  for (let g = grade - 1; g >= 1; g--) above.push(g as Grade)
  return above
}

/** "G3 Scheduled → G2 Priority recommended" */
export function recommendationWords(e: Pick<Escalation, 'currentGrade' | 'recommendedGrade'>) {
  return `${gradeLabel(e.currentGrade)} → ${gradeLabel(e.recommendedGrade)} recommended`
}

/** "Upgraded to G2 Priority", "Not upgraded — officers on scene". */
export function outcomeWords(e: Escalation): string {
  const o = e.outcome
  if (!o) return ''
  const what =
    o.outcome === 'upgraded' && o.grade !== null
      ? `Upgraded to ${gradeLabel(o.grade)}`
      : ESCALATION_OUTCOME_LABELS[o.outcome]
  return o.reason ? `${what} — ${o.reason}` : what
}

/** One step of an escalation as the timeline lists it. */
export interface EscalationStepRecord {
  key: string
  at: string
  title: string
  text: string | null
  by: string
}

/** Each recorded step of an escalation: raised, acknowledged, closed with its outcome. */
export function escalationSteps(e: Escalation): EscalationStepRecord[] {
  const steps: EscalationStepRecord[] = [
    {
      key: `escalation-${e.id}-raised`,
      at: e.raisedAt,
      title: `Escalated: ${recommendationWords(e)}`,
      text: [reasonsWords(e), e.detail].filter(Boolean).join('\n'),
      by: e.raisedBy,
    },
  ]
  if (e.acknowledgement) {
    steps.push({
      key: `escalation-${e.id}-acknowledged`,
      at: e.acknowledgement.at,
      title: `Escalation acknowledged by ${e.acknowledgement.controller}`,
      text: null,
      by: e.acknowledgement.recordedBy,
    })
  }
  if (e.outcome) {
    steps.push({
      key: `escalation-${e.id}-outcome`,
      at: e.outcome.at,
      title: `Escalation outcome: ${outcomeWords(e)}`,
      text: null,
      by: e.outcome.by,
    })
  }
  return steps
}

const RULE_TEXTS = new Map(ESCALATION_RULES.map((rule) => [rule.id, rule.text]))

/** "injury reported in the call; children present": what a dismissed suggestion had named. */
export function dismissedWords(dismissal: SuggestionDismissal): string {
  return dismissal.ruleIds.map((id) => RULE_TEXTS.get(id) ?? id).join('; ')
}
