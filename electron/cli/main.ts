// The command line over the same core as the app: `da-desk <command> [options]`.
// Exit codes: 0 done, 1 failed (e.g. no database, wrong key, a damaged backup), 2 usage error
// (including no key), 3 some input was rejected, 4 the audit log is broken.
import { existsSync } from 'node:fs'
import { userInfo } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { FileReport } from '#shared/domain.ts'
import type { Escalation } from '#shared/escalation.ts'
import { suggestEscalation } from '#shared/escalationRules.ts'
import type { ScriptRecord } from '#shared/script.ts'
import type { FollowUp } from '#shared/followUp.ts'
import { formatDateTime, parseLondonDateTime, toIsoUtc } from '#shared/time.ts'
import { EXPORT_FORMATS, FIGURE_LABELS } from '#shared/handover.ts'
import type { ExportFormat } from '#shared/handover.ts'
import { handoverQueries } from '#core/db/handoverQueries.ts'
import { ExportWriteError } from '#core/handover/atomicWrite.ts'
import { exportFiles } from '#core/handover/exportFiles.ts'
import { pdfRenderer } from '#core/handover/pdfRenderer.ts'
import { figuresPeriod, riskRule } from '#core/handover/figures.ts'
import { exportAuditDetail, exportBaseName, recordExport } from '#core/handover/handlers.ts'
import { handoverRecord } from '#core/handover/handoverRecord.ts'
import { handoverSettings } from '#core/handover/settings.ts'
import { openDatabase } from '#core/db/openDatabase.ts'
import type { Db } from '#core/db/openDatabase.ts'
import { incidentQueries } from '#core/db/incidentQueries.ts'
import { contactQueries } from '#core/db/contactQueries.ts'
import { noteQueries } from '#core/db/noteQueries.ts'
import { scriptQueries } from '#core/db/scriptQueries.ts'
import { deskQueries } from '#core/db/deskQueries.ts'
import { escalationQueries } from '#core/db/escalationQueries.ts'
import { escalationRecord } from '#core/escalation/escalationRecord.ts'
import { repeatQueries } from '#core/db/repeatQueries.ts'
import { repeatRecord } from '#core/repeats/repeatRecord.ts'
import { claresLawQueries } from '#core/db/claresLawQueries.ts'
import type { RepeatRecord } from '#shared/repeats.ts'
import { escalationSettings } from '#core/escalation/settings.ts'
import { ingestFile } from '#core/feed/ingestFile.ts'
import { APP_VERSION, databaseFile, DEFAULT_SCRIPT_FILE, defaultDataDir } from '#core/paths.ts'
import { loadScript } from '#core/script/loadScript.ts'
import { scriptRecord } from '#core/script/scriptRecord.ts'
import { followUpQueries } from '#core/db/followUpQueries.ts'
import { supportCarQueries } from '#core/db/supportCarQueries.ts'
import { verifyAuditChain } from '#core/audit/verifyAuditChain.ts'
import { explicitKey, KEY_ENV, KEY_FILE_ENV } from '#core/databaseKey.ts'
import { previewRetention, retentionMonths, runRetention } from '#core/retention/retention.ts'
import {
  formatDate,
  KEPT_REASON_LABELS,
  MAX_RETENTION_MONTHS,
  MIN_RETENTION_MONTHS,
} from '#shared/retention.ts'
import type { KeptIncident, RetentionIncident } from '#shared/retention.ts'
import { BACKUP_REASON_LABELS, BACKUPS_KEPT_DEFAULT } from '#shared/backup.ts'
import { checkDatabaseFile, databaseInUse } from '#core/db/backupCopy.ts'
import { backupsDir, describeBackup, listBackupFiles } from '#core/backup/backupFolder.ts'
import { makeBackup } from '#core/backup/makeBackup.ts'
import { copyBackupIn, putDatabaseBack, setDatabaseAside } from '#core/backup/restoreFiles.ts'

const USAGE = `Usage: da-desk <command> [options]

Commands:
  ingest [--db FILE] PATH...     Ingest feed files in the order given (files are not moved);
                                 prints a JSON report. Exit 3 if anything was rejected.
  incidents [--db FILE] [--json] List every stored incident (JSON: full records with history,
                                 contact attempts and notes, with amendments and done actions,
                                 the safe-contact script's answers, risk, referrals and
                                 outcomes, escalations with their whole lifecycle, dismissed
                                 suggestions, what the escalation rules advise now, and the
                                 earlier incidents at the same address or for the same
                                 victim: how each matched and any dismissed as false; and
                                 Clare's Law applications with their status history).
  escalations [--db FILE] [--json] [--from TIME] [--to TIME]
                                 List the escalations raised from --from (inclusive) to --to
                                 (exclusive), with minutes from the call to the escalation,
                                 to the controller's acknowledgement and to the upgrade.
  audit verify [--db FILE]       Check the audit log's hash chain. Exit 0 when intact; exit 4
                                 naming the first missing, changed or misplaced entry.
  export [--db FILE] (--shift ID | --from TIME --to TIME) --format FORMAT [--stats-only]
         --out DIR               Write a shift's handover (or the records of the shifts that
                                 started in a period) as the app does: FORMAT is pdf, csv or
                                 json (repeat --format or list them: pdf,csv,json), with a
                                 manifest of every file's SHA-256, all or nothing, into DIR (a
                                 folder that exists). Prints the manifest. Audited; it does not
                                 mark incidents handed over (only the app's hand over does).
  stats [--db FILE] --from TIME --to TIME [--json]
                                 The figures for the shifts that started from --from to --to,
                                 and week by week (docs/handover.md defines each).
  retention [--db FILE] (--preview | --run) [--months N] [--json]
                                 The retention policy: --preview lists the incidents whose
                                 personal details a purge would remove now (last activity
                                 before the cut-off) and those kept, and why; --run removes
                                 them, with the feed files kept from before the cut-off.
                                 N is the period in months (1-120; default: the one in
                                 Settings, 12 unless changed). Audited.
  backup [--db FILE] [--out DIR] Back the database up now: an encrypted copy, checked, in the
                                 backups folder beside the database (rotated to the number
                                 Settings keeps), or in DIR (nothing there is ever deleted).
  backups [--db FILE] [--json]   List the backups beside the database, newest first, each
                                 checked with the key.
  restore [--db FILE] --from BACKUP
                                 Replace the database with a backup file. The backup must open
                                 with the key and be intact; the database is moved aside as
                                 FILE.replaced-<time>, never deleted. Refused while DA Desk (or
                                 anything else) has the database open: close it first.
  help                           Show this text.

--db defaults to the app's own database: ${databaseFile(defaultDataDir())}
TIME is ISO 8601 with Z or an offset (2026-11-21T18:00:00Z), or a date (2026-11-21: midnight
in London).
The database is encrypted. Its key (64 hexadecimal characters) comes from --key-file FILE, or
${KEY_FILE_ENV} (a file holding the key), or ${KEY_ENV} (the key itself), in that order.`

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  now: () => number
  env: NodeJS.ProcessEnv
}

class UsageError extends Error {}

const common = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  'key-file': { type: 'string' },
} as const
const timeWindow = { from: { type: 'string' }, to: { type: 'string' } } as const

function options<const O extends typeof common>(args: string[], known: O = common as O) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: known })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** --from or --to as ISO UTC; a bare date is midnight in London, as a worker would mean it. */
function instantOption(name: string, value: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (date) {
    const iso = parseLondonDateTime(`${date[3]}/${date[2]}/${date[1]} 00:00`)
    if (iso) return iso
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const ms = Date.parse(value)
    if (!Number.isNaN(ms)) return new Date(ms).toISOString()
  }
  throw new UsageError(
    `--${name} ${JSON.stringify(value)} is not a time: use ISO 8601 with Z or an offset ` +
      '(2026-11-21T18:00:00Z) or a date (2026-11-21).',
  )
}

type Options = ReturnType<typeof options>['values']

/** The key the command names; none at all is a usage error. */
function requireKey(values: Options, io: CliIo): Buffer {
  const key = explicitKey(io.env, values['key-file'])
  if (!key) {
    throw new UsageError(
      `The database is encrypted and needs its key: give --key-file FILE, or set ${KEY_FILE_ENV} ` +
        `to a file holding the key, or ${KEY_ENV} to the key (64 hexadecimal characters).`,
    )
  }
  return key
}

const databaseOption = (values: Options) => resolve(values.db ?? databaseFile(defaultDataDir()))

/** The database the command names, opened with its key; no key at all is a usage error. */
function open(values: Options, io: CliIo, mustExist: boolean): Db {
  const file = databaseOption(values)
  if (mustExist && !existsSync(file)) throw new Error(`No database at ${file}.`)
  return openDatabase(file, requireKey(values, io))
}

function withDb<T>(values: Options, io: CliIo, run: (db: Db) => T): T {
  const db = open(values, io, true)
  try {
    return run(db)
  } finally {
    db.close()
  }
}

/** What the CLI did to or read from the records goes into the audit log, like the app's work. */
function audit(db: Db, io: CliIo, action: string, detail: Record<string, unknown>): void {
  deskQueries(db).audit({
    at: toIsoUtc(io.now()),
    sessionId: null,
    actor: cliActor(),
    action,
    incidentId: null,
    detail,
  })
}

async function ingest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = options(args)
  if (positionals.length === 0) throw new UsageError('ingest needs at least one file.')
  const db = open(values, io, false)
  const incidents = incidentQueries(db)
  const files: FileReport[] = []
  try {
    for (const path of positionals) {
      const report = await ingestFile(db, incidents, path, { now: io.now })
      files.push(report)
      audit(db, io, 'cli.ingest', {
        file: report.file,
        accepted: report.accepted,
        updated: report.updated,
        rejected: report.rejected.length,
        error: report.error,
      })
    }
  } finally {
    db.close()
  }
  const totals = {
    accepted: files.reduce((n, f) => n + f.accepted, 0),
    updated: files.reduce((n, f) => n + f.updated, 0),
    unchanged: files.reduce((n, f) => n + f.unchanged, 0),
    rejected: files.reduce((n, f) => n + f.rejected.length, 0),
    failedFiles: files.filter((f) => f.error !== null).length,
  }
  io.out(JSON.stringify({ files, totals }, null, 2))
  return totals.rejected > 0 || totals.failedFiles > 0 ? 3 : 0
}

/** The script record without the incident id repeated on every entry. */
function scriptExport({ answers, judgements, referrals, outcomes, ...rest }: ScriptRecord) {
  const drop = <T extends { incidentId: number }>({ incidentId, ...kept }: T) => kept
  return {
    ...rest,
    answers: answers.map(drop),
    judgements: judgements.map(drop),
    referrals: referrals.map(drop),
    outcomes: outcomes.map(drop),
  }
}

/** An escalation inside its incident's record, without the incident repeated. */
const escalationExport = ({ incidentId, incidentRef, callReceivedAt, ...rest }: Escalation) => rest

/** An incident's previous incidents inside its record, named by reference. */
const repeatsExport = ({ matches, ...counts }: RepeatRecord) => ({
  ...counts,
  matches: matches.map(({ incidentId, dismissals, ...match }) => ({
    ...match,
    dismissals: dismissals.map(({ incidentId, earlierId, ...d }) => d),
  })),
})
/** A follow-up inside its incident's record, without the incident repeated. */
const followUpExport = ({ incidentId, incidentRef, ...rest }: FollowUp) => rest

function incidentsCommand(args: string[], io: CliIo): number {
  const { values, positionals } = options(args)
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
  return withDb(values, io, (db) => {
    const q = incidentQueries(db)
    const contacts = contactQueries(db)
    const notes = noteQueries(db)
    const scripts = scriptQueries(db)
    const details = q.listRows().map((row) => q.detail(row.id)!)
    audit(db, io, 'cli.incidents', { incidents: details.length, json: values.json })
    if (values.json) {
      const script = loadScript(DEFAULT_SCRIPT_FILE)
      const escalations = escalationQueries(db)
      const repeats = repeatQueries(db)
      const claresLaw = claresLawQueries(db)
      const followUps = followUpQueries(db)
      const supportCar = supportCarQueries(db)
      const { gradeTargets } = escalationSettings(deskQueries(db))
      const now = io.now()
      const records = details.map(({ row, fields, history }) => {
        const attempts = contacts.ofIncident(row.id)
        const scripted = scriptRecord(script, scripts, row.id)
        const { facts, ...escalation } = escalationRecord(
          escalations,
          row.id,
          fields,
          scripted,
          attempts,
        )
        return {
          ...fields,
          progress: row.progress,
          origin: row.origin,
          history: history.map(({ at, field, from, to }) => ({ at, field, from, to })),
          attempts: attempts.map(({ incidentId, ...attempt }) => attempt),
          notes: notes.ofIncident(row.id).map(({ incidentId, ...note }) => note),
          script: scriptExport(scripted),
          escalations: escalation.escalations.map(escalationExport),
          suggestionDismissals: escalation.dismissals.map(({ incidentId, ...d }) => d),
          followUps: followUps.ofIncident(row.id).map(followUpExport),
          escalationAdvice: suggestEscalation(
            facts,
            now,
            gradeTargets,
            escalation.dismissals.flatMap((d) => d.ruleIds),
          ),
          repeats: repeatsExport(
            repeatRecord({ repeats, escalations, scripts, script }, row.id, fields),
          ),
          claresLawApplications: claresLaw
            .ofIncident(row.id)
            .map(({ incidentId, ...application }) => application),
          taskings: supportCar
            .ofIncident(row.id)
            .map(({ incidentId, visits, ...tasking }) => tasking),
          visits: supportCar.visitsOf(row.id).map(({ incidentId, ...visit }) => visit),
        }
      })
      io.out(JSON.stringify(records, null, 2))
    } else {
      for (const { row } of details) {
        const firstLine = row.summary.split('\n')[0]!.slice(0, 60)
        io.out(
          [
            row.incidentRef,
            `G${row.grade}`,
            row.status,
            row.progress,
            formatDateTime(row.receivedAt),
            firstLine,
          ].join('  '),
        )
      }
      io.out(`${details.length} incident(s)`)
    }
    return 0
  })
}

/** Minutes between two instants, to a tenth; null when the later one did not happen. */
function minutesBetween(from: string, to: string | null): number | null {
  return to === null ? null : Math.round((Date.parse(to) - Date.parse(from)) / 6_000) / 10
}

/**
 * When the response was upgraded: when the feed regrade happened at source, or else when the
 * worker recorded the controller's upgrade; null when it was not upgraded.
 */
const upgradedAt = (e: Escalation) =>
  e.linkedRegrade?.at ?? (e.outcome?.outcome === 'upgraded' ? e.outcome.at : null)

function escalationsCommand(args: string[], io: CliIo): number {
  const { values, positionals } = options(args, { ...common, ...timeWindow })
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
  const from = values.from === undefined ? '' : instantOption('from', values.from)
  // Every stored time sorts before this; ISO strings compare in time order.
  const to = values.to === undefined ? '9999' : instantOption('to', values.to)
  if (values.from !== undefined && values.to !== undefined && from >= to) {
    throw new UsageError('--from must be before --to.')
  }
  return withDb(values, io, (db) => {
    const listed = escalationQueries(db)
      .raisedBetween(from, to)
      .map((e) => ({
        ...e,
        minutesFromCall: {
          toEscalation: minutesBetween(e.callReceivedAt, e.raisedAt),
          toAcknowledgement: minutesBetween(e.callReceivedAt, e.acknowledgement?.at ?? null),
          toUpgrade: minutesBetween(e.callReceivedAt, upgradedAt(e)),
        },
      }))
    if (values.json) {
      io.out(JSON.stringify(listed, null, 2))
      return 0
    }
    const minutes = (m: number | null) => (m === null ? '—' : String(m))
    const table = [
      ['Incident', 'Raised', 'Grade', 'State', 'Call→esc', 'Call→ack', 'Call→upgrade'],
      ...listed.map((e) => [
        e.incidentRef,
        formatDateTime(e.raisedAt),
        `G${e.currentGrade}→G${e.recommendedGrade}`,
        e.outcome
          ? e.outcome.outcome === 'upgraded'
            ? `upgraded to G${e.outcome.grade}`
            : e.outcome.outcome
          : e.state,
        minutes(e.minutesFromCall.toEscalation),
        minutes(e.minutesFromCall.toAcknowledgement),
        minutes(e.minutesFromCall.toUpgrade),
      ]),
    ]
    const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)))
    for (const r of table)
      io.out(
        r
          .map((cell, c) => cell.padEnd(widths[c]!))
          .join('  ')
          .trimEnd(),
      )
    io.out(`${listed.length} escalation(s); times in minutes from the call`)
    return 0
  })
}

function auditCommand(args: string[], io: CliIo): number {
  const [sub, ...rest] = args
  if (sub !== 'verify') {
    throw new UsageError(sub ? `Unknown audit command: ${sub}` : 'audit needs a command: verify.')
  }
  const { values, positionals } = options(rest)
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
  // Checking reads only: it adds no entry of its own to the log it checks.
  const status = withDb(values, io, verifyAuditChain)
  if (status.intact) {
    io.out(`Audit log intact: ${status.entries} entries`)
    return 0
  }
  const bad = status.firstBad!
  const when = bad.at === null ? 'time not known' : formatDateTime(bad.at)
  io.out(
    `Audit log broken at entry ${bad.id} (${when}): ${bad.problem}. ` +
      `${status.entries} entries checked up to there.`,
  )
  return 4
}

/** Who the audit log names for an export from the command line. */
function cliActor(): string {
  let user = 'unknown user'
  try {
    user = userInfo().username
  } catch {
    // No user name on this system: the entry still says it came from the command line.
  }
  return `command line (${user})`
}

function periodOptions(values: { from?: string; to?: string }) {
  if (values.from === undefined || values.to === undefined) {
    throw new UsageError('Give both --from and --to.')
  }
  const from = instantOption('from', values.from)
  const to = instantOption('to', values.to)
  if (from >= to) throw new UsageError('--from must be before --to.')
  return { from, to }
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = options(args, {
    ...common,
    ...timeWindow,
    shift: { type: 'string' },
    format: { type: 'string', multiple: true },
    'stats-only': { type: 'boolean', default: false },
    out: { type: 'string' },
  })
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
  const byShift = values.shift !== undefined
  const byPeriod = values.from !== undefined || values.to !== undefined
  if (byShift === byPeriod) throw new UsageError('Give either --shift ID or --from and --to.')
  const formats = (values.format ?? []).flatMap((f) => f.split(',')).map((f) => f.trim())
  if (formats.length === 0) throw new UsageError('Give --format pdf, csv or json.')
  for (const f of formats) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`--format ${JSON.stringify(f)}: use pdf, csv or json.`)
    }
  }
  if (new Set(formats).size !== formats.length) throw new UsageError('Give each format once.')
  if (values.out === undefined) throw new UsageError('Give --out DIR, the folder to write to.')
  const shiftId = byShift ? Number(values.shift) : null
  if (shiftId !== null && !(Number.isInteger(shiftId) && shiftId > 0)) {
    throw new UsageError(`--shift ${JSON.stringify(values.shift)} is not a shift number.`)
  }
  const period = byPeriod ? periodOptions(values) : null
  const folder = resolve(values.out)
  const file = resolve(values.db ?? databaseFile(defaultDataDir()))
  const db = open(values, io, true)
  try {
    const queries = handoverQueries(db)
    const desk = deskQueries(db)
    const settings = handoverSettings(desk, dirname(file))
    const script = loadScript(DEFAULT_SCRIPT_FILE)
    const now = toIsoUtc(io.now())
    const statisticsOnly = values['stats-only']
    const header = {
      service: settings.serviceName,
      force: settings.forceName,
      protectiveMarking: settings.protectiveMarking,
      exportedAt: now,
      exportedBy: cliActor(),
      appVersion: APP_VERSION,
      statisticsOnly,
    }
    let record
    if (shiftId !== null) {
      const shift = queries.shift(shiftId)
      if (!shift) throw new Error(`No shift ${shiftId} in ${file}.`)
      const to = shift.endedAt ?? now
      record = handoverRecord(queries, script, {
        ...header,
        scope: 'shift',
        selection: { shiftId, from: shift.startedAt, to, asAt: to },
        from: shift.startedAt,
        to,
        workers: shift.workers,
      })
    } else {
      const { from, to } = period!
      const asAt = to < now ? to : now
      record = handoverRecord(queries, script, {
        ...header,
        scope: 'period',
        selection: { shiftId: null, from, to, asAt },
        from,
        to,
        workers: [...new Set(queries.shiftsStarted(from, to).flatMap((s) => s.workers))],
      })
    }
    let written
    // One PDF and exit: no warm-up.
    const pdf = pdfRenderer({ warmUpAfterMs: null })
    try {
      written = await exportFiles(
        record,
        formats as ExportFormat[],
        folder,
        exportBaseName(record),
        pdf,
      )
    } catch (error) {
      if (error instanceof ExportWriteError) {
        throw new Error(`Nothing was exported: ${error.message} No file was left behind.`, {
          cause: error,
        })
      }
      throw error
    } finally {
      await pdf.close()
    }
    db.transaction(() => {
      const exportId = recordExport(queries, written, folder, null, null)
      desk.audit({
        at: now,
        sessionId: null,
        actor: cliActor(),
        action: 'handover.export',
        incidentId: null,
        detail: exportAuditDetail(exportId, written, folder),
      })
    })()
    io.out(JSON.stringify(written.manifest, null, 2))
    return 0
  } finally {
    db.close()
  }
}

async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = options(args, { ...common, out: { type: 'string' } })
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
  const key = requireKey(values, io)
  const file = databaseOption(values)
  const db = open(values, io, true)
  try {
    const kept = deskQueries(db).setting('backupsKept') as number | undefined
    // The backups folder is rotated as the app rotates it; a folder named with --out never is.
    const dir = values.out === undefined ? backupsDir(dirname(file)) : resolve(values.out)
    const backup = await makeBackup({
      database: file,
      key,
      dir,
      now: io.now(),
      reason: 'manual',
      keep: values.out === undefined ? (kept ?? BACKUPS_KEPT_DEFAULT) : null,
      audit: (action, detail) => audit(db, io, action, detail),
    })
    io.out(`Backup made: ${resolve(dir, backup.file)} (${backup.bytes} bytes)`)
    return 0
  } finally {
    db.close()
  }
}

function backupsCommand(args: string[], io: CliIo): number {
  const { values, positionals } = options(args)
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
  const key = requireKey(values, io)
  const folder = backupsDir(dirname(databaseOption(values)))
  const backups = listBackupFiles(folder).map((b) =>
    describeBackup(b, checkDatabaseFile(b.path, key)),
  )
  if (values.json) {
    io.out(JSON.stringify({ folder, backups }, null, 2))
    return 0
  }
  io.out(`Backups in ${folder}:`)
  for (const b of backups) {
    io.out(
      [
        formatDateTime(b.madeAt),
        BACKUP_REASON_LABELS[b.reason].padEnd(18),
        `${b.bytes} bytes`.padStart(16),
        b.good ? 'good' : `NOT GOOD: ${b.problem}`,
        b.file,
      ].join('  '),
    )
  }
  io.out(`${backups.length} backup(s)`)
  return 0
}

function restoreCommand(args: string[], io: CliIo): number {
  const { values, positionals } = options(args, { ...common, from: { type: 'string' } })
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
  if (values.from === undefined) throw new UsageError('Give --from BACKUP, the backup file.')
  const key = requireKey(values, io)
  const file = databaseOption(values)
  const from = resolve(values.from)
  if (!existsSync(from)) throw new Error(`No backup at ${from}. Nothing was changed.`)
  if (from === file) throw new UsageError('--from is the database itself.')
  const check = checkDatabaseFile(from, key)
  if (!check.good) {
    throw new Error(`The backup ${from} cannot be restored: ${check.problem}. Nothing was changed.`)
  }
  if (existsSync(file) && databaseInUse(file, key)) {
    throw new Error(
      `The database ${file} is in use (is DA Desk open?). Close DA Desk and try again; nothing ` +
        'was changed.',
    )
  }
  const aside = existsSync(file) ? setDatabaseAside(file, 'replaced', io.now()) : null
  let db: Db
  try {
    copyBackupIn(from, file)
    db = openDatabase(file, key)
  } catch (error) {
    if (aside) putDatabaseBack(aside, file)
    throw new Error(`The backup was not restored: ${(error as Error).message}`, { cause: error })
  }
  try {
    audit(db, io, 'backup.restored', { file: from, setAsideAs: aside })
  } finally {
    db.close()
  }
  io.out(`Restored ${from} as ${file}.`)
  io.out(
    aside
      ? `The database it replaced was kept as ${aside}.`
      : 'There was no database there before.',
  )
  return 0
}

function statsCommand(args: string[], io: CliIo): number {
  const { values, positionals } = options(args, { ...common, ...timeWindow })
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
  const { from, to } = periodOptions(values)
  return withDb(values, io, (db) => {
    const now = toIsoUtc(io.now())
    const figures = figuresPeriod(
      handoverQueries(db),
      { from, to, asAt: to < now ? to : now },
      riskRule(loadScript(DEFAULT_SCRIPT_FILE)),
    )
    if (values.json) {
      io.out(JSON.stringify(figures, null, 2))
      return 0
    }
    io.out(`${formatDateTime(from)} to ${formatDateTime(to)}: ${figures.shifts} shift(s)`)
    const keys = Object.keys(FIGURE_LABELS) as (keyof typeof FIGURE_LABELS)[]
    const width = Math.max(...keys.map((k) => FIGURE_LABELS[k].length))
    for (const k of keys) {
      io.out(`${FIGURE_LABELS[k].padEnd(width)}  ${figures.figures[k] ?? '—'}`)
    }
    return 0
  })
}

function retentionCommand(args: string[], io: CliIo): number {
  const { values, positionals } = options(args, {
    ...common,
    preview: { type: 'boolean', default: false },
    run: { type: 'boolean', default: false },
    months: { type: 'string' },
  })
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`)
  if (values.preview === values.run) throw new UsageError('Give either --preview or --run.')
  const given = values.months === undefined ? null : Number(values.months)
  if (
    given !== null &&
    !(Number.isInteger(given) && given >= MIN_RETENTION_MONTHS && given <= MAX_RETENTION_MONTHS)
  ) {
    throw new UsageError(
      `--months ${JSON.stringify(values.months)}: give a whole number of months from ` +
        `${MIN_RETENTION_MONTHS} to ${MAX_RETENTION_MONTHS}.`,
    )
  }
  const file = resolve(values.db ?? databaseFile(defaultDataDir()))
  return withDb(values, io, (db) => {
    const desk = deskQueries(db)
    const scope = {
      db,
      now: io.now,
      months: given ?? retentionMonths(desk),
      inboxDir: (desk.setting('inboxDir') as string | undefined) ?? join(dirname(file), 'inbox'),
    }
    const incident = (i: RetentionIncident) =>
      `  ${i.incidentRef}  last activity ${formatDate(i.lastActivityAt)}`
    const kept = (i: KeptIncident) =>
      `${incident(i)}  kept: ${i.reasons.map((r) => KEPT_REASON_LABELS[r]).join(', ')}`
    if (values.preview) {
      const preview = previewRetention(scope)
      audit(db, io, 'retention.previewed', {
        months: preview.months,
        cutoff: preview.cutoff,
        due: preview.due.length,
        kept: preview.kept.length,
        feedFiles: preview.feedFiles,
      })
      if (values.json) {
        io.out(JSON.stringify(preview, null, 2))
        return 0
      }
      io.out(
        `Retention period ${preview.months} months: a purge now would remove personal details ` +
          `from ${preview.due.length} incident(s) whose last activity was before ` +
          `${formatDate(preview.cutoff)}, and delete ${preview.feedFiles} feed file(s) from ` +
          'before then.',
      )
      for (const i of preview.due) io.out(incident(i))
      for (const i of preview.kept) io.out(kept(i))
      return 0
    }
    const result = runRetention({
      ...scope,
      script: loadScript(DEFAULT_SCRIPT_FILE),
      trigger: 'command line',
      quietWhenNothing: false,
      audit: (detail) => audit(db, io, 'retention.purged', detail),
    })
    if (values.json) {
      io.out(JSON.stringify(result, null, 2))
      return 0
    }
    io.out(
      `Removed personal details from ${result.purged.length} incident(s) whose last activity ` +
        `was before ${formatDate(result.cutoff)}; blanked ${result.feedReports} feed-file ` +
        `report(s) and deleted ${result.feedFiles} feed file(s).`,
    )
    for (const i of result.purged) io.out(incident(i))
    for (const i of result.kept) io.out(kept(i))
    return 0
  })
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv
  try {
    switch (command) {
      case 'ingest':
        return await ingest(args, io)
      case 'incidents':
        return incidentsCommand(args, io)
      case 'escalations':
        return escalationsCommand(args, io)
      case 'audit':
        return auditCommand(args, io)
      case 'export':
        return await exportCommand(args, io)
      case 'stats':
        return statsCommand(args, io)
      case 'retention':
        return retentionCommand(args, io)
      case 'backup':
        return await backupCommand(args, io)
      case 'backups':
        return backupsCommand(args, io)
      case 'restore':
        return restoreCommand(args, io)
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return 0
      default:
        throw new UsageError(command ? `Unknown command: ${command}` : 'No command given.')
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`da-desk: ${error.message}\n\n${USAGE}`)
      return 2
    }
    io.err(`da-desk: ${(error as Error).message}`)
    return 1
  }
}
