// parseFeedFile in its two phases, as the worker thread runs it: readFeedFile makes every check on
// the file as a whole, feedValidator then validates the records a part at a time, with the same
// result as one pass.
import { describe, expect, it } from 'vitest'
import {
  feedValidator,
  parseFeedFile,
  readFeedFile,
} from '../../../electron/core/feed/parseFeedFile.ts'
import type { ValidRecord } from '../../../electron/core/feed/parseFeedFile.ts'

const NOW = Date.parse('2026-11-21T18:00:00Z')
const bytes = (text: string) => new TextEncoder().encode(text)

const line = (ref: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    incidentRef: ref,
    receivedAt: '2026-11-21T15:00:00Z',
    grade: 2,
    summary: 's',
    ...fields,
  })

/** Valid records, bad lines, repeats on either side of any chunk edge, and 1,200 problems. */
function mixedFile(): string {
  const lines: string[] = []
  for (let i = 0; i < 1500; i++) {
    if (i % 5 === 1) lines.push('{}')
    else if (i % 7 === 2) lines.push('{"incidentRef": ')
    else if (i % 11 === 3) lines.push(line(`CL-${i - 3}`))
    else if (i % 13 === 4) lines.push(line(`CL-${i - 13}`, { updatedAt: '2026-11-21T17:00:00Z' }))
    else lines.push(line(`CL-${i}`))
  }
  return lines.join('\n')
}

/** Validates the whole file `most` records at a time. */
function inParts(fileName: string, text: string, most: number) {
  const read = readFeedFile(fileName, bytes(text))
  if (read.error !== null) throw new Error(read.error)
  const validator = feedValidator(read.candidates, NOW)
  const parts: ValidRecord[][] = []
  while (!validator.done) parts.push(validator.next(most))
  return { parts, rejected: validator.rejected() }
}

describe('validating a file a part at a time', () => {
  it.each([1, 7, 250, 2000])('%i records at a time gives what one pass gives', (most) => {
    const whole = parseFeedFile('mixed.ndjson', bytes(mixedFile()), NOW)
    expect(whole.rejected.at(-1)?.reason).toMatch(/more problems, not listed/)
    expect(whole.valid.length).toBeGreaterThan(500)

    const { parts, rejected } = inParts('mixed.ndjson', mixedFile(), most)
    expect(parts.flat()).toEqual(whole.valid)
    expect(rejected).toEqual(whole.rejected)
  })

  it('returns at most as many records as asked for, and none only once every one is read', () => {
    const { parts } = inParts('mixed.ndjson', mixedFile(), 100)
    const sizes = parts.map((part) => part.length)
    expect(sizes.slice(0, -1).every((size) => size === 100)).toBe(true)
    expect(sizes.at(-1)).toBeLessThanOrEqual(100)
  })

  it('ends with an empty part when the last records are all rejected', () => {
    const text = [line('CL-1'), line('CL-2'), line('CL-3', { grade: 9 }), '[]'].join('\n')
    const { parts, rejected } = inParts('tail.ndjson', text, 2)
    expect(parts.map((part) => part.map((r) => r.at))).toEqual([['line 1', 'line 2'], []])
    expect(rejected.map((r) => r.at)).toEqual(['line 3', 'line 4'])
  })

  it('rejects a repeat of a reference kept in an earlier part', () => {
    const text = [line('CL-1'), line('CL-2'), line('CL-1')].join('\n')
    const { parts, rejected } = inParts('twice.ndjson', text, 1)
    expect(parts.flat().map((r) => r.at)).toEqual(['line 1', 'line 2'])
    expect(rejected).toEqual([
      {
        at: 'line 3',
        field: 'incidentRef',
        reason: 'appears again at line 1 of this file without a newer updatedAt',
      },
    ])
  })
})

describe('reading a file before its records are validated', () => {
  it.each([
    ['notes.txt', '{}'],
    ['empty.json', ' \n'],
    ['cut.json', '[{"incidentRef": "CL-1"'],
    ['wrong.json', '42'],
    ['none.json', '[]'],
    ['cols.csv', 'ref,receivedAt\nCL-1,2026-11-21T15:00:00Z\n'],
    ['big.ndjson', '0\n'.repeat(1_000_001)],
  ])('finds every whole-file error in %s', (name, text) => {
    const whole = parseFeedFile(name, bytes(text), NOW)
    expect(whole.error).not.toBeNull()
    expect(readFeedFile(name, bytes(text))).toEqual({ error: whole.error, candidates: null })
  })

  it('leaves a file whose every record is bad to the validator', () => {
    const read = readFeedFile('junk.json', bytes('[{}, 1, "x"]'))
    expect(read.error).toBeNull()
    expect(read.candidates).toHaveLength(3)
  })
})
