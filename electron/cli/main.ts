// The command line over the same core as the app: `da-desk <command> [options]`.
// Exit codes: 0 done, 1 failed (e.g. no database), 2 usage error, 3 some input was rejected.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { FileReport } from '#shared/domain.ts'
import type { ScriptRecord } from '#shared/script.ts'
import { formatDateTime } from '#shared/time.ts'
import { openDatabase } from '#core/db/openDatabase.ts'
import type { Db } from '#core/db/openDatabase.ts'
import { incidentQueries } from '#core/db/incidentQueries.ts'
import { contactQueries } from '#core/db/contactQueries.ts'
import { noteQueries } from '#core/db/noteQueries.ts'
import { scriptQueries } from '#core/db/scriptQueries.ts'
import { ingestFile } from '#core/feed/ingestFile.ts'
import { databaseFile, DEFAULT_SCRIPT_FILE, defaultDataDir } from '#core/paths.ts'
import { loadScript } from '#core/script/loadScript.ts'
import { scriptRecord } from '#core/script/scriptRecord.ts'

const USAGE = `Usage: da-desk <command> [options]

Commands:
  ingest [--db FILE] PATH...     Ingest feed files in the order given (files are not moved);
                                 prints a JSON report. Exit 3 if anything was rejected.
  incidents [--db FILE] [--json] List every stored incident (JSON: full records with history,
                                 contact attempts and notes, with amendments and done actions,
                                 and the safe-contact script's answers, risk, referrals and
                                 outcomes).
  help                           Show this text.

--db defaults to the app's own database: ${databaseFile(defaultDataDir())}`

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  now: () => number
}

class UsageError extends Error {}

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function withDb<T>(file: string, mustExist: boolean, run: (db: Db) => T): T {
  if (mustExist && !existsSync(file)) throw new Error(`No database at ${file}.`)
  const db = openDatabase(file)
  try {
    return run(db)
  } finally {
    db.close()
  }
}

async function ingest(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = options(args)
  if (positionals.length === 0) throw new UsageError('ingest needs at least one file.')
  const db = openDatabase(resolve(values.db ?? databaseFile(defaultDataDir())))
  const incidents = incidentQueries(db)
  const files: FileReport[] = []
  try {
    for (const path of positionals)
      files.push(await ingestFile(db, incidents, path, { now: io.now }))
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
  const file = resolve(values.db ?? databaseFile(defaultDataDir()))
  return withDb(file, true, (db) => {
    const q = incidentQueries(db)
    const contacts = contactQueries(db)
    const notes = noteQueries(db)
    const scripts = scriptQueries(db)
    const details = q.listRows().map((row) => q.detail(row.id)!)
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

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv
  try {
    switch (command) {
      case 'ingest':
        return await ingest(args, io)
      case 'incidents':
        return incidentsCommand(args, io)
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
