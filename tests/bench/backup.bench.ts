// Backups on a big database: a year of work (50,000 incidents and their records, from the
// handover benchmark's generator). Times the start-up quick_check openDatabase runs before
// anything else, the whole openDesk around it, a backup (VACUUM INTO, sync, integrity_check of
// the copy, rename, hash) and integrity_check alone on the copy.
import { rmSync, statSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { join } from 'node:path'
import { dispatch } from '../../electron/core/api/dispatch.ts'
import { openDesk } from '../../electron/core/desk.ts'
import { TEST_KEY, rawDatabase } from '../support/databaseKey.ts'
import { yearOfShifts } from './handover.bench.ts'

export interface BackupBench {
  incidents: number
  records: number
  megabytes: number
  /** PRAGMA quick_check on a read-only connection, as at start-up: median ms, and its CPU. */
  quickCheckMs: number
  quickCheckCpuMs: number
  /** The whole openDesk with it (audit chain check included). */
  openDeskMs: number
  /** backups.make: the copy, its check and the rest (on a worker thread), and its CPU time. */
  backupMs: number
  backupCpuMs: number
  /** The longest the thread serving the app was blocked meanwhile. */
  backupStallMs: number
  /** integrity_check alone on the copy. */
  integrityCheckMs: number
}

const RUNS = 3

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function timed(run: () => void): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage()
  const began = performance.now()
  run()
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - began, cpuMs: (used.user + used.system) / 1000 }
}

export async function benchBackup(incidents = 50_000): Promise<BackupBench> {
  const year = await yearOfShifts(incidents)
  const file = join(year.dataDir, 'da-desk.sqlite')
  try {
    const began = process.cpuUsage()
    const stalls = monitorEventLoopDelay({ resolution: 10 })
    stalls.enable()
    const t = performance.now()
    const made = await dispatch(year.desk.handlers, 'backups.make', {})
    const backupMs = performance.now() - t
    stalls.disable()
    const used = process.cpuUsage(began)
    if (!made.ok) throw new Error(JSON.stringify(made.error))
    await year.desk.close()

    const checks = Array.from({ length: RUNS }, () =>
      timed(() => {
        const db = rawDatabase(file)
        db.pragma('quick_check')
        db.close()
      }),
    )
    const copy = join(year.dataDir, 'backups', (made.value as { file: string }).file)
    const integrity = timed(() => {
      const db = rawDatabase(copy)
      db.pragma('integrity_check')
      db.close()
    })
    const opened = timed(() => {
      const nowMs = Date.parse('2027-01-01T12:00:00Z')
      void openDesk({
        dataDir: year.dataDir,
        key: TEST_KEY,
        watchInbox: false,
        now: () => nowMs,
      }).close()
    })
    return {
      incidents,
      records: year.records,
      megabytes: statSync(file).size / (1024 * 1024),
      quickCheckMs: median(checks.map((c) => c.ms)),
      quickCheckCpuMs: median(checks.map((c) => c.cpuMs)),
      openDeskMs: opened.ms,
      backupMs,
      backupCpuMs: (used.user + used.system) / 1000,
      backupStallMs: stalls.max / 1e6,
      integrityCheckMs: integrity.ms,
    }
  } finally {
    rmSync(year.dataDir, { recursive: true, force: true })
  }
}

if (import.meta.main) console.log(await benchBackup())
