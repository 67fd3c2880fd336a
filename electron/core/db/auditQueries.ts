// SQL for reading the audit chain back to check it (entries are written by deskQueries.audit).
import type { Db } from './openDatabase.ts'

/** One stored entry, in the column order of auditEntries. */
export type AuditRow = [
  id: number,
  at: string,
  sessionId: number | null,
  actor: string,
  action: string,
  incidentId: number | null,
  detail: string,
  prevHash: string,
  hash: string,
]

export interface AuditHead {
  lastId: number
  lastAt: string | null
  lastHash: string
}

export function auditQueries(db: Db) {
  const entries = db
    .prepare<[], AuditRow>(
      `SELECT id, at, session_id, actor, action, incident_id, detail, prev_hash, hash
       FROM audit_log ORDER BY id`,
    )
    .raw(true)
  const head = db.prepare<[], { last_id: number; last_at: string | null; last_hash: string }>(
    `SELECT last_id, last_at, last_hash FROM audit_head WHERE id = 1`,
  )
  return {
    /** Every entry in id order, one at a time (the log can be long). */
    entries: (): IterableIterator<AuditRow> => entries.iterate(),
    head(): AuditHead | null {
      const r = head.get()
      return r ? { lastId: r.last_id, lastAt: r.last_at, lastHash: r.last_hash } : null
    },
  }
}
