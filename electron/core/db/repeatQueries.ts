// SQL for repeat victims and addresses: the earlier incidents that match one incident by address,
// phone or name and date of birth (the keys of db/repeatKeys.ts, on the indexes of migration 4),
// and the worker's dismissals of false matches (migration 9).
import type { Db } from './openDatabase.ts'
import type { RepeatQuery } from './escalationQueries.ts'
import { PARAMS, sameAddress, sameNameAndDob, samePhone } from './repeatKeys.ts'
import type { Grade, PoliceStatus } from '#shared/domain.ts'
import type { MatchKey, RepeatDismissal, RepeatKind } from '#shared/repeats.ts'

/** The most earlier incidents listed on one incident, newest first (a hostel's address can have
 * hundreds; the counts are not limited). */
export const MATCHES_LISTED = 100

export interface EarlierIncident {
  incidentId: number
  incidentRef: string
  receivedAt: string
  grade: Grade
  status: PoliceStatus
  keys: MatchKey[]
}

export interface NewRepeatDismissal {
  incidentId: number
  earlierId: number
  kind: RepeatKind
  reason: string
  at: string
  by: string
  sessionId: number | null
}

interface EarlierRow {
  incidentId: number
  incidentRef: string
  receivedAt: string
  grade: number
  status: string
  address: number
  phone: number
  nameDob: number
}

const earlier = `o.id <> :id AND o.received_at < :receivedAt`

export function repeatQueries(db: Db) {
  // Each key on its own index, then the keys of each incident found worked out once.
  const earlierMatches = db.prepare<Omit<RepeatQuery, 'from'> & { limit: number }, EarlierRow>(
    `WITH found (id) AS (
       SELECT o.id FROM incidents o WHERE ${sameAddress('o', PARAMS)} AND ${earlier}
       UNION SELECT o.id FROM incidents o WHERE ${samePhone('o', PARAMS)} AND ${earlier}
       UNION SELECT o.id FROM incidents o WHERE ${sameNameAndDob('o', PARAMS)} AND ${earlier}
     )
     SELECT o.id AS incidentId, o.incident_ref AS incidentRef, o.received_at AS receivedAt,
            o.grade, o.status,
            coalesce(${sameAddress('o', PARAMS)}, 0) AS address,
            coalesce(${samePhone('o', PARAMS)}, 0) AS phone,
            coalesce(${sameNameAndDob('o', PARAMS)}, 0) AS nameDob
     FROM found JOIN incidents o ON o.id = found.id
     ORDER BY o.received_at DESC, o.id DESC
     LIMIT :limit`,
  )
  const insertDismissal = db.prepare(
    `INSERT INTO repeat_dismissals (incident_id, earlier_id, kind, reason, at, recorded_by,
                                    session_id)
     VALUES (:incidentId, :earlierId, :kind, :reason, :at, :by, :sessionId)`,
  )
  const selectDismissal = `
    SELECT id, incident_id AS incidentId, earlier_id AS earlierId, kind, reason, at,
           recorded_by AS "by"
    FROM repeat_dismissals`
  const dismissalById = db.prepare<{ id: number }, RepeatDismissal>(
    `${selectDismissal} WHERE id = :id`,
  )
  const dismissalsOf = db.prepare<{ incidentId: number }, RepeatDismissal>(
    `${selectDismissal} WHERE incident_id = :incidentId ORDER BY id`,
  )

  return {
    /** Every earlier incident matching by any key (up to MATCHES_LISTED), newest first. */
    earlierMatches: (q: Omit<RepeatQuery, 'from'>): EarlierIncident[] =>
      earlierMatches.all({ ...q, limit: MATCHES_LISTED }).map((r) => ({
        incidentId: r.incidentId,
        incidentRef: r.incidentRef,
        receivedAt: r.receivedAt,
        grade: r.grade as Grade,
        status: r.status as PoliceStatus,
        keys: [
          ...(r.address ? (['address'] as const) : []),
          ...(r.phone ? (['phone'] as const) : []),
          ...(r.nameDob ? (['name-dob'] as const) : []),
        ],
      })),
    /** Adds the dismissal; the database refuses a second one of the pair and kind. */
    dismiss(d: NewRepeatDismissal): RepeatDismissal {
      const id = Number(insertDismissal.run(d).lastInsertRowid)
      return dismissalById.get({ id })!
    },
    /** Oldest first. */
    dismissalsOf: (incidentId: number) => dismissalsOf.all({ incidentId }),
  }
}

export type RepeatQueries = ReturnType<typeof repeatQueries>
