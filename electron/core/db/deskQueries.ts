// SQL for sessions, the audit log, the record of feed files and settings.
import { GENESIS_HASH } from '../audit/auditHash.ts'
import type { Db } from './openDatabase.ts'
import type { FileReport, QuarantinedFile, Session } from '#shared/domain.ts'

export interface AuditEntry {
  at: string
  sessionId: number | null
  actor: string
  action: string
  incidentId: number | null
  detail: Record<string, unknown>
}

export interface FeedFileRecord {
  fileName: string
  path: string
  processedAt: string
  outcome: 'processed' | 'quarantined'
  report: FileReport
}

export function deskQueries(db: Db) {
  const insertSession = db.prepare(
    `INSERT INTO sessions (worker_name, organisation, signed_in_at)
     VALUES (:workerName, :organisation, :signedInAt)`,
  )
  const endSession = db.prepare(`UPDATE sessions SET signed_out_at = :at WHERE id = :id`)
  // One statement takes the next id and the previous hash from the head and chains the entry, so
  // two processes writing at once (the app and the CLI) cannot fork the chain. Should the head be
  // gone (someone deleted it past its trigger), the entry follows the latest one rather than
  // failing the worker's action: the start-up check has already reported the break.
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (id, at, session_id, actor, action, incident_id, detail, prev_hash, hash)
     SELECT head.id + 1, :at, :sessionId, :actor, :action, :incidentId, :detail, head.hash,
       audit_entry_hash(head.hash, head.id + 1, :at, :sessionId, :actor, :action, :incidentId,
         :detail)
     FROM (
       SELECT 1 AS rank, last_id AS id, last_hash AS hash FROM audit_head
       UNION ALL SELECT 2, id, hash FROM (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1)
       UNION ALL SELECT 3, 0, :genesis
       ORDER BY rank LIMIT 1
     ) AS head`,
  )
  const insertFeedFile = db.prepare(
    `INSERT INTO feed_files (file_name, path, processed_at, outcome, report)
     VALUES (:fileName, :path, :processedAt, :outcome, :report)`,
  )
  const feedFileAt = db.prepare<{ path: string }, { id: number }>(
    `SELECT id FROM feed_files WHERE path = :path LIMIT 1`,
  )
  const lastFeedFile = db.prepare<[], { file_name: string; processed_at: string }>(
    `SELECT file_name, processed_at FROM feed_files ORDER BY id DESC LIMIT 1`,
  )
  const quarantined = db.prepare<[], Record<string, string | number>>(
    `SELECT id, file_name, path, processed_at, report FROM feed_files
     WHERE outcome = 'quarantined' ORDER BY id DESC`,
  )
  const quarantinedCount = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM feed_files WHERE outcome = 'quarantined'`,
  )
  const getSetting = db.prepare<{ key: string }, { value: string }>(
    `SELECT value FROM settings WHERE key = :key`,
  )
  const putSetting = db.prepare(
    `INSERT INTO settings (key, value) VALUES (:key, :value)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  )

  return {
    startSession(workerName: string, organisation: string, signedInAt: string): Session {
      const id = Number(insertSession.run({ workerName, organisation, signedInAt }).lastInsertRowid)
      return { id, workerName, organisation, signedInAt }
    },
    endSession(id: number, at: string): void {
      endSession.run({ id, at })
    },
    audit(entry: AuditEntry): void {
      insertAudit.run({ ...entry, detail: JSON.stringify(entry.detail), genesis: GENESIS_HASH })
    },
    recordFeedFile(file: FeedFileRecord): void {
      insertFeedFile.run({ ...file, report: JSON.stringify(file.report) })
    },
    /** Whether a feed file was logged as going to this path (processed/ or quarantine/). */
    feedFileLoggedAt(path: string): boolean {
      return feedFileAt.get({ path }) !== undefined
    },
    lastFeedFile(): { fileName: string; at: string } | null {
      const r = lastFeedFile.get()
      return r ? { fileName: r.file_name, at: r.processed_at } : null
    },
    quarantinedFiles(): QuarantinedFile[] {
      return quarantined.all().map((r) => ({
        id: Number(r.id),
        fileName: String(r.file_name),
        path: String(r.path),
        at: String(r.processed_at),
        report: JSON.parse(String(r.report)) as FileReport,
      }))
    },
    quarantinedCount(): number {
      return quarantinedCount.get()?.n ?? 0
    },
    setting(key: string): unknown {
      const r = getSetting.get({ key })
      return r === undefined ? undefined : JSON.parse(r.value)
    },
    putSetting(key: string, value: unknown): void {
      putSetting.run({ key, value: JSON.stringify(value) })
    },
  }
}

export type DeskQueries = ReturnType<typeof deskQueries>
