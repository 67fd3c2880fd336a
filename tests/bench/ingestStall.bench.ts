// Event-loop stalls while a large feed file is ingested: the longest time the thread that serves
// the app (Electron main, the Chromium host) could not answer, measured with monitorEventLoopDelay,
// for the app's ingest (a large file parsed on a worker thread) beside the parse on the calling
// thread that it replaced. Files are CSV, since 200,000 made-up incidents as JSON pass 64 MiB.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { openDatabase } from '../../electron/core/db/openDatabase.ts'
import type { Db } from '../../electron/core/db/openDatabase.ts'
import { incidentQueries } from '../../electron/core/db/incidentQueries.ts'
import type { IncidentQueries } from '../../electron/core/db/incidentQueries.ts'
import { applyRecords } from '../../electron/core/feed/applyRecords.ts'
import { ingestFile } from '../../electron/core/feed/ingestFile.ts'
import { parseFeedFile } from '../../electron/core/feed/parseFeedFile.ts'
import { syntheticIncidents } from '../../electron/demo/syntheticIncidents.ts'
import { TEST_KEY } from '../support/databaseKey.ts'

export interface StallFigures {
  /** The longest the event loop was held up, median over the runs. */
  maxStallMs: number
  p99StallMs: number
  totalMs: number
}

export interface IngestStallBench {
  records: number
  megabytes: number
  runs: number
  /** Parsed on the calling thread, then stored: ingestFile before parsing moved to a worker. */
  inThread: StallFigures
  /** ingestFile as it is. */
  app: StallFigures
}

const CASES = [
  { records: 10_000, runs: 3 },
  { records: 200_000, runs: 1 },
]
const startMs = Date.parse('2026-11-21T00:00:00Z')
const now = () => Date.parse('2026-11-22T00:00:00Z')

const COLUMNS = [
  'incidentRef',
  'receivedAt',
  'grade',
  'status',
  'source',
  'summary',
  'location.address',
  'location.postcode',
  'callerRole',
  'victim.name',
  'victim.phone',
  'suspect.name',
  'suspect.relationship',
  'flags',
]

function feedCsv(records: number): string {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
  const rows = syntheticIncidents({ count: records, startMs, spacingMs: 100 }).map((i) =>
    [
      i.incidentRef,
      i.receivedAt,
      String(i.grade),
      i.status,
      i.source,
      i.summary,
      i.location.address,
      i.location.postcode,
      i.callerRole,
      i.victim.name,
      i.victim.phone,
      i.suspect.name,
      i.suspect.relationship,
      i.flags.join(';'),
    ]
      .map(cell)
      .join(','),
  )
  return [COLUMNS.join(','), ...rows].join('\n')
}

/** What ingestFile did before: the whole parse on this thread, then the batched store. */
async function ingestInThread(db: Db, incidents: IncidentQueries, path: string): Promise<number> {
  const file = basename(path)
  const parsed = parseFeedFile(file, await readFile(path), now())
  const records = parsed.valid.map((v) => v.incident)
  const counts = await applyRecords(db, incidents, records, { now, origin: 'feed', via: file })
  return counts.accepted
}

async function ingestApp(db: Db, incidents: IncidentQueries, path: string): Promise<number> {
  return (await ingestFile(db, incidents, path, { now })).accepted
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function measure(
  dir: string,
  path: string,
  records: number,
  runs: number,
  ingest: (db: Db, incidents: IncidentQueries, path: string) => Promise<number>,
): Promise<StallFigures> {
  const figures: StallFigures[] = []
  for (let run = 0; run < runs; run++) {
    const dbFile = join(dir, `desk-${run}.sqlite`)
    const db = openDatabase(dbFile, TEST_KEY)
    const delay = monitorEventLoopDelay({ resolution: 1 })
    try {
      delay.enable()
      const start = performance.now()
      const accepted = await ingest(db, incidentQueries(db), path)
      const totalMs = performance.now() - start
      delay.disable()
      if (accepted !== records) throw new Error(`expected ${records} accepted, got ${accepted}`)
      const ms = (ns: number) => Math.round(ns / 1e5) / 10
      figures.push({ maxStallMs: ms(delay.max), p99StallMs: ms(delay.percentile(99)), totalMs })
    } finally {
      db.close()
      rmSync(dbFile, { force: true })
    }
  }
  return {
    maxStallMs: median(figures.map((f) => f.maxStallMs)),
    p99StallMs: median(figures.map((f) => f.p99StallMs)),
    totalMs: Math.round(median(figures.map((f) => f.totalMs))),
  }
}

export async function benchIngestStall(): Promise<IngestStallBench[]> {
  const dir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  const results: IngestStallBench[] = []
  try {
    for (const { records, runs } of CASES) {
      const path = join(dir, `feed-${records}.csv`)
      const csv = feedCsv(records)
      writeFileSync(path, csv)
      results.push({
        records,
        megabytes: Math.round(Buffer.byteLength(csv) / 1e5) / 10,
        runs,
        inThread: await measure(dir, path, records, runs, ingestInThread),
        app: await measure(dir, path, records, runs, ingestApp),
      })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return results
}
