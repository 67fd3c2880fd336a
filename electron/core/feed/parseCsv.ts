// Reads CSV feed files: an RFC 4180 parser (quoted values, "" for a quote, commas and line breaks
// inside quotes, CRLF or LF), then the mapping of its rows to raw incident records for
// validateRecord, with the header naming the fields and nested ones flattened with a dot.
import type { Rejection } from '#shared/domain.ts'
import { thousands } from './validateRecord.ts'

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; error: string }

/** One data row: a raw record to validate, or the reason the row could not become one. */
export type CsvRow =
  { at: string; raw: Record<string, unknown> } | { at: string; rejection: Rejection }

export type CsvRecords = { ok: true; rows: CsvRow[] } | { ok: false; error: string }

const QUOTE = 0x22
const COMMA = 0x2c
const LF = 0x0a
const CR = 0x0d
/** Far wider than any export; stops one runaway line of commas from filling memory. */
const MAX_CELLS = 10_000

/**
 * Splits CSV text (byte-order mark already removed) into rows of cells. Blank lines are not
 * rows. `maxRows` counts the rows after the first (the header); parsing stops, with an error,
 * as soon as there are more, so that memory stays bounded whatever the file holds.
 */
export function parseCsv(text: string, maxRows: number): CsvParse {
  const rows: string[][] = []
  const end = text.length
  /** The length of the line break at `at`: 1 for LF, 2 for CRLF, 0 for none. */
  const lineBreak = (at: number): number => {
    const c = text.charCodeAt(at)
    return c === LF ? 1 : c === CR && text.charCodeAt(at + 1) === LF ? 2 : 0
  }
  let cells: string[] = []
  let i = 0
  let line = 1
  while (i < end) {
    const blank = cells.length === 0 ? lineBreak(i) : 0
    if (blank) {
      i += blank
      line++
      continue
    }
    if (text.charCodeAt(i) === QUOTE) {
      const openedOn = line
      const parts: string[] = []
      let from = i + 1
      for (;;) {
        const quote = text.indexOf('"', from)
        if (quote === -1) {
          return {
            ok: false,
            error: `a quoted value that starts on line ${openedOn} is never closed (unterminated quote)`,
          }
        }
        parts.push(text.slice(from, quote))
        if (text.charCodeAt(quote + 1) !== QUOTE) {
          i = quote + 1
          break
        }
        parts.push('"')
        from = quote + 2
      }
      const cell = parts.join('')
      for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) line++
      cells.push(cell)
      if (i < end && text.charCodeAt(i) !== COMMA && !lineBreak(i)) {
        return {
          ok: false,
          error: `line ${line} has text after the closing quote of a quoted value (a quote inside a quoted value must be doubled: "")`,
        }
      }
    } else {
      let j = i
      while (j < end && text.charCodeAt(j) !== COMMA && !lineBreak(j)) j++
      cells.push(text.slice(i, j))
      i = j
    }
    if (cells.length > MAX_CELLS) {
      return { ok: false, error: `line ${line} has more than ${thousands(MAX_CELLS)} cells` }
    }
    if (text.charCodeAt(i) === COMMA) {
      i++
      // A comma at the very end still ends a cell: the empty one after it.
      if (i === end) cells.push('')
      continue
    }
    i += lineBreak(i)
    line++
    rows.push(cells)
    cells = []
    if (rows.length > maxRows + 1) {
      return { ok: false, error: tooManyRows(maxRows) }
    }
  }
  if (cells.length) rows.push(cells)
  if (rows.length > maxRows + 1) return { ok: false, error: tooManyRows(maxRows) }
  return { ok: true, rows }
}

function tooManyRows(maxRows: number): string {
  return `the file has more than ${thousands(maxRows)} rows after the header; split it into smaller files`
}

const REQUIRED_COLUMNS = ['incidentRef', 'receivedAt', 'grade', 'summary']
const GROUPS = new Map([
  ['location', 'location.address, location.postcode'],
  ['victim', 'victim.name, victim.phone, victim.dateOfBirth'],
  ['suspect', 'suspect.name, suspect.relationship'],
])

/**
 * Turns parsed rows into raw records. The first row is the header. Data rows are numbered from
 * 1: "row 1" is the first row after the header. Blank lines are not rows (parseCsv drops them);
 * rows whose cells are all empty, as spreadsheets export, are counted but skipped. A header cell
 * left empty names its column "column N". A row with a different number of cells from the
 * header is rejected alone. Header problems (missing required columns, a column named twice, a
 * column named after a whole object) reject the file.
 */
export function csvRowsToRecords(rows: readonly string[][]): CsvRecords {
  const header = (rows[0] ?? []).map((name, column) => name.trim() || `column ${column + 1}`)
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name))
  if (missing.length) {
    const s = missing.length > 1 ? 's' : ''
    return {
      ok: false,
      error: `the header is missing the required column${s} ${missing.join(', ')}`,
    }
  }
  const named = new Set<string>()
  for (const name of header) {
    if (named.has(name)) return { ok: false, error: `the header names the column ${name} twice` }
    named.add(name)
    const columns = GROUPS.get(name)
    if (columns) {
      return {
        ok: false,
        error: `the header has a column ${name}; in CSV its fields are separate columns (${columns})`,
      }
    }
  }

  const records: CsvRow[] = []
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] ?? []
    const at = `row ${r}`
    if (cells.every((cell) => !cell.trim())) continue
    if (cells.length !== header.length) {
      const reason = `has ${cells.length} cells but the header has ${header.length} columns`
      records.push({ at, rejection: { at, field: 'record', reason } })
      continue
    }
    records.push({ at, raw: recordFromCells(header, cells) })
  }
  return { ok: true, rows: records }
}

function recordFromCells(
  header: readonly string[],
  cells: readonly string[],
): Record<string, unknown> {
  // Entries, then fromEntries: a column called "__proto__" must stay data, not set a prototype.
  const fields: [string, unknown][] = []
  const groups = new Map<string, [string, string][]>()
  header.forEach((name, column) => {
    const cell = cells[column] ?? ''
    if (!cell.trim()) return
    const dot = name.indexOf('.')
    const group = dot > 0 ? name.slice(0, dot) : ''
    if (name === 'flags') {
      const markers = cell.split(';').map((flag) => flag.trim())
      fields.push([name, markers.filter((flag) => flag)])
    } else if (GROUPS.has(group)) {
      const entries = groups.get(group) ?? []
      entries.push([name.slice(dot + 1), cell])
      groups.set(group, entries)
    } else fields.push([name, cell])
  })
  for (const [group, entries] of groups) fields.push([group, Object.fromEntries(entries)])
  return Object.fromEntries(fields)
}
