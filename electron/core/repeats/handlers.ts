// The repeat call: dismissing an earlier incident as a false match (not the same place, or not
// the same person). Checked before anything is written, so a refused dismissal leaves the
// database as it was; written in one transaction with its audit entry (ids and the kind only:
// the reason is free text and stays in the record).
import { DISMISS_LABELS, kindOf } from '#shared/repeats.ts'
import { formatDateTime, toIsoUtc } from '#shared/time.ts'
import type { Handlers } from '../api/dispatch.ts'
import { fail, ok } from '../api/result.ts'
import { repeatQueries } from '../db/repeatQueries.ts'
import { actorOf } from '../deskContext.ts'
import type { DeskContext } from '../deskContext.ts'
import { repeatQuery } from './repeatQuery.ts'

export function repeatHandlers(context: DeskContext): Pick<Handlers, 'repeats.dismiss'> {
  const { incidents, now, signedIn, recordWork } = context
  const repeats = repeatQueries(context.db)

  return {
    'repeats.dismiss': ({ incidentId, earlierId, kind, reason }) =>
      signedIn((worker) => {
        const before = incidents.row(incidentId)
        if (!before) return fail('not-found', `No incident with id ${incidentId}.`)
        const found = incidents.detail(incidentId)!
        const match = repeats
          .earlierMatches(repeatQuery(incidentId, found.fields))
          .find((m) => m.incidentId === earlierId)
        if (!match || !match.keys.some((k) => kindOf(k) === kind)) {
          return fail(
            'bad-request',
            `Incident ${earlierId} is not an earlier incident ${
              kind === 'address' ? 'at the same address' : 'for the same victim'
            } as ${before.incidentRef}: reload the incident.`,
          )
        }
        const already = repeats
          .dismissalsOf(incidentId)
          .find((d) => d.earlierId === earlierId && d.kind === kind)
        if (already) {
          return fail(
            'bad-request',
            `${match.incidentRef} was already marked “${DISMISS_LABELS[kind].toLowerCase()}” by ` +
              `${already.by} at ${formatDateTime(already.at)}.`,
          )
        }
        const dismissal = recordWork(
          before,
          'repeat.dismiss',
          'repeatDismissalId',
          () =>
            repeats.dismiss({
              incidentId,
              earlierId,
              kind,
              reason,
              at: toIsoUtc(now()),
              by: actorOf(worker),
              sessionId: worker.id,
            }),
          { earlierId, kind },
        )
        return ok(dismissal)
      }),
  }
}
