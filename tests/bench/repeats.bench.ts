// Repeat victims and addresses on a year's worth and more of incidents: 50,000 over three years,
// at 12,000 addresses for 15,000 victims. Times building one incident's previous incidents (the
// matches, their outcome and risk, and the counts) and the queue's list with every row's repeat
// counts, and shows the query plans, which must look incidents up by the indexes of migration 4.
// Run alone: node tests/bench/repeats.bench.ts
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../electron/core/db/openDatabase.ts'
import { incidentQueries } from '../../electron/core/db/incidentQueries.ts'
import { escalationQueries } from '../../electron/core/db/escalationQueries.ts'
import { repeatQueries } from '../../electron/core/db/repeatQueries.ts'
import { scriptQueries } from '../../electron/core/db/scriptQueries.ts'
import { loadScript } from '../../electron/core/script/loadScript.ts'
import { DEFAULT_SCRIPT_FILE } from '../../electron/core/paths.ts'
import { repeatRecord } from '../../electron/core/repeats/repeatRecord.ts'
import { repeatQuery } from '../../electron/core/repeats/repeatQuery.ts'
import { TEST_KEY } from '../support/databaseKey.ts'

export interface RepeatsBench {
  incidents: number
  opened: number
  openP50Ms: number
  openP95Ms: number
  /** Listing every incident, none finished (the worst case), and all but 1,000 finished. */
  listMs: number
  listMostlyDoneMs: number
  plans: string[]
}

const INCIDENTS = 50_000
const ADDRESSES = 12_000
const VICTIMS = 15_000
const OPENED = 500
const THREE_YEARS_MS = 3 * 365 * 24 * 3600_000

export function benchRepeats(): RepeatsBench {
  const dir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  const db = openDatabase(join(dir, 'da-desk.sqlite'), TEST_KEY)
  const incidents = incidentQueries(db)
  // xorshift32: the same incidents on every run.
  let seed = 7
  const rand = (n: number) => {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    return Math.floor(((seed >>> 0) / 2 ** 32) * n)
  }
  const end = Date.parse('2026-11-21T18:00:00Z')
  db.transaction(() => {
    for (let i = 0; i < INCIDENTS; i++) {
      const at = new Date(end - THREE_YEARS_MS + (i * THREE_YEARS_MS) / INCIDENTS).toISOString()
      const a = rand(ADDRESSES)
      const v = rand(VICTIMS)
      incidents.insertIfNew(
        {
          incidentRef: `BENCH-${i}`,
          receivedAt: at,
          updatedAt: at,
          grade: (1 + rand(4)) as 1 | 2 | 3 | 4,
          status: 'closed',
          source: null,
          summary: 'Bench incident.',
          location: { address: `${a} Sample Road, Stockton-on-Tees`, postcode: 'TS18 9ZZ' },
          callerRole: null,
          victim: {
            name: `Victim ${v}`,
            phone: `07700 ${String(100000 + v)}`,
            dateOfBirth: '1990-04-02',
          },
          suspect: { name: null, relationship: null },
          flags: [],
          extra: {},
        },
        'feed',
        at,
      )
    }
  })()
  db.exec('ANALYZE')
  const sources = {
    repeats: repeatQueries(db),
    escalations: escalationQueries(db),
    scripts: scriptQueries(db),
    script: loadScript(DEFAULT_SCRIPT_FILE),
  }
  const times: number[] = []
  let matches = 0
  for (let i = 0; i < OPENED; i++) {
    const id = INCIDENTS - rand(INCIDENTS / 2)
    const { fields } = incidents.detail(id)!
    const started = performance.now()
    matches += repeatRecord(sources, id, fields).matches.length
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const listStarted = performance.now()
  incidents.listRows()
  const listMs = performance.now() - listStarted
  // As a desk a year or more in holds them: all but the last 1,000 finished by the worker.
  db.prepare(`UPDATE incidents SET progress = 'done' WHERE id <= :last`).run({
    last: INCIDENTS - 1000,
  })
  const doneStarted = performance.now()
  incidents.listRows()
  const listMostlyDoneMs = performance.now() - doneStarted

  const { fields } = incidents.detail(INCIDENTS)!
  const { from: _from, ...q } = repeatQuery(INCIDENTS, fields)
  const plans = [
    ...db
      .prepare(`EXPLAIN QUERY PLAN ${rowSql(db)}`)
      .all()
      .map((r) => (r as { detail: string }).detail),
    ...db
      .prepare(`EXPLAIN QUERY PLAN ${earlierMatchesSql(db)}`)
      .all({ ...q, limit: 100 })
      .map((r) => (r as { detail: string }).detail),
  ]
  db.close()
  rmSync(dir, { recursive: true, force: true })
  console.log(`repeats: ${matches / OPENED} matches listed per incident on average`)
  return {
    incidents: INCIDENTS,
    opened: OPENED,
    openP50Ms: times[Math.floor(OPENED / 2)]!,
    openP95Ms: times[Math.floor(OPENED * 0.95)]!,
    listMs,
    listMostlyDoneMs,
    plans,
  }
}

/** The statement incidentQueries prepares for the queue's list. */
function rowSql(db: ReturnType<typeof openDatabase>): string {
  let caught = ''
  const spy = Object.assign(Object.create(db) as typeof db, {
    prepare: (sql: string) => {
      if (sql.includes('AS repeat_address') && sql.includes('ORDER BY i.id')) caught = sql
      return db.prepare(sql)
    },
  })
  incidentQueries(spy)
  return caught
}

/** The statement repeatQueries prepares for the matches, caught as it is prepared. */
function earlierMatchesSql(db: ReturnType<typeof openDatabase>): string {
  let caught = ''
  const spy = Object.assign(Object.create(db) as typeof db, {
    prepare: (sql: string) => {
      if (sql.includes('WITH found')) caught = sql
      return db.prepare(sql)
    },
  })
  repeatQueries(spy)
  return caught
}

if (import.meta.main) console.log(benchRepeats())
