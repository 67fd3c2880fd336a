// A large feed file is parsed on a worker thread: same outcome as on the calling thread, the app's
// event loop keeps turning meanwhile, and a worker that fails becomes a whole-file error.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { incidentQueries } from '../../../electron/core/db/incidentQueries.ts'
import { ingestFile } from '../../../electron/core/feed/ingestFile.ts'
import { parseFeedFile } from '../../../electron/core/feed/parseFeedFile.ts'
import type { ValidRecord } from '../../../electron/core/feed/parseFeedFile.ts'
import { parseFeedFileOffThread } from '../../../electron/core/feed/parseOffThread.ts'
import type { OffThreadOptions } from '../../../electron/core/feed/parseOffThread.ts'
import { syntheticIncidents } from '../../../electron/demo/syntheticIncidents.ts'
import { tempDir } from '../../support/tempDir.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'

const NOW = Date.parse('2026-11-22T00:00:00Z')
const START = Date.parse('2026-11-21T00:00:00Z')
/** Present after `npm run build`; the test using it is skipped without it. */
const BUILT_WORKER = join(import.meta.dirname, '../../../out/main/parseWorker.js')

/** Made-up incidents as NDJSON, one line per incident, with three bad lines among them. */
function feedLines(count: number): string {
  const lines = syntheticIncidents({ count, startMs: START, spacingMs: 1000 }).map((incident) =>
    JSON.stringify(incident),
  )
  lines.splice(10, 0, '{"incidentRef": "BAD-1", "receivedAt": ')
  const badGrade = {
    incidentRef: 'BAD-2',
    receivedAt: '2026-11-21T00:00:00Z',
    grade: 9,
    summary: 's',
  }
  lines.splice(20, 0, JSON.stringify(badGrade))
  lines.push(lines[0]!)
  return lines.join('\n')
}

let big: Uint8Array | undefined
/** About 26 MB, far over the size parsed on the calling thread; a fresh copy each time. */
function bigFile(): Uint8Array {
  big ??= new TextEncoder().encode(feedLines(60_000))
  return big.slice()
}

/** Parses off-thread, keeping what is handed over. */
async function parseOff(bytes: Uint8Array, options: OffThreadOptions = {}) {
  const chunks: ValidRecord[][] = []
  const outcome = await parseFeedFileOffThread(
    'big.ndjson',
    bytes,
    NOW,
    async (records) => {
      chunks.push(records)
    },
    options,
  )
  return { ...outcome, chunks }
}

/** A stand-in worker script, to see what the app does when the worker misbehaves. */
function workerScript(source: string): URL {
  const file = join(tempDir(), 'worker.mjs')
  writeFileSync(file, `import { parentPort } from 'node:worker_threads'\n${source}\n`)
  return pathToFileURL(file)
}

describe('parsing a large feed file on a worker thread', () => {
  it('hands over the same records, in the same order, with the same rejections', async () => {
    const inThread = parseFeedFile('big.ndjson', bigFile(), NOW)
    expect(inThread.valid).toHaveLength(60_000)
    expect(inThread.rejected).toHaveLength(3)

    const { error, rejected, chunks } = await parseOff(bigFile())
    expect(error).toBeNull()
    expect(rejected).toEqual(inThread.rejected)
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.flat()).toEqual(inThread.valid)
  })

  it('keeps the event loop turning while the file is parsed', async () => {
    let ticks = 0
    let ticksBeforeFirstRecords: number | null = null
    const timer = setInterval(() => ticks++, 10)
    try {
      await parseFeedFileOffThread('big.ndjson', bigFile(), NOW, async () => {
        ticksBeforeFirstRecords ??= ticks
      })
    } finally {
      clearInterval(timer)
    }
    // Parsed on this thread, not one tick would get through before the records.
    expect(ticksBeforeFirstRecords).toBeGreaterThan(10)
  })

  it('stores a large file through the ingest, with its report', async () => {
    const path = join(tempDir(), 'big.ndjson')
    writeFileSync(path, feedLines(5000))
    const db = openDatabase(join(tempDir(), 'desk.sqlite'), TEST_KEY)
    try {
      const incidents = incidentQueries(db)
      const report = await ingestFile(db, incidents, path, { now: () => NOW })
      expect(report).toMatchObject({ accepted: 5000, updated: 0, unchanged: 0, error: null })
      expect(report.rejected.map((r) => r.at)).toEqual(['line 11', 'line 21', 'line 5003'])
      expect(incidents.listRows()).toHaveLength(5000)
    } finally {
      db.close()
    }
  })

  it('parses a small file on the calling thread, without starting a worker', async () => {
    const small = new TextEncoder().encode(feedLines(5))
    const { error, chunks } = await parseOff(small, { workerUrl: workerScript('throw 1') })
    expect(error).toBeNull()
    expect(chunks.flat()).toHaveLength(5)
  })

  it.skipIf(!existsSync(BUILT_WORKER))(
    'works the same with the worker script of the Electron main build (out/main)',
    async () => {
      const workerUrl = pathToFileURL(BUILT_WORKER)
      const small = new TextEncoder().encode(feedLines(50))
      const inThread = parseFeedFile('big.ndjson', small, NOW)
      const { error, rejected, chunks } = await parseOff(small, { workerUrl, inThreadUpToBytes: 0 })
      expect({ error, rejected, valid: chunks.flat() }).toEqual(inThread)
    },
  )
})

describe('a parser worker that fails', () => {
  const forced = { inThreadUpToBytes: 0 }
  const small = () => new TextEncoder().encode(feedLines(5))

  it('turns an exception in the worker into a whole-file error', async () => {
    const workerUrl = workerScript("throw new Error('boom')")
    expect(await parseOff(small(), { ...forced, workerUrl })).toEqual({
      error: 'the file could not be parsed: the parser failed (boom)',
      rejected: [],
      chunks: [],
    })
  })

  it('turns a missing worker script into a whole-file error', async () => {
    const workerUrl = pathToFileURL(join(tempDir(), 'missing.js'))
    const { error, chunks } = await parseOff(small(), { ...forced, workerUrl })
    expect(error).toMatch(/^the file could not be parsed: the parser failed \(\w+\)$/)
    expect(chunks).toEqual([])
  })

  it('turns a worker that exits without answering into a whole-file error', async () => {
    const workerUrl = workerScript('process.exit(3)')
    const { error } = await parseOff(small(), { ...forced, workerUrl })
    expect(error).toBe(
      'the file could not be parsed: the parser stopped unexpectedly (exit code 3)',
    )
  })

  it('gives up on a worker that never answers', async () => {
    const workerUrl = workerScript('setInterval(() => {}, 1000)')
    const { error } = await parseOff(small(), { ...forced, workerUrl, timeoutMs: 200 })
    expect(error).toBe('the file could not be parsed: the parser did not answer within 0.2 seconds')
  })

  it('rejects a file whose parse needs more memory than the worker may have', async () => {
    const { error, chunks } = await parseOff(bigFile(), { maxHeapMb: 16 })
    expect(error).toBe(
      'the file could not be parsed: it needs more memory than DA Desk allows for one file',
    )
    expect(chunks).toEqual([])
  })

  it('reports a worker that fails part-way, keeping the records already handed over', async () => {
    const record = { at: 'line 1', incident: { incidentRef: 'CL-1' } }
    const workerUrl = workerScript(`
      parentPort.postMessage({ kind: 'verdict', error: null, rejected: [], validCount: 4 })
      let asked = 0
      parentPort.on('message', () => {
        if (++asked > 1) throw new Error('gone')
        parentPort.postMessage({ kind: 'records', records: [${JSON.stringify(record)}] })
      })`)
    const { error, chunks } = await parseOff(small(), { ...forced, workerUrl })
    expect(error).toBe('the file could not be parsed: the parser failed (gone)')
    expect(chunks).toEqual([[record]])
  })
})
