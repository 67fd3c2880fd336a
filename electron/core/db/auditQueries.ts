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

/** Entries read per query: all() of a page is quicker than stepping through them one by one. */
const PAGE_SIZE = 5000

export function auditQueries(db: Db) {
  const page = db
    .prepare<{ after: number; size: number }, AuditRow>(
      `SELECT id, at, session_id, actor, action, incident_id, detail, prev_hash, hash
       FROM audit_log WHERE id > :after ORDER BY id LIMIT :size`,
    )
    .raw(true)
  const head = db.prepare<[], { last_id: number; last_at: string | null; last_hash: string }>(
    `SELECT last_id, last_at, last_hash FROM audit_head WHERE id = 1`,
  )
  return {
    /** Every entry in id order, read a page at a time: the log can be long. */
    *entries(): Generator<AuditRow> {
      let after = Number.MIN_SAFE_INTEGER
      for (;;) {
        const rows = page.all({ after, size: PAGE_SIZE })
        yield* rows
        if (rows.length < PAGE_SIZE) return
        after = rows[rows.length - 1]![0]
      }
    },
    head(): AuditHead | null {
      const r = head.get()
      return r ? { lastId: r.last_id, lastAt: r.last_at, lastHash: r.last_hash } : null
    },
  }
}
