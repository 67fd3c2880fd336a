// The command line over the same core as the app: `da-desk <command> [options]`.
// Exit codes: 0 done, 1 failed (e.g. no database, wrong key), 2 usage error (including no key),
// 3 some input was rejected, 4 the audit log is broken.
import { existsSync } from 'node:fs'
import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { FileReport } from '#shared/domain.ts'
import type { ScriptRecord } from '#shared/script.ts'
import { formatDateTime, toIsoUtc } from '#shared/time.ts'
import { openDatabase } from '#core/db/openDatabase.ts'
import type { Db } from '#core/db/openDatabase.ts'
import { incidentQueries } from '#core/db/incidentQueries.ts'
import { deskQueries } from '#core/db/deskQueries.ts'
import { contactQueries } from '#core/db/contactQueries.ts'
import { noteQueries } from '#core/db/noteQueries.ts'
import { scriptQueries } from '#core/db/scriptQueries.ts'
import { ingestFile } from '#core/feed/ingestFile.ts'
import { databaseFile, DEFAULT_SCRIPT_FILE, defaultDataDir } from '#core/paths.ts'
import { loadScript } from '#core/script/loadScript.ts'
import { scriptRecord } from '#core/script/scriptRecord.ts'
import { verifyAuditChain } from '#core/audit/verifyAuditChain.ts'
import { explicitKey, KEY_ENV, KEY_FILE_ENV } from '#core/databaseKey.ts'

const USAGE = `Usage: da-desk <command> [options]

Commands:
  ingest [--db FILE] PATH...     Ingest feed files in the order given (files are not moved);
                                 prints a JSON report. Exit 3 if anything was rejected.
  incidents [--db FILE] [--json] List every stored incident (JSON: full records with history,
                                 contact attempts and notes, with amendments and done actions,
                                 and the safe-contact script's answers, risk, referrals and
                                 outcomes).
  audit verify [--db FILE]       Check the audit log's hash chain. Exit 0 when intact; exit 4
                                 naming the first missing, changed or misplaced entry.
  help                           Show this text.

--db defaults to the app's own database: ${databaseFile(defaultDataDir())}
The database is encrypted. Its key (64 hexadecimal characters) comes from --key-file FILE, or
${KEY_FILE_ENV} (a file holding the key), or ${KEY_ENV} (the key itself), in that order.`

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  now: () => number
  env: NodeJS.ProcessEnv
}

class UsageError extends Error {}

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        'key-file': { type: 'string' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

type Options = ReturnType<typeof options>['values']

/** The database the command names, opened with its key; no key at all is a usage error. */
function open(values: Options, io: CliIo, mustExist: boolean): Db {
  const file = resolve(values.db ?? databaseFile(defaultDataDir()))
  if (mustExist && !existsSync(file)) throw new Error(`No database at ${file}.`)
  const key = explicitKey(io.env, values['key-file'])
  if (!key) {
    throw new UsageError(
      `The database is encrypted and needs its key: give --key-file FILE, or set ${KEY_FILE_ENV} ` +
        `to a file holding the key, or ${KEY_ENV} to the key (64 hexadecimal characters).`,
    )
  }
  return openDatabase(file, key)
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
  let user = 'unknown user'
  try {
    user = userInfo().username
  } catch {
    // An account with no name (some containers): the entry still says it was the command line.
  }
  deskQueries(db).audit({
    at: toIsoUtc(io.now()),
    sessionId: null,
    actor: `command line (${user})`,
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
      const records = details.map(({ row, fields, history }) => ({
        ...fields,
        progress: row.progress,
        origin: row.origin,
        history: history.map(({ at, field, from, to }) => ({ at, field, from, to })),
        attempts: contacts.ofIncident(row.id).map(({ incidentId, ...attempt }) => attempt),
        notes: notes.ofIncident(row.id).map(({ incidentId, ...note }) => note),
        script: scriptExport(scriptRecord(script, scripts, row.id)),
      }))
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

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv
  try {
    switch (command) {
      case 'ingest':
        return await ingest(args, io)
      case 'incidents':
        return incidentsCommand(args, io)
      case 'audit':
        return auditCommand(args, io)
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
