// Ingest throughput: one 10,000-record JSON file through the app's real ingest (parse, validate,
// compare with what is stored, write incident + history) beside a bare better-sqlite3 insert loop
// of the same rows in one transaction. The ratio is the figure (target: within 3x). Large files
// are parsed on a worker thread: the one the app ships when it has been built.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openDatabase } from '../../electron/core/db/openDatabase.ts'
import { incidentQueries } from '../../electron/core/db/incidentQueries.ts'
import { ingestFile } from '../../electron/core/feed/ingestFile.ts'
import { syntheticIncidents } from '../../electron/demo/syntheticIncidents.ts'
import type { SyntheticIncident } from '../../electron/demo/syntheticIncidents.ts'
import { TEST_KEY } from '../support/databaseKey.ts'

export interface IngestBench {
  records: number
  appMs: number
  bareMs: number
  ratio: number
  recordsPerSecond: number
}

const COUNT = 10_000
const RUNS = 5

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** The worker script the app ships (built by `npm run bench`), else the source one. */
const BUILT_WORKER = resolve(import.meta.dirname, '../../out/main/parseWorker.js')
const parse = existsSync(BUILT_WORKER) ? { workerUrl: pathToFileURL(BUILT_WORKER) } : {}

export async function benchIngest(): Promise<IngestBench> {
  const dir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  const incidents = syntheticIncidents({
    count: COUNT,
    startMs: Date.parse('2026-11-21T00:00:00Z'),
    spacingMs: 5000,
  })
  const file = join(dir, 'big.json')
  writeFileSync(file, JSON.stringify(incidents))
  const now = () => Date.parse('2026-11-22T00:00:00Z')
  const app: number[] = []
  const bare: number[] = []
  try {
    for (let run = 0; run < RUNS; run++) {
      const db = openDatabase(join(dir, `app-${run}.sqlite`), TEST_KEY)
      const start = performance.now()
      const report = await ingestFile(db, incidentQueries(db), file, { now, parse })
      app.push(performance.now() - start)
      if (report.accepted !== COUNT)
        throw new Error(`expected ${COUNT} accepted, got ${report.accepted}`)
      db.close()

      const bareDb = openDatabase(join(dir, `bare-${run}.sqlite`), TEST_KEY)
      const insert = bareDb.prepare(
        `INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, source, summary,
           address, postcode, caller_role, victim_name, victim_phone, suspect_name,
           suspect_relationship, flags, extra, origin, created_at)
         VALUES (:ref, :at, :at, :grade, 'open', :source, :summary, :address, :postcode, :role,
           :vname, :vphone, :sname, :srel, :flags, '{}', 'feed', :at)`,
      )
      const bareStart = performance.now()
      const rows = (JSON.parse(JSON.stringify(incidents)) as SyntheticIncident[]).map((i) => ({
        ref: i.incidentRef,
        at: i.receivedAt,
        grade: i.grade,
        source: i.source,
        summary: i.summary,
        address: i.location.address,
        postcode: i.location.postcode,
        role: i.callerRole,
        vname: i.victim.name,
        vphone: i.victim.phone,
        sname: i.suspect.name,
        srel: i.suspect.relationship,
        flags: JSON.stringify(i.flags),
      }))
      bareDb.transaction(() => {
        for (const row of rows) insert.run(row)
      })()
      bare.push(performance.now() - bareStart)
      bareDb.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const appMs = median(app)
  const bareMs = median(bare)
  return {
    records: COUNT,
    appMs,
    bareMs,
    ratio: appMs / bareMs,
    recordsPerSecond: (COUNT / appMs) * 1000,
  }
}
