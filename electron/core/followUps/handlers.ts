// The follow-up calls' handlers: the app schedules one when a contact with a medium-risk victim
// ends; the worker can schedule, reschedule or cancel one by hand with a reason, answer the
// follow-up script and record each call with its outcome. Referrals and escalations from a
// follow-up go through referrals.add and escalations.raise like any other.
import type { CallName } from '#shared/contract.ts'
import type { Handlers } from '../api/dispatch.ts'
import { fail, ok } from '../api/result.ts'
import { actorOf } from '../deskContext.ts'
import type { DeskContext } from '../deskContext.ts'
import type { Session } from '#shared/domain.ts'
import type { FollowUp } from '#shared/followUp.ts'
import { FOLLOW_UP_OUTCOME_LABELS, TRY_AGAIN_OUTCOMES } from '#shared/followUp.ts'
import { toIsoUtc } from '#shared/time.ts'
import { followUpQueries } from '../db/followUpQueries.ts'
import { scriptQueries } from '../db/scriptQueries.ts'
import { loadScript } from '../script/loadScript.ts'
import { checkAnswer } from '../script/checkAnswer.ts'
import { scriptRecord } from '../script/scriptRecord.ts'
import { FOLLOW_UP_SCRIPT_FILE } from '../paths.ts'
import { isCalendarDate, londonDayAfter } from './schedule.ts'

type FollowUpCall = Extract<CallName, `followUps.${string}`>

/** How far ahead a follow-up or a try-again day can be set by hand. */
const MAX_DAYS_AHEAD = 366

export function followUpHandlers(context: DeskContext, scriptFile = FOLLOW_UP_SCRIPT_FILE) {
  const { db, now, incidents, signedIn, audit } = context
  // Loaded with the desk, so a broken file stops it at start-up like the safe-contact script.
  const script = loadScript(scriptFile)
  const questions = new Map(script.steps.flatMap((s) => s.questions.map((q) => [q.id, q])))
  const followUps = followUpQueries(db)
  const scripts = scriptQueries(db)

  const riskOf = (incidentId: number) =>
    scriptRecord(context.script, scripts, incidentId).risk.level

  /** Why a day cannot be used for a follow-up, or null when it can. */
  function dayProblem(day: string, what: string): string | null {
    if (!isCalendarDate(day)) return `${what} is not a date on the calendar.`
    if (day < londonDayAfter(now(), 0)) return `${what} is in the past: choose today or later.`
    if (day > londonDayAfter(now(), MAX_DAYS_AHEAD)) {
      return `${what} is more than a year ahead.`
    }
    return null
  }

  /** The follow-up, open, or the refusal to give. */
  function openFollowUp(followUpId: number) {
    const found = followUps.get(followUpId)
    if (!found) return fail('not-found', `No follow-up with id ${followUpId}.`)
    if (found.status !== 'open') {
      return fail('bad-request', `This follow-up is already ${found.status}.`)
    }
    return ok(found)
  }

  const handlers: Pick<Handlers, FollowUpCall> = {
    // The script is not personal data, like the safe-contact one.
    'followUps.script': () => ok(script),
    'followUps.list': () =>
      signedIn(() =>
        ok(followUps.open().sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id)),
      ),
    'followUps.ofIncident': ({ incidentId }) =>
      signedIn(() => {
        if (!incidents.row(incidentId)) {
          return fail('not-found', `No incident with id ${incidentId}.`)
        }
        return ok(followUps.ofIncident(incidentId))
      }),
    // By hand: a new follow-up, or a new day for the open one (which is closed as rescheduled).
    'followUps.schedule': ({ incidentId, dueOn, reason }) =>
      signedIn((worker) => {
        const before = incidents.row(incidentId)
        if (!before) return fail('not-found', `No incident with id ${incidentId}.`)
        const problem = dayProblem(dueOn, 'The follow-up day')
        if (problem) return fail('bad-request', problem)
        const open = followUps.openOf(incidentId)
        const at = toIsoUtc(now())
        const by = actorOf(worker)
        const scheduled = context.recordWork(
          before,
          'followUp.schedule',
          'followUpId',
          () => {
            if (open) {
              followUps.close({
                followUpId: open.id,
                kind: 'rescheduled',
                reason,
                at,
                by,
                sessionId: worker.id,
              })
            }
            return followUps.add({
              incidentId,
              dueOn,
              riskLevel: riskOf(incidentId),
              reason,
              replaces: open?.id ?? null,
              at,
              by,
              sessionId: worker.id,
            })
          },
          { dueOn, replaces: open?.id ?? null },
        )
        return ok(scheduled)
      }),
    'followUps.cancel': ({ followUpId, reason }) =>
      signedIn((worker) => {
        const found = openFollowUp(followUpId)
        if (!found.ok) return found
        db.transaction(() => {
          followUps.close({
            followUpId,
            kind: 'cancelled',
            reason,
            at: toIsoUtc(now()),
            by: actorOf(worker),
            sessionId: worker.id,
          })
          audit('followUp.cancel', found.value.incidentId, { followUpId })
        })()
        context.pushRecordAdded(found.value.incidentId)
        return ok(followUps.get(followUpId)!)
      }),
    'followUps.answer': ({ followUpId, scriptVersion, questionId, value }) =>
      signedIn((worker) => {
        const found = openFollowUp(followUpId)
        if (!found.ok) return found
        if (scriptVersion !== script.version) {
          return fail(
            'bad-request',
            `This answer is for version ${scriptVersion} of the follow-up script, but version ` +
              `${script.version} is in use: reload the script and answer again.`,
          )
        }
        const question = questions.get(questionId)
        if (!question) {
          return fail('bad-request', `“${questionId}” is not a question in the follow-up script.`)
        }
        const checked = checkAnswer(question, value)
        if (!checked.ok) return fail('bad-request', `“${question.text}”: ${checked.problem}`)
        const before = incidents.row(found.value.incidentId)!
        // The value stays out of the audit log: free-text answers are personal data.
        const answer = context.recordWork(
          before,
          'followUp.answer',
          'answerId',
          () =>
            followUps.addAnswer({
              followUpId,
              scriptId: script.id,
              scriptVersion: script.version,
              questionId,
              value: checked.value,
              at: toIsoUtc(now()),
              by: actorOf(worker),
              sessionId: worker.id,
            }),
          { followUpId, questionId },
        )
        return ok(answer)
      }),
    // Each call is an attempt with its outcome; only not reached and not safe leave it open.
    'followUps.recordCall': ({ followUpId, outcome, tryAgainOn, note }) =>
      signedIn((worker) => {
        const found = openFollowUp(followUpId)
        if (!found.ok) return found
        const tryAgain = TRY_AGAIN_OUTCOMES.includes(outcome)
        if (tryAgain && tryAgainOn === null) {
          return fail(
            'bad-request',
            `“${FOLLOW_UP_OUTCOME_LABELS[outcome]}” needs a day to try again.`,
          )
        }
        if (!tryAgain && tryAgainOn !== null) {
          return fail(
            'bad-request',
            `A day to try again is only for not reached or not safe, not “${FOLLOW_UP_OUTCOME_LABELS[outcome]}”.`,
          )
        }
        if (tryAgainOn !== null) {
          const problem = dayProblem(tryAgainOn, 'The day to try again')
          if (problem) return fail('bad-request', problem)
        }
        const before = incidents.row(found.value.incidentId)!
        const at = toIsoUtc(now())
        const by = actorOf(worker)
        const call = context.recordWork(
          before,
          'followUp.call',
          'callId',
          () => {
            const added = followUps.addCall({
              followUpId,
              outcome,
              tryAgainOn,
              note: note || null,
              at,
              by,
              sessionId: worker.id,
            })
            if (!tryAgain) {
              followUps.close({
                followUpId,
                kind: 'completed',
                reason: null,
                at,
                by,
                sessionId: worker.id,
              })
            }
            return added
          },
          { followUpId, outcome, tryAgainOn },
        )
        return ok(call)
      }),
  }

  return {
    handlers,
    /**
     * After a contact outcome is stored, in its transaction: a medium-risk victim gets a
     * follow-up call the set number of days later, unless one is open already. A high risk by
     * professional judgement is high, not medium, so it gets none.
     */
    afterContactOutcome(incidentId: number, worker: Session): FollowUp | null {
      const riskLevel = riskOf(incidentId)
      if (riskLevel !== 'medium') return null
      const open = followUps.openOf(incidentId)
      if (open) return null
      const dueOn = londonDayAfter(now(), context.settings().followUpDays)
      const scheduled = followUps.add({
        incidentId,
        dueOn,
        riskLevel,
        reason: null,
        replaces: null,
        at: toIsoUtc(now()),
        by: actorOf(worker),
        sessionId: worker.id,
      })
      audit('followUp.schedule', incidentId, { followUpId: scheduled.id, dueOn, automatic: true })
      return scheduled
    },
  }
}
