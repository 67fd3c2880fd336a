// SQL for Clare's Law applications and their status history (migration 10), and the counts the
// figures take from them.
import type { Db } from './openDatabase.ts'
import type {
  ClaresLawApplicant,
  ClaresLawApplication,
  ClaresLawRoute,
  ClaresLawStatus,
  ClaresLawStatusChange,
  SupportAnswer,
} from '#shared/claresLaw.ts'

interface Recorded {
  at: string
  by: string
  sessionId: number | null
}

export interface NewApplication extends Recorded {
  incidentId: number
  route: ClaresLawRoute
  raisedBy: ClaresLawApplicant
  raisedOn: string
  note: string | null
}

export interface NewStatusChange extends Recorded {
  applicationId: number
  status: ClaresLawStatus
  supportAccepted: SupportAnswer | null
  idvaPresent: boolean | null
  note: string | null
}

interface ApplicationRow {
  id: number
  incidentId: number
  route: string
  raisedBy: string
  raisedOn: string
  recordedAt: string
  recordedBy: string
}

interface ChangeRow {
  id: number
  applicationId: number
  status: string
  supportAccepted: string | null
  idvaPresent: number | null
  note: string | null
  at: string
  by: string
}

export function claresLawQueries(db: Db) {
  const insertApplication = db.prepare(
    `INSERT INTO clares_law_applications (incident_id, route, raised_by, raised_on, recorded_at,
                                          recorded_by, session_id)
     VALUES (:incidentId, :route, :raisedBy, :raisedOn, :at, :by, :sessionId)`,
  )
  const insertChange = db.prepare(
    `INSERT INTO clares_law_status_changes (application_id, status, support_accepted,
                                            idva_present, note, at, recorded_by, session_id)
     VALUES (:applicationId, :status, :supportAccepted, :idvaPresent, :note, :at, :by,
             :sessionId)`,
  )
  const selectApplication = `
    SELECT id, incident_id AS incidentId, route, raised_by AS raisedBy, raised_on AS raisedOn,
           recorded_at AS recordedAt, recorded_by AS recordedBy
    FROM clares_law_applications`
  const byId = db.prepare<{ id: number }, ApplicationRow>(`${selectApplication} WHERE id = :id`)
  const ofIncident = db.prepare<{ incidentId: number }, ApplicationRow>(
    `${selectApplication} WHERE incident_id = :incidentId ORDER BY id`,
  )
  const changesOf = db.prepare<{ applicationId: number }, ChangeRow>(
    `SELECT id, application_id AS applicationId, status, support_accepted AS supportAccepted,
            idva_present AS idvaPresent, note, at, recorded_by AS "by"
     FROM clares_law_status_changes WHERE application_id = :applicationId ORDER BY id`,
  )

  const toChange = (r: ChangeRow): ClaresLawStatusChange => ({
    id: r.id,
    status: r.status as ClaresLawStatus,
    supportAccepted: r.supportAccepted as SupportAnswer | null,
    idvaPresent: r.idvaPresent === null ? null : r.idvaPresent === 1,
    note: r.note,
    at: r.at,
    by: r.by,
  })
  const latestGiven = <T>(
    changes: ClaresLawStatusChange[],
    pick: (c: ClaresLawStatusChange) => T | null,
  ) => changes.reduce<T | null>((last, c) => pick(c) ?? last, null)
  const toApplication = (r: ApplicationRow): ClaresLawApplication => {
    const changes = changesOf.all({ applicationId: r.id }).map(toChange)
    return {
      ...r,
      route: r.route as ClaresLawRoute,
      raisedBy: r.raisedBy as ClaresLawApplicant,
      status: changes.at(-1)!.status,
      supportAccepted: latestGiven(changes, (c) => c.supportAccepted),
      idvaPresent: latestGiven(changes, (c) => c.idvaPresent),
      changes,
    }
  }

  return {
    /** Adds the application with its first status, raised. */
    raise(a: NewApplication): number {
      const id = Number(insertApplication.run(a).lastInsertRowid)
      insertChange.run({
        applicationId: id,
        status: 'raised',
        supportAccepted: null,
        idvaPresent: null,
        note: a.note,
        at: a.at,
        by: a.by,
        sessionId: a.sessionId,
      })
      return id
    },
    addChange(c: NewStatusChange): void {
      insertChange.run({ ...c, idvaPresent: c.idvaPresent === null ? null : Number(c.idvaPresent) })
    },
    get(id: number): ClaresLawApplication | undefined {
      const r = byId.get({ id })
      return r && toApplication(r)
    },
    /** Oldest first. */
    ofIncident: (incidentId: number) => ofIncident.all({ incidentId }).map(toApplication),
    /** Applications made on dates from `from` (inclusive) to `to` (exclusive), YYYY-MM-DD. */
  }
}

export type ClaresLawQueries = ReturnType<typeof claresLawQueries>
