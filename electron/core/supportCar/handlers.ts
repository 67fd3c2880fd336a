// The support car's calls: task an incident to the car, stand a tasking down, the car's list in
// visiting order with the crew's notes, record a visit (its referrals go in as the incident's own
// referrals, linked to the visit), and add the car's crew to the shift. Each is checked before
// anything is written, so a refused one leaves the database as it was; each write is one
// transaction with its audit entry (codes and ids only: reasons and notes stay in the records).
import type { CallName } from '#shared/contract.ts'
import type { Session } from '#shared/domain.ts'
import { formatDateTime, toIsoUtc } from '#shared/time.ts'
import { CREW_ROLE_LABELS, compareStops } from '#shared/supportCar.ts'
import type { SupportCarStop, SupportCarTasking } from '#shared/supportCar.ts'
import type { Handlers } from '../api/dispatch.ts'
import { fail, ok } from '../api/result.ts'
import { actorOf } from '../deskContext.ts'
import type { DeskContext } from '../deskContext.ts'
import { contactQueries } from '../db/contactQueries.ts'
import { handoverQueries } from '../db/handoverQueries.ts'
import { noteQueries } from '../db/noteQueries.ts'
import { scriptQueries } from '../db/scriptQueries.ts'
import { supportCarQueries } from '../db/supportCarQueries.ts'
import { crewNotes } from './crewNotes.ts'

type SupportCarCall = Extract<CallName, `supportCar.${string}`>

/** How far ahead of the desk's clock a visit time may be, for a clock a little fast. */
const VISIT_GRACE_MS = 5 * 60_000

export function supportCarHandlers(context: DeskContext): Pick<Handlers, SupportCarCall> {
  const { db, now, incidents, signedIn, audit, recordWork } = context
  const car = supportCarQueries(db)
  const scripts = scriptQueries(db)
  const contacts = contactQueries(db)
  const notes = noteQueries(db)
  const shifts = handoverQueries(db)

  const recorded = (worker: Session) => ({
    at: toIsoUtc(now()),
    by: actorOf(worker),
    sessionId: worker.id,
  })

  /** Why a visit cannot be recorded on this tasking, or null when it can. */
  function endedProblem(t: SupportCarTasking): string | null {
    if (t.state === 'stood-down') {
      return `This tasking was stood down at ${formatDateTime(t.closedAt!)}: no visit can be recorded on it.`
    }
    if (t.state === 'completed') {
      return `This tasking was completed at ${formatDateTime(t.closedAt!)}: task the car again for another visit.`
    }
    return null
  }

  function stop(tasking: SupportCarTasking): SupportCarStop {
    const row = incidents.row(tasking.incidentId)!
    return {
      tasking,
      incidentRef: row.incidentRef,
      grade: row.grade,
      receivedAt: row.receivedAt,
      victimName: row.victimName,
      address: row.address,
      postcode: row.postcode,
      crewNotes: crewNotes(
        context.script,
        scripts.answersOf(tasking.incidentId),
        contacts.ofIncident(tasking.incidentId),
        notes.ofIncident(tasking.incidentId),
      ),
    }
  }

  return {
    'supportCar.task': ({ incidentId, reason, priority }) =>
      signedIn((worker) => {
        const before = incidents.row(incidentId)
        if (!before) return fail('not-found', `No incident with id ${incidentId}.`)
        if (car.ofIncident(incidentId).some((t) => t.state === 'open')) {
          return fail(
            'bad-request',
            'This incident is already on the support car’s list: stand that tasking down first.',
          )
        }
        const tasking = recordWork(
          before,
          'supportCar.task',
          'taskingId',
          () => car.tasking(car.task({ incidentId, reason, priority, ...recorded(worker) }))!,
          { priority },
        )
        return ok(tasking)
      }),

    'supportCar.standDown': ({ taskingId, reason }) =>
      signedIn((worker) => {
        const tasking = car.tasking(taskingId)
        if (!tasking) return fail('not-found', `No support car tasking with id ${taskingId}.`)
        if (tasking.state !== 'open') {
          return fail(
            'bad-request',
            `This tasking was already ${tasking.state === 'completed' ? 'completed' : 'stood down'}.`,
          )
        }
        const updated = recordWork(
          incidents.row(tasking.incidentId)!,
          'supportCar.standDown',
          'taskingId',
          () => {
            car.close({ taskingId, kind: 'stood-down', reason, visitId: null, ...recorded(worker) })
            return car.tasking(taskingId)!
          },
        )
        return ok(updated)
      }),

    // The list shows each victim's name, address and safety notes.
    'supportCar.list': () =>
      signedIn(() => {
        const stops = car.open().map(stop).sort(compareStops)
        const shift = shifts.openShift()
        audit('supportCar.view', null, { stops: stops.length })
        return ok({
          stops,
          shiftId: shift?.id ?? null,
          crew: shift ? car.crew(shift.id) : [],
        })
      }),

    'supportCar.recordVisit': (request) =>
      signedIn((worker) => {
        const { taskingId, visitedAt, referrals } = request
        const tasking = car.tasking(taskingId)
        if (!tasking) return fail('not-found', `No support car tasking with id ${taskingId}.`)
        const ended = endedProblem(tasking)
        if (ended) return fail('bad-request', ended)
        const officer = request.officer || null
        const idva = request.idva || null
        if (officer === null && idva === null) {
          return fail('bad-request', 'Give the name of the officer or the IDVA who attended.')
        }
        const before = incidents.row(tasking.incidentId)!
        const visitedMs = Date.parse(visitedAt)
        if (visitedMs > now() + VISIT_GRACE_MS) {
          return fail(
            'bad-request',
            'The visit time is in the future: give when the crew attended.',
          )
        }
        if (visitedMs < Date.parse(before.receivedAt)) {
          return fail(
            'bad-request',
            `The visit time is before the call came in (${formatDateTime(before.receivedAt)}).`,
          )
        }
        const updated = recordWork(
          before,
          'supportCar.visit',
          'taskingId',
          () => {
            const at = recorded(worker)
            const visitId = car.addVisit({
              incidentId: tasking.incidentId,
              taskingId,
              visitedAt: toIsoUtc(visitedMs),
              officer,
              idva,
              victimEngaged: request.victimEngaged,
              safetyPlanAgreed: request.safetyPlanAgreed,
              movedToSafety: request.movedToSafety,
              disclosureGiven: request.disclosureGiven,
              notes: request.notes || null,
              ...at,
            })
            for (const service of referrals) {
              const referral = scripts.addReferral({
                incidentId: tasking.incidentId,
                service,
                otherService: null,
                decision: 'consented',
                detail: null,
                ...at,
              })
              car.linkReferral(visitId, referral.id)
            }
            if (request.completesTasking) {
              car.close({ taskingId, kind: 'completed', reason: null, visitId, ...at })
            }
            return car.tasking(taskingId)!
          },
          {
            victimEngaged: request.victimEngaged,
            movedToSafety: request.movedToSafety,
            disclosureGiven: request.disclosureGiven,
            referrals,
            completesTasking: request.completesTasking,
          },
        )
        return ok(updated)
      }),

    'supportCar.addCrew': ({ name, role }) =>
      signedIn((worker) => {
        const shift = shifts.openShift()
        if (!shift) return fail('bad-request', 'No shift is open: sign in to start one first.')
        if (car.hasCrewMember(shift.id, name, role)) {
          return fail(
            'bad-request',
            `${name} is already on this shift as the ${CREW_ROLE_LABELS[role].toLowerCase()}.`,
          )
        }
        db.transaction(() => {
          car.addCrew({ shiftId: shift.id, name, role, ...recorded(worker) })
          audit('shift.crew', null, { shiftId: shift.id, role })
        })()
        return ok(car.crew(shift.id))
      }),
  }
}
