import { describe, expect, it } from 'vitest'
import { csvRowsToRecords, parseCsv } from '../../../electron/core/feed/parseCsv.ts'

function rows(text: string): string[][] {
  const parsed = parseCsv(text, 100)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.rows
}

describe('parseCsv', () => {
  it('splits rows and cells with LF or CRLF line ends', () => {
    expect(rows('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(rows('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ])
  })

  it('keeps empty cells, including a trailing one', () => {
    expect(rows('a,,c,\n,')).toEqual([
      ['a', '', 'c', ''],
      ['', ''],
    ])
  })

  it('skips blank lines, which are not rows', () => {
    expect(rows('\na\n\r\n\nb\r\n\r\n')).toEqual([['a'], ['b']])
  })

  it('stops with an error past the most rows after the header', () => {
    expect(parseCsv('h\n1\n2\n3', 3)).toEqual({ ok: true, rows: [['h'], ['1'], ['2'], ['3']] })
    expect(parseCsv('h\n1\n2\n3\n4', 3)).toEqual({
      ok: false,
      error: 'the file has more than 3 rows after the header; split it into smaller files',
    })
  })

  it('stops with an error on a runaway line of commas', () => {
    expect(parseCsv('a,b\n' + ','.repeat(20_000), 100)).toEqual({
      ok: false,
      error: 'line 2 has more than 10,000 cells',
    })
  })

  it('reads commas, doubled quotes and line breaks inside quoted values', () => {
    const text = 'ref,summary\r\n1,"He said ""leave"", then left,\r\nslamming the door"\r\n2,""\r\n'
    expect(rows(text)).toEqual([
      ['ref', 'summary'],
      ['1', 'He said "leave", then left,\r\nslamming the door'],
      ['2', ''],
    ])
  })

  it('keeps a quote in the middle of an unquoted value as it is', () => {
    expect(rows('5\'10" tall,x')).toEqual([['5\'10" tall', 'x']])
  })

  it('reports an unterminated quote with the line it starts on', () => {
    expect(parseCsv('a,b\n1,2\n3,"never closed\nstill going', 100)).toEqual({
      ok: false,
      error: 'a quoted value that starts on line 3 is never closed (unterminated quote)',
    })
  })

  it('reports text after a closing quote, where a quote was not doubled', () => {
    const parsed = parseCsv('a,b\n1,"two\nlines" and more', 100)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.error).toMatch(/^line 3 has text after the closing quote/)
  })
})

describe('csvRowsToRecords', () => {
  const header = ['incidentRef', 'receivedAt', 'grade', 'summary']

  it('numbers rows from the first one after the header, counting rows with no values', () => {
    const result = csvRowsToRecords([
      header,
      ['CL-1', 't', '1', 's'],
      [''],
      ['', '', '', ' '],
      ['CL-2', 't', '2', 's'],
    ])
    expect(result.ok && result.rows.map((row) => row.at)).toEqual(['row 1', 'row 4'])
  })

  it('nests dotted columns, splits flags on ; and leaves empty cells out', () => {
    const result = csvRowsToRecords([
      [...header, 'victim.name', 'victim.phone', 'location.postcode', 'flags', 'status'],
      ['CL-1', 't', '1', 's', 'Alex', '', 'TS1 9ZZ', ' weapon; injury;;Dog ', ''],
    ])
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          at: 'row 1',
          raw: {
            incidentRef: 'CL-1',
            receivedAt: 't',
            grade: '1',
            summary: 's',
            flags: ['weapon', 'injury', 'Dog'],
            victim: { name: 'Alex' },
            location: { postcode: 'TS1 9ZZ' },
          },
        },
      ],
    })
  })

  it('keeps unknown columns by their header name', () => {
    const result = csvRowsToRecords([
      [...header, 'forceCode', 'victim.gender', 'handler.team', ' '],
      ['CL-1', 't', '1', 's', 'CL', 'female', 'B', 'stray'],
    ])
    expect(result.ok && result.rows[0]).toEqual({
      at: 'row 1',
      raw: {
        incidentRef: 'CL-1',
        receivedAt: 't',
        grade: '1',
        summary: 's',
        forceCode: 'CL',
        'handler.team': 'B',
        'column 8': 'stray',
        victim: { gender: 'female' },
      },
    })
  })

  it('keeps a __proto__ column as data', () => {
    const result = csvRowsToRecords([
      [...header, '__proto__', 'victim.__proto__'],
      ['CL-1', 't', '1', 's', 'top', 'nested'],
    ])
    const row = result.ok ? result.rows[0] : undefined
    const raw = row && 'raw' in row ? row.raw : {}
    expect(Object.getOwnPropertyDescriptor(raw, '__proto__')?.value).toBe('top')
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(raw.victim, '__proto__')?.value).toBe('nested')
  })

  it('rejects a row with a different number of cells alone', () => {
    const result = csvRowsToRecords([
      header,
      ['CL-1', 't', '1', 's', 'extra'],
      ['CL-2', 't', '2'],
      ['CL-3', 't', '3', 's'],
    ])
    expect(result.ok && result.rows).toEqual([
      {
        at: 'row 1',
        rejection: {
          at: 'row 1',
          field: 'record',
          reason: 'has 5 cells but the header has 4 columns',
        },
      },
      {
        at: 'row 2',
        rejection: {
          at: 'row 2',
          field: 'record',
          reason: 'has 3 cells but the header has 4 columns',
        },
      },
      { at: 'row 3', raw: { incidentRef: 'CL-3', receivedAt: 't', grade: '3', summary: 's' } },
    ])
  })

  it('names the required columns the header is missing', () => {
    expect(csvRowsToRecords([['incidentRef', 'summary', 'victim.name']])).toEqual({
      ok: false,
      error: 'the header is missing the required columns receivedAt, grade',
    })
  })

  it('rejects a header that names a column twice', () => {
    expect(csvRowsToRecords([[...header, 'grade']])).toEqual({
      ok: false,
      error: 'the header names the column grade twice',
    })
  })

  it('rejects a header with a column for a whole object', () => {
    const result = csvRowsToRecords([[...header, 'victim']])
    expect(!result.ok && result.error).toBe(
      'the header has a column victim; in CSV its fields are separate columns (victim.name, victim.phone, victim.dateOfBirth)',
    )
  })
})
