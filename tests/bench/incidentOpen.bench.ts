// An incident with 500 notes and 50 contact attempts in the Chromium host: time from pressing
// Enter on its queue row to its latest note on screen, then the longest main-thread task while
// paging up and down through the timeline.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromiumHost } from '../../electron/chromiumHost/host.ts'
import { openDesk } from '../../electron/core/desk.ts'
import { signInForBench } from './benchPage.ts'
import { TEST_KEY } from '../support/databaseKey.ts'

export interface IncidentOpenBench {
  notes: number
  attempts: number
  openMs: number
  pagePresses: number
  longTasksOver50Ms: number
  longestTaskMs: number
}

const NOTES = 500
const ATTEMPTS = 50

export async function benchIncidentOpen(): Promise<IncidentOpenBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  const seed = openDesk({ dataDir, watchInbox: false, key: TEST_KEY })
  const h = seed.handlers
  await h['session.signIn']({
    workerName: 'Bench Worker',
    organisation: 'Bench Service',
    pin: '2468',
  })
  const added = await h['incidents.addManual']({
    record: {
      incidentRef: 'BENCH-OPEN-1',
      receivedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
      grade: 2,
      summary: 'Incident with a long record.',
      victim: { name: 'Alex Sample', phone: '07700 900123' },
    },
  })
  if (!added.ok) throw new Error(added.error.message)
  const incidentId = added.value.id
  for (let i = 1; i <= ATTEMPTS; i++) {
    await h['contact.logAttempt']({
      incidentId,
      number: '07700 900123',
      result: i % 5 === 0 ? 'spoke-to-victim' : 'no-answer',
      callBackAt: null,
      note: i % 3 === 0 ? `Attempt ${i}: no voicemail left.` : null,
    })
  }
  for (let i = 1; i <= NOTES; i++) {
    const action = i % 25 === 0
    const result = await h['notes.add']({
      incidentId,
      text: `Bench note ${i}. Victim said the suspect had been drinking since the afternoon and had threatened to come back; agreed a code word with her sister.`,
      tags: action ? ['action'] : i % 2 === 0 ? ['rapport'] : ['risk'],
      actionOwner: action ? 'next-shift' : null,
      amends: i % 50 === 0 ? i - 1 : null,
    })
    if (!result.ok) throw new Error(result.error.message)
  }
  await seed.close()

  const host = await launchChromiumHost({ dataDir, key: TEST_KEY })
  const page = host.page
  try {
    await signInForBench(page)
    const row = page.getByRole('option', { name: /^BENCH-OPEN-1/ })
    await row.click()
    // Measured from here, so it includes Playwright's polling (a frame or two).
    const started = performance.now()
    await page.keyboard.press('Enter')
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(`Bench note ${NOTES}.`)
      .waitFor({ timeout: 30_000 })
    const openMs = performance.now() - started

    await page.evaluate(() => {
      const g = globalThis as unknown as { __long: number[] }
      g.__long = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) g.__long.push(e.duration)
      }).observe({ type: 'longtask' })
    })
    const timeline = page.getByRole('region', { name: 'Timeline' })
    await timeline.focus()
    const presses = 60
    for (let i = 0; i < presses; i++)
      await page.keyboard.press(i < presses / 2 ? 'PageUp' : 'PageDown')
    await page.waitForTimeout(300)
    const long = await page.evaluate(() => (globalThis as unknown as { __long: number[] }).__long)
    return {
      notes: NOTES,
      attempts: ATTEMPTS,
      openMs: Math.round(openMs),
      pagePresses: presses,
      longTasksOver50Ms: long.length,
      longestTaskMs: Math.round(Math.max(0, ...long)),
    }
  } finally {
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
