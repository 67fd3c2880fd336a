// The Clare's Law calls: raising an application from an incident and moving its status. Each is
// checked before anything is written (the allowed moves are shared/claresLaw.ts), so a refused
// one leaves the database as it was; each write is one transaction with its audit entry (codes
// and ids only: notes are free text and stay in the records).
import { updateProblem } from '#shared/claresLaw.ts'
import { londonDate, toIsoUtc } from '#shared/time.ts'
import type { Handlers } from '../api/dispatch.ts'
import { fail, ok } from '../api/result.ts'
import { claresLawQueries } from '../db/claresLawQueries.ts'
import { actorOf } from '../deskContext.ts'
import type { DeskContext } from '../deskContext.ts'

type ClaresLawCall = 'claresLaw.raise' | 'claresLaw.updateStatus'

/** Today's date in London, YYYY-MM-DD. */
function londonToday(nowMs: number): string {
  const { year, month, day } = londonDate(toIsoUtc(nowMs))
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function claresLawHandlers(context: DeskContext): Pick<Handlers, ClaresLawCall> {
  const { incidents, now, signedIn, recordWork } = context
  const applications = claresLawQueries(context.db)

  return {
    'claresLaw.raise': ({ incidentId, route, raisedBy, raisedOn, note }) =>
      signedIn((worker) => {
        const before = incidents.row(incidentId)
        if (!before) return fail('not-found', `No incident with id ${incidentId}.`)
        if (raisedOn > londonToday(now())) {
          return fail('bad-request', 'The date the application was made cannot be in the future.')
        }
        const application = recordWork(
          before,
          'claresLaw.raise',
          'applicationId',
          () =>
            applications.get(
              applications.raise({
                incidentId,
                route,
                raisedBy,
                raisedOn,
                note: note || null,
                at: toIsoUtc(now()),
                by: actorOf(worker),
                sessionId: worker.id,
              }),
            )!,
          { route, raisedBy },
        )
        return ok(application)
      }),

    'claresLaw.updateStatus': (request) =>
      signedIn((worker) => {
        const { applicationId, status, supportAccepted, idvaPresent } = request
        const application = applications.get(applicationId)
        if (!application) {
          return fail('not-found', `No Clare's Law application with id ${applicationId}.`)
        }
        const problem = updateProblem(application.status, { status, supportAccepted, idvaPresent })
        if (problem) return fail('bad-request', problem)
        const before = incidents.row(application.incidentId)!
        const updated = recordWork(
          before,
          'claresLaw.status',
          'applicationId',
          () => {
            applications.addChange({
              applicationId,
              status,
              supportAccepted,
              idvaPresent,
              note: request.note || null,
              at: toIsoUtc(now()),
              by: actorOf(worker),
              sessionId: worker.id,
            })
            return applications.get(applicationId)!
          },
          { from: application.status, to: status, supportAccepted, idvaPresent },
        )
        return ok(updated)
      }),
  }
}
