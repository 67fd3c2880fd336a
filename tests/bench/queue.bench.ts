// The queue with 10,000 open incidents in the Chromium host: time from signing in to the first
// row on screen, then the longest main-thread task and the slowest key press (keydown to the
// next frame) while ↓ is pressed through 500 rows.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromiumHost } from '../../electron/chromiumHost/host.ts'
import { openDesk } from '../../electron/core/desk.ts'
import { applyRecords } from '../../electron/core/feed/applyRecords.ts'
import { incidentQueries } from '../../electron/core/db/incidentQueries.ts'
import { validateRecord } from '../../electron/core/feed/validateRecord.ts'
import { syntheticIncidents } from '../../electron/demo/syntheticIncidents.ts'
import type { IncidentFields } from '../../shared/domain.ts'
import { TEST_KEY } from '../support/databaseKey.ts'

export interface QueueBench {
  incidents: number
  firstRenderMs: number
  keyPresses: number
  longTasksOver50Ms: number
  longestTaskMs: number
  slowestKeyPressMs: number
}

export async function benchQueue(count = 10_000, presses = 500): Promise<QueueBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  const seed = openDesk({ dataDir, watchInbox: false, key: TEST_KEY })
  const nowMs = Date.now()
  const records = syntheticIncidents({ count, startMs: nowMs - count * 5000, spacingMs: 5000 }).map(
    (raw, i) => {
      const checked = validateRecord(raw, `index ${i}`, nowMs)
      if (!checked.ok) throw new Error(JSON.stringify(checked.rejections))
      return checked.incident
    },
  ) satisfies IncidentFields[]
  await applyRecords(seed.db, incidentQueries(seed.db), records, {
    origin: 'feed',
    via: 'bench',
    now: Date.now,
  })
  await seed.close()

  const host = await launchChromiumHost({ dataDir, key: TEST_KEY })
  const page = host.page
  try {
    await page.getByLabel('Your name').fill('Bench Worker')
    await page.getByLabel('Organisation').fill('Bench Service')
    await page.getByLabel(/^PIN\W*$/).fill('2468')
    await page.getByLabel('PIN again').fill('2468')
    await page.evaluate(() => {
      const g = globalThis as unknown as { __firstRow?: Promise<number> }
      g.__firstRow = new Promise((resolve) => {
        const start = performance.now()
        const observer = new MutationObserver(() => {
          if (document.querySelector('[role="option"]')) {
            observer.disconnect()
            requestAnimationFrame(() => resolve(performance.now() - start))
          }
        })
        observer.observe(document.body, { childList: true, subtree: true })
      })
    })
    await page.getByRole('button', { name: 'Sign in' }).click()
    const firstRenderMs = await page.evaluate(
      () => (globalThis as unknown as { __firstRow: Promise<number> }).__firstRow,
    )

    await page.evaluate(() => {
      const g = globalThis as unknown as { __long: number[]; __events: number[] }
      g.__long = []
      g.__events = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) g.__long.push(e.duration)
      }).observe({ type: 'longtask' })
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'keydown') g.__events.push(e.duration)
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
    })
    await page.getByRole('listbox', { name: 'Incident queue' }).focus()
    for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowDown')
    await page.waitForTimeout(500)
    const { long, events } = await page.evaluate(() => {
      const g = globalThis as unknown as { __long: number[]; __events: number[] }
      return { long: g.__long, events: g.__events }
    })
    const active = await page.getAttribute('[role="listbox"]', 'aria-activedescendant')
    if (!active) throw new Error('no active row after pressing ↓')
    return {
      incidents: count,
      firstRenderMs: Math.round(firstRenderMs),
      keyPresses: presses,
      longTasksOver50Ms: long.length,
      longestTaskMs: Math.round(Math.max(0, ...long)),
      slowestKeyPressMs: Math.round(Math.max(0, ...events)),
    }
  } finally {
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
