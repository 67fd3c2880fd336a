// What a feature's handlers get from the desk: the database, the clock, the signed-in worker,
// the audit log and the way to tell the page. Each feature (escalation, handover, ...) builds its
// handlers from this in its own folder, and desk.ts wires them into the one handler table.
import type { BackupReason, HandoverBackup } from '#shared/backup.ts'
import type { Result } from '#shared/contract.ts'
import type { QueueRow, Session, Settings } from '#shared/domain.ts'
import type { ContactScript } from '#shared/script.ts'
import type { Db } from './db/openDatabase.ts'
import type { IncidentQueries } from './db/incidentQueries.ts'
import type { PdfRenderer } from './handover/pdfRenderer.ts'

export interface DeskContext {
  readonly db: Db
  readonly now: () => number
  readonly incidents: IncidentQueries
  readonly dataDir: string
  /** The safe-contact script in force (its DASH questions and bands set the risk level). */
  readonly script: ContactScript
  settings(): Settings
  /** The signed-in worker, or null. */
  worker(): Session | null
  /** Signs the worker out, as the sign-out call does (the hand over ends with it); `reason`
   * goes into the audit entry when it was not the worker's choice. */
  signOut(reason?: string): void
  /** Writes one audit entry as the signed-in worker (or 'system'). */
  audit(action: string, incidentId: number | null, detail: Record<string, unknown>): void
  /** Runs `run` for the signed-in worker, or refuses with not-signed-in. */
  signedIn<T>(run: (worker: Session) => Result<T>): Result<T>
  /** Tells the page an incident has a new record: its queue row and its open view. */
  pushRecordAdded(incidentId: number): void
  /**
   * Stores one record of the worker's work on an incident, in one transaction with its audit
   * entry and the move from 'new' to 'reviewing', then tells the page.
   */
  recordWork<T extends { id: number }>(
    before: QueueRow,
    action: string,
    idKey: string,
    add: () => T,
    detail?: Record<string, unknown>,
  ): T
  /** Lays out handover PDFs on their own thread. */
  readonly pdf: PdfRenderer
  /** Backs the database up; a failure is audited and comes back in words, never thrown. */
  backUp(reason: BackupReason): Promise<HandoverBackup>
}

/** The worker as the records and the audit log name them. */
export const actorOf = (s: Session) => `${s.workerName} (${s.organisation})`
