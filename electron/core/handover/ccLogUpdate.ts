// The "C&C log update": a short text about one incident that the worker pastes into the police
// incident log. Command-and-control systems are old and often take plain ASCII only, so the
// text's own punctuation is ASCII (names and the worker's words are kept as written); it carries
// no phone number, address or rapport note.
import { ACTION_OWNER_LABELS, CONTACT_RESULT_LABELS, GRADE_NAMES } from '#shared/domain.ts'
import type { Grade } from '#shared/domain.ts'
import { ESCALATION_OUTCOME_LABELS, ESCALATION_REASON_LABELS } from '#shared/escalation.ts'
import type { HandoverIncident } from '#shared/handover.ts'
import {
  CONTACT_OUTCOME_LABELS,
  REFERRAL_DECISION_LABELS,
  REFERRAL_SERVICE_LABELS,
} from '#shared/script.ts'
import { formatDateTime } from '#shared/time.ts'

const grade = (g: Grade) => `G${g} (${GRADE_NAMES[g]})`
const ascii = (text: string) =>
  text.replace(/[—–]/g, '-').replace(/→/g, '->').replace(/[‘’]/g, "'").replace(/[“”]/g, '"')

export function ccLogUpdate(i: HandoverIncident, worker: string, at: string): string {
  const lines = [
    `DA SUPPORT UPDATE - ${i.incidentRef} - ${formatDateTime(at)}`,
    `By ${worker}, DA support worker.`,
  ]
  const last = i.attempts.at(-1)
  if (i.attempts.length === 0) {
    lines.push('Contact: no attempt to contact the victim yet.')
  } else {
    const spoke =
      i.firstContactAt === null
        ? `Not yet spoken to the victim; last attempt ${formatDateTime(last!.at)}: ` +
          `${CONTACT_RESULT_LABELS[last!.result].toLowerCase()}.`
        : `Spoke to the victim ${formatDateTime(i.firstContactAt)} ` +
          `(${i.minutesToFirstContact} min after the call).`
    lines.push(`Contact: ${i.attempts.length} attempt(s). ${spoke}`)
    if (last!.callBackAt) lines.push(`Call-back agreed for ${formatDateTime(last!.callBackAt)}.`)
  }
  const level = i.risk.level === 'high' ? 'HIGH' : i.risk.level === 'medium' ? 'MEDIUM' : 'STANDARD'
  lines.push(
    `Risk: ${level} - DASH ${i.risk.yesCount} yes of ${i.risk.total} ` +
      `(${i.risk.answered} answered)${i.risk.byJudgement ? '; high by professional judgement' : ''}.`,
  )
  if (i.outcomes.length) {
    const outcomes = [...new Set(i.outcomes.map((o) => CONTACT_OUTCOME_LABELS[o.outcome]))]
    lines.push(`Outcome: ${outcomes.join('; ')}.`)
  }
  if (i.referrals.length) {
    const referrals = i.referrals.map((r) => {
      const service =
        r.service === 'other' && r.otherService
          ? r.otherService
          : REFERRAL_SERVICE_LABELS[r.service]
      return `${service} - ${REFERRAL_DECISION_LABELS[r.decision].toLowerCase()}`
    })
    lines.push(`Referrals: ${referrals.join('; ')}.`)
  }
  for (const e of i.escalations) {
    const steps = [
      `raised ${formatDateTime(e.raisedAt)}, ${grade(e.currentGrade)} -> ${grade(e.recommendedGrade)} ` +
        `recommended (${e.reasons.map((r) => ESCALATION_REASON_LABELS[r]).join('; ')})`,
      e.acknowledgement
        ? `acknowledged${e.acknowledgement.controller ? ` by ${e.acknowledgement.controller}` : ''} ` +
          formatDateTime(e.acknowledgement.at)
        : 'not yet acknowledged',
    ]
    if (e.outcome) {
      steps.push(
        e.outcome.outcome === 'upgraded' && e.outcome.grade
          ? `upgraded to ${grade(e.outcome.grade)} ${formatDateTime(e.outcome.at)}`
          : `${ESCALATION_OUTCOME_LABELS[e.outcome.outcome].toLowerCase()} ${formatDateTime(e.outcome.at)}`,
      )
    }
    lines.push(`Escalation: ${steps.join('; ')}.`)
  }
  if (i.outstandingActions.length) {
    lines.push(
      `Outstanding actions: ${i.outstandingActions
        .map((a) => `[${ACTION_OWNER_LABELS[a.owner]}] ${a.text ?? ''}`.trim())
        .join(' ')}`,
    )
  }
  return ascii(lines.join('\n'))
}
