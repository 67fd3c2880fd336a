// The escalation calls: raise, the controller's acknowledgement, the outcome, and setting a
// suggestion aside. Each checks the lifecycle before anything is written, so a refused step
// leaves the database as it was; each write is one transaction with its audit entry (codes and
// ids only: names and reasons in free text are personal data and stay in the records).
import type { Grade } from '#shared/domain.ts'
import { GRADE_NAMES } from '#shared/domain.ts'
import type { Escalation } from '#shared/escalation.ts'
import {
  ESCALATION_OUTCOME_LABELS,
  ESCALATION_REASONS,
  openEscalation,
} from '#shared/escalation.ts'
import { ESCALATION_RULE_IDS } from '#shared/escalationRules.ts'
import { formatDateTime, toIsoUtc } from '#shared/time.ts'
import type { Handlers } from '../api/dispatch.ts'
import { fail, ok } from '../api/result.ts'
import { escalationQueries } from '../db/escalationQueries.ts'
import { actorOf } from '../deskContext.ts'
import type { DeskContext } from '../deskContext.ts'

type EscalationCall =
  | 'escalations.raise'
  | 'escalations.acknowledge'
  | 'escalations.recordOutcome'
  | 'escalations.dismissSuggestion'

const gradeText = (g: Grade) => `grade ${g} (${GRADE_NAMES[g]})`

/** Rule ids a request names that are not in the table, quoted for a message; null when none. */
function unknownRules(ids: readonly string[]): string | null {
  const unknown = ids.filter((id) => !ESCALATION_RULE_IDS.has(id))
  return unknown.length ? unknown.map((id) => `“${id}”`).join(', ') : null
}

/** Why a closed escalation takes no more steps, naming how it was closed. */
function closedProblem(e: Escalation): string | null {
  if (!e.outcome) return null
  return (
    `This escalation was closed (${ESCALATION_OUTCOME_LABELS[e.outcome.outcome].toLowerCase()}) ` +
    `at ${formatDateTime(e.outcome.at)} by ${e.outcome.by}: it takes no more steps.`
  )
}

export function escalationHandlers(context: DeskContext): Pick<Handlers, EscalationCall> {
  const { incidents, now, signedIn, recordWork } = context
  const escalations = escalationQueries(context.db)
  const noIncident = (id: number) => fail<never>('not-found', `No incident with id ${id}.`)
  const noEscalation = (id: number) => fail<never>('not-found', `No escalation with id ${id}.`)

  return {
    'escalations.raise': (request) =>
      signedIn((worker) => {
        const { incidentId, recommendedGrade } = request
        const before = incidents.row(incidentId)
        if (!before) return noIncident(incidentId)
        // The open one comes first: whatever else is wrong, that is what the worker needs to know.
        const open = openEscalation(escalations.ofIncident(incidentId))
        if (open) {
          return fail(
            'bad-request',
            `${before.incidentRef} already has an open escalation, raised at ` +
              `${formatDateTime(open.raisedAt)} by ${open.raisedBy}` +
              `${open.acknowledgement ? ` and acknowledged by ${open.acknowledgement.controller}` : ''}: ` +
              'record its outcome before raising another.',
          )
        }
        const reasons = ESCALATION_REASONS.filter((r) => request.reasons.includes(r))
        const detail = request.detail || null
        const fromSuggestion = [...new Set(request.fromSuggestion)]
        if (reasons.includes('other') && detail === null) {
          return fail('bad-request', 'Say in the detail what the “Other” reason is.')
        }
        if (before.grade === 1) {
          return fail(
            'bad-request',
            `${before.incidentRef} is already ${gradeText(1)}, the highest: there is no grade to ` +
              'escalate it to.',
          )
        }
        if (recommendedGrade >= before.grade) {
          return fail(
            'bad-request',
            `The recommended ${gradeText(recommendedGrade)} must be higher than the current ` +
              `${gradeText(before.grade)}.`,
          )
        }
        const unknown = unknownRules(fromSuggestion)
        if (unknown) {
          return fail('bad-request', `Not escalation rules: ${unknown}. Reload and try again.`)
        }
        const escalation = recordWork(
          before,
          'escalation.raise',
          'escalationId',
          () =>
            escalations.get(
              escalations.raise({
                incidentId,
                at: toIsoUtc(now()),
                by: actorOf(worker),
                sessionId: worker.id,
                reasons,
                detail,
                currentGrade: before.grade,
                recommendedGrade,
                fromSuggestion,
              }),
            )!,
          { reasons, currentGrade: before.grade, recommendedGrade, fromSuggestion },
        )
        return ok(escalation)
      }),

    'escalations.acknowledge': ({ escalationId, controller }) =>
      signedIn((worker) => {
        const escalation = escalations.get(escalationId)
        if (!escalation) return noEscalation(escalationId)
        const closed = closedProblem(escalation)
        if (closed) return fail('bad-request', closed)
        const ack = escalation.acknowledgement
        if (ack) {
          return fail(
            'bad-request',
            `This escalation was already acknowledged by ${ack.controller} at ` +
              `${formatDateTime(ack.at)}.`,
          )
        }
        const before = incidents.row(escalation.incidentId)!
        const acknowledged = recordWork(before, 'escalation.acknowledge', 'escalationId', () => {
          escalations.acknowledge({
            escalationId,
            controller,
            at: toIsoUtc(now()),
            by: actorOf(worker),
            sessionId: worker.id,
          })
          return escalations.get(escalationId)!
        })
        return ok(acknowledged)
      }),

    'escalations.recordOutcome': ({ escalationId, outcome, grade, reason: given }) =>
      signedIn((worker) => {
        const escalation = escalations.get(escalationId)
        if (!escalation) return noEscalation(escalationId)
        const closed = closedProblem(escalation)
        if (closed) return fail('bad-request', closed)
        if (outcome !== 'withdrawn' && escalation.acknowledgement === null) {
          return fail(
            'bad-request',
            'Record the controller’s acknowledgement first: only a withdrawal can come before it.',
          )
        }
        if (outcome === 'upgraded') {
          if (grade === null) {
            return fail('bad-request', 'Give the grade the response was upgraded to.')
          }
          if (grade >= escalation.currentGrade) {
            return fail(
              'bad-request',
              `An upgrade must be to a grade higher than ${gradeText(escalation.currentGrade)}, ` +
                'the grade when the escalation was raised.',
            )
          }
        } else if (grade !== null) {
          return fail('bad-request', 'A grade is given only when the response was upgraded.')
        }
        const reason = given || null
        if (outcome === 'not-upgraded' && reason === null) {
          return fail('bad-request', 'Say why the controller did not upgrade the response.')
        }
        if (outcome === 'withdrawn' && reason === null) {
          return fail('bad-request', 'Say why you are withdrawing the escalation.')
        }
        const before = incidents.row(escalation.incidentId)!
        const recorded = recordWork(
          before,
          'escalation.outcome',
          'escalationId',
          () => {
            escalations.close({
              escalationId,
              outcome,
              grade,
              reason,
              at: toIsoUtc(now()),
              by: actorOf(worker),
              sessionId: worker.id,
            })
            return escalations.get(escalationId)!
          },
          { outcome, grade },
        )
        return ok(recorded)
      }),

    'escalations.dismissSuggestion': ({ incidentId, ruleIds, reason }) =>
      signedIn((worker) => {
        const before = incidents.row(incidentId)
        if (!before) return noIncident(incidentId)
        const unique = [...new Set(ruleIds)]
        const unknown = unknownRules(unique)
        if (unknown) {
          return fail('bad-request', `Not escalation rules: ${unknown}. Reload and try again.`)
        }
        const dismissal = recordWork(
          before,
          'escalation.dismissSuggestion',
          'dismissalId',
          () =>
            escalations.dismiss({
              incidentId,
              ruleIds: unique,
              reason,
              at: toIsoUtc(now()),
              by: actorOf(worker),
              sessionId: worker.id,
            }),
          { ruleIds: unique },
        )
        return ok(dismissal)
      }),
  }
}
