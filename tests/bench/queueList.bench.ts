// The queue call itself: incidents.list through the handler table with 10,000 incidents and
// 20,000 contact attempts (a third with a call-back), beside the same call before any attempt was
// logged, so the cost of the attempts summary on each row shows on its own; then again with
// 1,000 escalations (a third still raised, a third acknowledged, a third closed), for the cost of
// each row's open escalation.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDesk } from '../../electron/core/desk.ts'
import { dispatch } from '../../electron/core/api/dispatch.ts'
import { applyRecords } from '../../electron/core/feed/applyRecords.ts'
import { incidentQueries } from '../../electron/core/db/incidentQueries.ts'
import { contactQueries } from '../../electron/core/db/contactQueries.ts'
import { escalationQueries } from '../../electron/core/db/escalationQueries.ts'
import { validateRecord } from '../../electron/core/feed/validateRecord.ts'
import { syntheticIncidents } from '../../electron/demo/syntheticIncidents.ts'
import { CONTACT_RESULTS } from '../../shared/domain.ts'
import { toIsoUtc } from '../../shared/time.ts'
import { TEST_KEY } from '../support/databaseKey.ts'

export interface QueueListBench {
  incidents: number
  attempts: number
  /** Median of the runs after one warm-up, in ms. */
  listMs: number
  withoutAttemptsMs: number
  escalations: number
  withEscalationsMs: number
}

const RUNS = 9

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function benchQueueList(
  count = 10_000,
  attempts = 20_000,
  escalations = 1_000,
): Promise<QueueListBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  const nowMs = Date.parse('2026-11-21T21:00:00Z')
  const desk = openDesk({ dataDir, now: () => nowMs, watchInbox: false, key: TEST_KEY })
  try {
    const records = syntheticIncidents({
      count,
      startMs: nowMs - count * 5000,
      spacingMs: 5000,
    }).map((raw, i) => {
      const checked = validateRecord(raw, `index ${i}`, nowMs)
      if (!checked.ok) throw new Error(JSON.stringify(checked.rejections))
      return checked.incident
    })
    await applyRecords(desk.db, incidentQueries(desk.db), records, {
      origin: 'feed',
      via: 'bench',
      now: () => nowMs,
    })
    await dispatch(desk.handlers, 'session.signIn', {
      workerName: 'Bench Worker',
      organisation: 'Bench Service',
      pin: '2468',
    })
    const list = async () => {
      const times: number[] = []
      await dispatch(desk.handlers, 'incidents.list', {})
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now()
        const result = await dispatch(desk.handlers, 'incidents.list', {})
        times.push(performance.now() - start)
        if (!result.ok || (result.value as unknown[]).length !== count) {
          throw new Error('incidents.list did not return every incident')
        }
      }
      return median(times)
    }
    const withoutAttemptsMs = await list()

    const contacts = contactQueries(desk.db)
    desk.db.transaction(() => {
      for (let i = 0; i < attempts; i++) {
        contacts.add({
          incidentId: 1 + ((i * 7919) % count),
          at: toIsoUtc(nowMs - (attempts - i) * 1000),
          number: '07700 900000',
          result: CONTACT_RESULTS[i % CONTACT_RESULTS.length]!,
          callBackAt: i % 3 === 0 ? toIsoUtc(nowMs + 3_600_000) : null,
          note: null,
          by: 'Bench Worker (Bench Service)',
          sessionId: null,
        })
      }
    })()
    const listMs = await list()

    const escalated = escalationQueries(desk.db)
    const by = { by: 'Bench Worker (Bench Service)', sessionId: null }
    desk.db.transaction(() => {
      for (let i = 0; i < escalations; i++) {
        const incidentId = 1 + ((i * 7) % count)
        const grade = incidentQueries(desk.db).row(incidentId)!.grade
        if (grade === 1) continue
        const at = toIsoUtc(nowMs - (escalations - i) * 1000)
        const escalationId = escalated.raise({
          ...by,
          incidentId,
          at,
          reasons: ['strangulation', 'injury'],
          detail: null,
          currentGrade: grade,
          recommendedGrade: 1,
          fromSuggestion: [],
        })
        if (i % 3 === 0) continue
        escalated.acknowledge({ ...by, escalationId, at, controller: 'PC 1234' })
        if (i % 3 === 1) continue
        escalated.close({ ...by, escalationId, at, outcome: 'upgraded', grade: 1, reason: null })
      }
    })()
    return {
      incidents: count,
      attempts,
      listMs,
      withoutAttemptsMs,
      escalations,
      withEscalationsMs: await list(),
    }
  } finally {
    await desk.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.main) console.log(await benchQueueList())
