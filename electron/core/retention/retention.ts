// The retention policy carried out: which incidents are due (their last activity is older than
// the period) and which are kept because work on them is still open, and the purge itself —
// personal details blanked in one transaction with its audit entry, the feed files kept from
// before the cut-off deleted, and the WAL checkpointed so the removed text is not left in it.
// The app (at start-up, daily, on request), the CLI and the tests all run exactly this.
import { readdirSync, statSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { ContactScript } from '#shared/script.ts'
import type { KeptReason, RetentionPreview, RetentionResult } from '#shared/retention.ts'
import { DEFAULT_RETENTION_MONTHS, retentionCutoff } from '#shared/retention.ts'
import { toIsoUtc } from '#shared/time.ts'
import type { Db } from '../db/openDatabase.ts'
import type { DeskQueries } from '../db/deskQueries.ts'
import { retentionQueries } from '../db/retentionQueries.ts'
import { PROCESSED_DIR, QUARANTINE_DIR } from '../feed/feedFileMove.ts'
import { FOLLOW_UP_SCRIPT_FILE } from '../paths.ts'
import { loadScript } from '../script/loadScript.ts'

/** The period in Settings, in months. */
export const retentionMonths = (desk: DeskQueries) =>
  (desk.setting('retentionMonths') as number | undefined) ?? DEFAULT_RETENTION_MONTHS

/** What started a purge, for the audit entry. */
export type PurgeTrigger = 'start-up' | 'daily' | 'worker' | 'settings' | 'command line'

export interface RetentionScope {
  db: Db
  now: () => number
  months: number
  /** The inbox folder whose processed and quarantine folders hold the feed files kept. */
  inboxDir: string
}

/** The feed files kept in the inbox's processed and quarantine folders from before the cut-off. */
function oldFeedFiles(inboxDir: string, cutoff: string): string[] {
  const before = Date.parse(cutoff)
  return [PROCESSED_DIR, QUARANTINE_DIR].flatMap((folder) => {
    const dir = join(inboxDir, folder)
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      return []
    }
    return names
      .map((name) => join(dir, name))
      .filter((path) => {
        try {
          const stat = statSync(path)
          return stat.isFile() && stat.mtimeMs < before
        } catch {
          return false
        }
      })
  })
}

export function previewRetention(scope: RetentionScope): RetentionPreview {
  const cutoff = retentionCutoff(scope.now(), scope.months)
  const preview: RetentionPreview = {
    months: scope.months,
    cutoff,
    due: [],
    kept: [],
    feedFiles: oldFeedFiles(scope.inboxDir, cutoff).length,
  }
  for (const r of retentionQueries(scope.db).due(cutoff)) {
    const incident = {
      incidentId: r.id,
      incidentRef: r.incident_ref,
      lastActivityAt: r.last_activity_at,
    }
    const reasons: KeptReason[] = []
    if (r.open_escalation) reasons.push('open-escalation')
    if (r.outstanding_action) reasons.push('outstanding-action')
    if (r.open_clares_law) reasons.push('open-clares-law')
    if (r.open_follow_up) reasons.push('open-follow-up')
    if (r.open_tasking) reasons.push('open-tasking')
    if (reasons.length) preview.kept.push({ ...incident, reasons })
    else preview.due.push(incident)
  }
  return preview
}

export interface PurgeOptions extends RetentionScope {
  script: ContactScript
  trigger: PurgeTrigger
  /** Writes the audit entry, in the purge's transaction. */
  audit: (detail: Record<string, unknown>) => void
  /** An automatic run that finds nothing to do leaves no audit entry. */
  quietWhenNothing: boolean
}

const textQuestionsOf = (script: ContactScript) =>
  script.steps.flatMap((s) => s.questions.filter((q) => q.kind === 'text').map((q) => q.id))

export function runRetention(options: PurgeOptions): RetentionResult {
  const { db } = options
  const queries = retentionQueries(db)
  const preview = previewRetention(options)
  const purgedAt = toIsoUtc(options.now())
  const textQuestions = textQuestionsOf(options.script)
  const followUpTextQuestions = textQuestionsOf(loadScript(FOLLOW_UP_SCRIPT_FILE))
  // The files are only copies of what the database holds, so they go first: should the
  // database then fail, nothing is lost that the next run would not remove anyway.
  let feedFiles = 0
  for (const path of oldFeedFiles(options.inboxDir, preview.cutoff)) {
    try {
      unlinkSync(path)
      feedFiles++
    } catch (error) {
      console.error(`DA Desk: the retention purge could not delete ${path}`, error)
    }
  }
  const result: RetentionResult = {
    months: preview.months,
    cutoff: preview.cutoff,
    purgedAt,
    purged: preview.due,
    kept: preview.kept,
    feedReports: 0,
    feedFiles,
  }
  db.transaction(() => {
    const ids = preview.due.map((i) => i.incidentId)
    if (ids.length) queries.purge(ids, textQuestions, followUpTextQuestions, purgedAt)
    result.feedReports = queries.blankFeedReports(preview.cutoff)
    const nothing = ids.length === 0 && result.feedReports === 0 && feedFiles === 0
    if (nothing && options.quietWhenNothing) return
    // References are not personal data; they let the force match the purge to its own records.
    options.audit({
      trigger: options.trigger,
      months: result.months,
      cutoff: result.cutoff,
      incidents: ids.length,
      incidentRefs: preview.due.map((i) => i.incidentRef),
      kept: preview.kept.map((i) => ({ incidentRef: i.incidentRef, reasons: i.reasons })),
      feedReports: result.feedReports,
      feedFiles,
    })
  }).immediate()
  queries.checkpoint()
  return result
}
