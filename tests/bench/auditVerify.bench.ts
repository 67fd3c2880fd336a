// The audit chain's start-up check on a long log: 100,000 entries (years of shifts), checked
// entry by entry as openDesk does before the window shows anything, beside the whole openDesk.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDesk } from '../../electron/core/desk.ts'
import { openDatabase } from '../../electron/core/db/openDatabase.ts'
import { deskQueries } from '../../electron/core/db/deskQueries.ts'
import { verifyAuditChain } from '../../electron/core/audit/verifyAuditChain.ts'
import { toIsoUtc } from '../../shared/time.ts'
import { TEST_KEY } from '../support/databaseKey.ts'

export interface AuditVerifyBench {
  entries: number
  /** Medians of the runs, in ms: wall-clock, and the CPU time of the check alone. */
  verifyMs: number
  verifyCpuMs: number
  openDeskMs: number
}

const RUNS = 5
const ACTIONS = ['incident.view', 'note.add', 'contact.attempt', 'incident.progress', 'queue.view']

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function benchAuditVerify(count = 100_000): Promise<AuditVerifyBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  try {
    const db = openDatabase(join(dataDir, 'da-desk.sqlite'), TEST_KEY)
    const audit = deskQueries(db)
    const start = Date.parse('2024-01-01T08:00:00Z')
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        audit.audit({
          at: toIsoUtc(start + i * 60_000),
          sessionId: null,
          actor: 'Bench Worker (Bench Service)',
          action: ACTIONS[i % ACTIONS.length]!,
          incidentId: null,
          detail: { incidentRef: `CL-BENCH-${i}`, noteId: i, tags: ['rapport'] },
        })
      }
    })()
    const verify: number[] = []
    const cpu: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now()
      const c = process.cpuUsage()
      const status = verifyAuditChain(db)
      verify.push(performance.now() - t)
      const used = process.cpuUsage(c)
      cpu.push((used.user + used.system) / 1000)
      if (!status.intact || status.entries !== count) throw new Error('the bench log is broken')
    }
    db.close()

    const open: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now()
      const desk = openDesk({ dataDir, key: TEST_KEY, watchInbox: false })
      open.push(performance.now() - t)
      await desk.close()
    }
    return {
      entries: count,
      verifyMs: median(verify),
      verifyCpuMs: median(cpu),
      openDeskMs: median(open),
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
