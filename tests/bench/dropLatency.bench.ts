// Drop-to-visible latency in the Chromium host: a single-incident file is renamed into the inbox
// and the clock stops when its row is in the queue's DOM and a frame has been drawn after it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromiumHost } from '../../electron/chromiumHost/host.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { percentile, signInForBench } from './benchPage.ts'

export interface LatencyBench {
  files: number
  p50Ms: number
  p95Ms: number
  maxMs: number
}

export async function benchDropLatency(files = 200): Promise<LatencyBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  const host = await launchChromiumHost({ dataDir })
  const latencies: number[] = []
  try {
    await signInForBench(host.page)
    await host.page.evaluate(() => {
      const seen: Record<string, number> = {}
      ;(globalThis as unknown as { __seen: Record<string, number> }).__seen = seen
      // Rows may be new nodes or recycled ones: look at every row after each change.
      new MutationObserver(() => {
        for (const option of document.querySelectorAll('[role="option"]')) {
          const ref = option.textContent?.split(',')[0]
          if (ref && !(ref in seen)) {
            seen[ref] = 0
            requestAnimationFrame(() => {
              seen[ref] = Date.now()
            })
          }
        }
      }).observe(document.body, { childList: true, subtree: true, attributes: true })
    })
    const base = Date.now() - 60 * 60_000
    for (let i = 0; i < files; i++) {
      const ref = `LAT-${String(i).padStart(4, '0')}`
      const record = {
        incidentRef: ref,
        // Each one older than the last, so it sorts to the top of the queue and is on screen.
        receivedAt: new Date(base - i * 60_000).toISOString(),
        grade: 1,
        summary: 'Latency benchmark incident.',
      }
      const droppedAt = Date.now()
      dropFeedFile(host.inbox, `${ref}.json`, JSON.stringify(record))
      const seenAt = await host.page.waitForFunction(
        (r) => (globalThis as unknown as { __seen: Record<string, number> }).__seen[r] || false,
        ref,
        { timeout: 10_000, polling: 20 },
      )
      latencies.push(((await seenAt.jsonValue()) as number) - droppedAt)
    }
  } finally {
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return {
    files,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxMs: Math.max(...latencies),
  }
}
