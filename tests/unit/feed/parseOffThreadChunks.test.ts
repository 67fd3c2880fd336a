// How the parser worker hands a file over: the verdict before any record, then the records in
// chunks that start small, validated while the chunk before is stored, the rejections at the end.
import { describe, expect, it } from 'vitest'
import { parseFeedFile } from '../../../electron/core/feed/parseFeedFile.ts'
import type { ValidRecord } from '../../../electron/core/feed/parseFeedFile.ts'
import { parseFeedFileOffThread } from '../../../electron/core/feed/parseOffThread.ts'
import type { OffThreadOptions } from '../../../electron/core/feed/parseOffThread.ts'
import { syntheticIncidents } from '../../../electron/demo/syntheticIncidents.ts'

const NOW = Date.parse('2026-11-22T00:00:00Z')
const START = Date.parse('2026-11-21T00:00:00Z')
const forced: OffThreadOptions = { inThreadUpToBytes: 0 }

function jsonFile(count: number): Uint8Array {
  const incidents = syntheticIncidents({ count, startMs: START, spacingMs: 1000 })
  return new TextEncoder().encode(JSON.stringify(incidents))
}

async function parseOff(
  fileName: string,
  bytes: Uint8Array,
  options: OffThreadOptions,
  store: (records: ValidRecord[]) => Promise<void> = async () => {},
) {
  const chunks: ValidRecord[][] = []
  const outcome = await parseFeedFileOffThread(
    fileName,
    bytes,
    NOW,
    async (records) => {
      chunks.push(records)
      await store(records)
    },
    options,
  )
  return { ...outcome, chunks }
}

describe('a file parsed on a worker thread', () => {
  it('hands over a small first chunk, then twice as many each time up to recordsPerChunk', async () => {
    const { error, chunks } = await parseOff('big.json', jsonFile(5000), forced)
    expect(error).toBeNull()
    expect(chunks.map((chunk) => chunk.length)).toEqual([250, 500, 1000, 2000, 1250])
  })

  it('keeps order and rejections however slowly the records are stored', async () => {
    const bytes = jsonFile(3000)
    const inThread = parseFeedFile('big.json', bytes.slice(), NOW)
    const slowly = () => new Promise<void>((resolve) => setTimeout(resolve, 5))
    const options = { ...forced, recordsPerChunk: 300 }
    const { error, rejected, chunks } = await parseOff('big.json', bytes, options, slowly)
    expect({ error, rejected, valid: chunks.flat() }).toEqual(inThread)
  })

  it('gives a whole-file error before any record is handed over', async () => {
    const truncated = jsonFile(2000).slice(0, -10)
    const inThread = parseFeedFile('cut.json', truncated.slice(), NOW)
    expect(inThread.error).toMatch(/^not valid JSON/)
    expect(await parseOff('cut.json', truncated, forced)).toEqual({
      error: inThread.error,
      rejected: [],
      chunks: [],
    })
  })

  it('reports every rejection when no record is valid, handing nothing over', async () => {
    const junk = new TextEncoder().encode('[' + Array(1500).fill('{"grade":1}').join(',') + ']')
    const inThread = parseFeedFile('junk.json', junk.slice(), NOW)
    expect(inThread.rejected).toHaveLength(1001)
    expect(await parseOff('junk.json', junk, forced)).toEqual({
      error: null,
      rejected: inThread.rejected,
      chunks: [],
    })
  })

  it('hands over the records before rejected ones at the end of the file', async () => {
    const lines = [
      ...syntheticIncidents({ count: 600, startMs: START, spacingMs: 1000 }).map((incident) =>
        JSON.stringify(incident),
      ),
      '{}',
      '{}',
    ]
    const bytes = new TextEncoder().encode(lines.join('\n'))
    const inThread = parseFeedFile('tail.ndjson', bytes.slice(), NOW)
    const { error, rejected, chunks } = await parseOff('tail.ndjson', bytes, forced)
    expect({ error, rejected, valid: chunks.flat() }).toEqual(inThread)
    expect(chunks.every((chunk) => chunk.length > 0)).toBe(true)
  })
})
