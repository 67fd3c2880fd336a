// Words for an escalation wherever it is shown: the queue row's banner, the top bar, the
// reminder and the incident's panel.
import type { Grade } from '#shared/domain.ts'
import {
  ESCALATION_REASON_LABELS,
  type Escalation,
  type OpenEscalationMark,
} from '#shared/escalation.ts'
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
