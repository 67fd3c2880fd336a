// SQL for contact attempts: recorded once, never changed (the table refuses updates and deletes).
import type { Db } from './openDatabase.ts'
import type { ContactAttempt, ContactResult } from '#shared/domain.ts'

export interface NewContactAttempt {
  incidentId: number
  at: string
  number: string
  result: ContactResult
  callBackAt: string | null
  note: string | null
  by: string
  sessionId: number | null
}

const selectAttempt = `
  SELECT id, incident_id AS incidentId, at, number, result, call_back_at AS callBackAt, note,
         recorded_by AS "by"
  FROM contact_attempts`

export function contactQueries(db: Db) {
  const insert = db.prepare(
    `INSERT INTO contact_attempts
       (incident_id, at, number, result, call_back_at, note, recorded_by, session_id)
     VALUES (:incidentId, :at, :number, :result, :callBackAt, :note, :by, :sessionId)`,
  )
  const byId = db.prepare<{ id: number }, ContactAttempt>(`${selectAttempt} WHERE id = :id`)
  const ofIncident = db.prepare<{ incidentId: number }, ContactAttempt>(
    `${selectAttempt} WHERE incident_id = :incidentId ORDER BY id`,
  )

  return {
    add(attempt: NewContactAttempt): ContactAttempt {
      const id = Number(insert.run(attempt).lastInsertRowid)
      return byId.get({ id })!
    },
    /** Oldest first. */
    ofIncident(incidentId: number): ContactAttempt[] {
      return ofIncident.all({ incidentId })
    },
  }
}

export type ContactQueries = ReturnType<typeof contactQueries>
