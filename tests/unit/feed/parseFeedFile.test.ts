import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseFeedFile } from '../../../electron/core/feed/parseFeedFile.ts'

const NOW = Date.parse('2026-11-21T18:00:00Z')
const SAMPLES = join(import.meta.dirname, '../../fixtures/feed')

const bytes = (text: string) => new TextEncoder().encode(text)
const parse = (fileName: string, text: string) => parseFeedFile(fileName, bytes(text), NOW)

function incident(ref: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { incidentRef: ref, receivedAt: '2026-11-21T15:00:00Z', grade: 2, summary: 's', ...fields }
}
const line = (ref: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify(incident(ref, fields))

function fileError(fileName: string, content: string | Uint8Array): string | null {
  const result = parseFeedFile(
    fileName,
    typeof content === 'string' ? bytes(content) : content,
    NOW,
  )
  expect(result.valid).toEqual([])
  expect(result.rejected).toEqual([])
  return result.error
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the sample files', () => {
  const expectedGrades: Record<string, number[]> = {
    '2026-11-21T150412Z-CL-0457.json': [2],
    '2026-11-21T152000Z-batch.ndjson': [3, 3],
    '2026-11-21T154500Z-CL-0461-update.json': [2],
    '2026-11-21T160600Z-export.csv': [1, 4],
  }

  it('are all there', () => {
    expect(readdirSync(SAMPLES).sort()).toEqual(Object.keys(expectedGrades).sort())
  })

  it.each(Object.entries(expectedGrades))('%s parses with no rejections', (name, grades) => {
    const result = parseFeedFile(name, readFileSync(join(SAMPLES, name)), NOW)
    expect(result.error).toBeNull()
    expect(result.rejected).toEqual([])
    expect(result.valid.map((r) => r.incident.grade)).toEqual(grades)
  })

  it('keep the CSV sample’s flags, victim and quoted address', () => {
    const name = '2026-11-21T160600Z-export.csv'
    const [first] = parseFeedFile(name, readFileSync(join(SAMPLES, name)), NOW).valid
    expect(first?.incident).toMatchObject({
      incidentRef: 'CL-20261121-0470',
      location: { address: '7 Test Close, Hartlepool', postcode: 'TS24 9ZZ' },
      victim: { name: 'Riley Test', phone: '07700 900789' },
      flags: ['weapon', 'threats-to-kill'],
      extra: {},
    })
  })
})

describe('a file that cannot be read is rejected whole', () => {
  it.each(['notes.xyz', 'export.xml', 'incident.json.tmp'])('%s is an unsupported type', (name) => {
    const extension = name.slice(name.lastIndexOf('.'))
    expect(fileError(name, '{}')).toBe(
      `unsupported file type ${extension} (DA Desk reads .json, .ndjson and .csv)`,
    )
  })

  it('a name without an extension is an unsupported type', () => {
    expect(fileError('README', 'x')).toMatch(/^unsupported file type: the name has no extension/)
  })

  it('is over 64 MiB', () => {
    expect(fileError('big.json', new Uint8Array(64 * 1024 * 1024 + 1))).toMatch(/too large/)
  })

  it('holds binary bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(fileError('image.json', png)).toMatch(/^not UTF-8 text/)
  })

  it('is not valid UTF-8', () => {
    const latin1 = new Uint8Array([...bytes('[{"summary":"caf'), 0xe9, ...bytes('"}]')])
    expect(fileError('latin1.json', latin1)).toBe('not UTF-8 text')
  })

  it('contains NUL bytes', () => {
    const withNul = new Uint8Array([...bytes(line('CL-1')), 0, ...bytes('\n')])
    expect(fileError('nul.ndjson', withNul)).toBe('not UTF-8 text (it contains NUL bytes)')
  })

  it('is UTF-16, as some spreadsheets save "Unicode text"', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00])
    expect(fileError('export.csv', utf16)).toMatch(/^not UTF-8 text \(it looks like UTF-16/)
  })

  it.each(['', '   \r\n\t\n', '\uFEFF'])('is empty (%j)', (content) => {
    expect(fileError('empty.json', content)).toBe('the file is empty')
    expect(fileError('empty.csv', content)).toBe('the file is empty')
    expect(fileError('empty.ndjson', content)).toBe('the file is empty')
  })

  it('is truncated JSON', () => {
    const truncated = JSON.stringify([incident('CL-1'), incident('CL-2')]).slice(0, -20)
    expect(fileError('cut.json', truncated)).toMatch(/^not valid JSON: /)
  })

  it("is not JSON at all, without quoting the text (it may be a victim's details)", () => {
    for (const text of ['Riley Test, 07700 900123, 1 Example Street', 'Riley']) {
      const error = fileError('notes.json', text)
      expect(error).toBe("not valid JSON: Unexpected token 'R'")
      expect(error).not.toContain('Riley')
    }
  })

  it('is JSON with a syntax error, saying where', () => {
    expect(fileError('bad.json', '{\n  "incidentRef": "CL-1"\n  "grade": 1\n}')).toMatch(
      /^not valid JSON: .* \(line 3 column 3\)$/,
    )
  })

  it.each([
    ['"CL-1"', 'a string'],
    ['42', 'a number'],
    ['null', 'null'],
    ['true', 'true or false'],
  ])('is JSON of the wrong type (%s)', (content, found) => {
    expect(fileError('wrong.json', content)).toBe(
      `must be one incident object or an array of incident objects, found ${found}`,
    )
  })

  it('is an empty array', () => {
    expect(fileError('none.json', ' [ ] ')).toBe('the file has no incidents')
  })

  it('is a CSV with a header and no rows', () => {
    expect(fileError('none.csv', 'incidentRef,receivedAt,grade,summary\r\n\r\n')).toBe(
      'the file has no incidents',
    )
  })

  it('is a CSV without the required columns', () => {
    expect(fileError('cols.csv', 'ref,receivedAt,grade\nCL-1,2026-11-21T15:00:00Z,1\n')).toBe(
      'the header is missing the required columns incidentRef, summary',
    )
  })

  it('is a CSV with an unterminated quote', () => {
    const csv = 'incidentRef,receivedAt,grade,summary\nCL-1,2026-11-21T15:00:00Z,1,"no end\n'
    expect(fileError('open.csv', csv)).toMatch(/starts on line 2 is never closed/)
  })

  it('is 100,000 unclosed brackets deep', () => {
    expect(fileError('deep.json', '['.repeat(100_000))).toMatch(/^not valid JSON/)
  })

  it('is nested deeper than JSON.parse can go', () => {
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded')
    })
    expect(fileError('deep.json', '[[[[]]]]')).toBe(
      'the JSON is nested too deeply or is too large to read',
    )
  })
})

describe('a JSON file', () => {
  it('with one object is read as "record"', () => {
    const result = parse('one.json', line('CL-1'))
    expect(result.valid.map((r) => r.at)).toEqual(['record'])
  })

  it('keeps the valid records of an array and rejects the others alone, by index from 0', () => {
    const result = parse(
      'batch.JSON',
      JSON.stringify([
        incident('CL-1'),
        incident('CL-2', { grade: true }),
        'CL-3',
        incident('CL-4'),
      ]),
    )
    expect(result.error).toBeNull()
    expect(result.valid.map((r) => [r.at, r.incident.incidentRef])).toEqual([
      ['index 0', 'CL-1'],
      ['index 3', 'CL-4'],
    ])
    expect(result.rejected).toEqual([
      { at: 'index 1', field: 'grade', reason: expect.stringMatching(/^must be 1, 2, 3 or 4/) },
      { at: 'index 2', field: 'record', reason: 'must be an incident object, found a string' },
    ])
  })

  it('with a byte-order mark and CRLF line ends is read', () => {
    const text = '\uFEFF[\r\n' + line('CL-1') + ',\r\n' + line('CL-2') + '\r\n]\r\n'
    expect(parse('bom.json', text).valid).toHaveLength(2)
  })

  it('of 100,000 nested arrays is rejected without a crash', () => {
    const result = parse('deep.json', '['.repeat(100_000) + ']'.repeat(100_000))
    expect(result.rejected).toEqual([
      { at: 'index 0', field: 'record', reason: 'must be an incident object, found an array' },
    ])
  })

  it('rejects a record with a 100,000-deep unknown field, naming the field', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const text = `[${line('CL-1')},${line('CL-2').slice(0, -1)},"attachment":${deep}}]`
    const result = parse('deep.json', text)
    expect(result.valid.map((r) => r.incident.incidentRef)).toEqual(['CL-1'])
    expect(result.rejected).toEqual([
      {
        at: 'index 1',
        field: 'attachment',
        reason: expect.stringMatching(/^is nested too deeply/),
      },
    ])
  })

  it('keeps __proto__ keys as data, at the top and inside victim', () => {
    const text = `${line('CL-1').slice(0, -1)},"__proto__":{"polluted":1},"victim":{"__proto__":{"polluted":2}}}`
    const [record] = parse('proto.json', text).valid
    expect(Object.getOwnPropertyNames(record?.incident.extra)).toEqual([
      '__proto__',
      'victim.__proto__',
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('keeps unknown fields and unknown flags', () => {
    const [record] = parse(
      'extra.json',
      line('CL-1', {
        forceCode: 'CL',
        victim: { gender: 'f' },
        flags: ['Dog at address', 'WEAPON'],
      }),
    ).valid
    expect(record?.incident.extra).toEqual({ forceCode: 'CL', 'victim.gender': 'f' })
    expect(record?.incident.flags).toEqual(['Dog at address', 'weapon'])
  })
})

describe('a file of many records', () => {
  it('lists the first 1,000 problems and counts the rest', () => {
    const result = parse('junk.json', '[' + Array(1500).fill('{"grade":1}').join(',') + ']')
    expect(result.rejected).toHaveLength(1001)
    expect(result.rejected[999]).toEqual({
      at: 'index 333',
      field: 'incidentRef',
      reason: 'required',
    })
    expect(result.rejected[1000]).toEqual({
      at: 'file',
      field: 'record',
      reason: 'and 3,500 more problems, not listed (the first 1,000 are)',
    })
  })

  it('still keeps every valid record after the problems stop being listed', () => {
    const lines = Array.from({ length: 1200 }, (_, i) => (i < 1100 ? '{}' : line(`CL-${i}`)))
    const result = parse('mixed.ndjson', lines.join('\n'))
    expect(result.valid).toHaveLength(100)
    expect(result.rejected.at(-1)?.reason).toBe(
      'and 3,400 more problems, not listed (the first 1,000 are)',
    )
  })

  it.each([
    ['big.json', () => '[' + '0,'.repeat(1_000_000) + '0]'],
    ['big.ndjson', () => '0\n'.repeat(1_000_001)],
    ['big.csv', () => 'incidentRef,receivedAt,grade,summary\n' + 'x\n'.repeat(1_000_001)],
  ])('%s is rejected whole past 1,000,000 incidents', (name, content) => {
    expect(fileError(name, content())).toMatch(/^the file has more than 1,000,000 (incidents|rows)/)
  })
})

describe('an NDJSON file', () => {
  it('ignores blank lines and numbers lines from 1, counting them', () => {
    const result = parse('batch.ndjson', `\n${line('CL-1')}\r\n\r\n  \n${line('CL-2')}\r\n`)
    expect(result.valid.map((r) => r.at)).toEqual(['line 2', 'line 5'])
  })

  it('rejects a truncated last line alone', () => {
    const text = `${line('CL-1')}\n${line('CL-2')}\n${line('CL-3').slice(0, 30)}`
    const result = parse('cut.ndjson', text)
    expect(result.valid.map((r) => r.incident.incidentRef)).toEqual(['CL-1', 'CL-2'])
    expect(result.rejected).toEqual([
      {
        at: 'line 3',
        field: 'record',
        reason: expect.stringMatching(/^not valid JSON: Unterminated string in JSON at column 31$/),
      },
    ])
  })

  it('rejects a line that is not an object alone', () => {
    const result = parse('mixed.ndjson', `[${line('CL-1')}]\n"CL-2"\n${line('CL-3')}\n`)
    expect(result.rejected).toEqual([
      { at: 'line 1', field: 'record', reason: 'must be an incident object, found an array' },
      { at: 'line 2', field: 'record', reason: 'must be an incident object, found a string' },
    ])
    expect(result.valid.map((r) => r.at)).toEqual(['line 3'])
  })
})

describe('a CSV file', () => {
  it('with a BOM, CRLF and a quoted summary holding commas, quotes and a line break is read', () => {
    const csv =
      '\uFEFFincidentRef,receivedAt,grade,summary,victim.name,flags\r\n' +
      'CL-1,2026-11-21T15:00:00Z,G1,"Caller said ""he has a knife"", then\r\nthe line went dead",' +
      '"Test, Riley",weapon;Dog at address\r\n'
    const result = parse('export.csv', csv)
    expect(result.rejected).toEqual([])
    expect(result.valid).toEqual([
      {
        at: 'row 1',
        incident: expect.objectContaining({
          grade: 1,
          summary: 'Caller said "he has a knife", then\r\nthe line went dead',
          victim: { name: 'Test, Riley', phone: null, dateOfBirth: null },
          flags: ['weapon', 'Dog at address'],
        }),
      },
    ])
  })

  it('rejects a row with the wrong number of cells alone', () => {
    const csv =
      'incidentRef,receivedAt,grade,summary\n' +
      'CL-1,2026-11-21T15:00:00Z,1,unquoted, comma\n' +
      'CL-2,2026-11-21T15:00:00Z,2,fine\n'
    const result = parse('export.csv', csv)
    expect(result.rejected).toEqual([
      { at: 'row 1', field: 'record', reason: 'has 5 cells but the header has 4 columns' },
    ])
    expect(result.valid.map((r) => [r.at, r.incident.incidentRef])).toEqual([['row 2', 'CL-2']])
  })

  it('keeps unknown columns in extra', () => {
    const csv =
      'incidentRef,receivedAt,grade,summary,forceCode,victim.gender\n' +
      'CL-1,2026-11-21T15:00:00Z,1,s,CL,female\n'
    expect(parse('export.csv', csv).valid[0]?.incident.extra).toEqual({
      forceCode: 'CL',
      'victim.gender': 'female',
    })
  })
})

describe('an incident that appears twice in one file', () => {
  const twice = (secondUpdatedAt: string) =>
    parse(
      'twice.json',
      JSON.stringify([
        incident('CL-1', { updatedAt: '2026-11-21T15:30:00Z', grade: 3 }),
        incident('CL-2'),
        incident('CL-1', { updatedAt: secondUpdatedAt, grade: 1 }),
      ]),
    )

  it('is rejected the second time when that version is older', () => {
    const result = twice('2026-11-21T15:10:00Z')
    expect(result.valid.map((r) => r.at)).toEqual(['index 0', 'index 1'])
    expect(result.rejected).toEqual([
      {
        at: 'index 2',
        field: 'incidentRef',
        reason: 'appears again at index 0 of this file without a newer updatedAt',
      },
    ])
  })

  it('is rejected the second time when that version has the same updatedAt', () => {
    const result = twice('2026-11-21T16:30:00+01:00')
    expect(result.rejected.map((r) => [r.at, r.field])).toEqual([['index 2', 'incidentRef']])
  })

  it('is kept both times, in file order, when the second version is newer', () => {
    const result = twice('2026-11-21T15:45:00Z')
    expect(result.rejected).toEqual([])
    expect(result.valid.map((r) => [r.at, r.incident.grade])).toEqual([
      ['index 0', 3],
      ['index 1', 2],
      ['index 2', 1],
    ])
  })

  it('is compared with the newest version kept so far', () => {
    const result = parse(
      'thrice.ndjson',
      [
        line('CL-1', { updatedAt: '2026-11-21T15:10:00Z' }),
        line('CL-1', { updatedAt: '2026-11-21T15:30:00Z' }),
        line('CL-1', { updatedAt: '2026-11-21T15:20:00Z' }),
      ].join('\n'),
    )
    expect(result.valid.map((r) => r.at)).toEqual(['line 1', 'line 2'])
    expect(result.rejected).toEqual([
      {
        at: 'line 3',
        field: 'incidentRef',
        reason: 'appears again at line 2 of this file without a newer updatedAt',
      },
    ])
  })
})
