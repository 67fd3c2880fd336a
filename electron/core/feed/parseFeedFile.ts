// Reads one feed file's bytes into validated incident records and rejections, as feed format v1
// says: .json, .ndjson or .csv; a file that cannot be read at all is rejected whole with the
// reason; otherwise each bad record is rejected alone and the good ones are kept. Pure: no disk,
// no database, no clock of its own, and no input can make it throw. In two phases, so a worker
// thread can hand records on while it validates the rest: readFeedFile makes every check on the
// file as a whole, feedValidator then validates its records a part at a time.
import type { IncidentFields, Rejection } from '#shared/domain.ts'
import { csvRowsToRecords, parseCsv } from './parseCsv.ts'
import { describeType, thousands, validateRecord } from './validateRecord.ts'

export interface ValidRecord {
  at: string
  incident: IncidentFields
}

export interface ParsedFeedFile {
  /** Set when the whole file is rejected; valid and rejected are then empty. */
  error: string | null
  valid: ValidRecord[]
  rejected: Rejection[]
}

export const MAX_FEED_FILE_BYTES = 64 * 1024 * 1024
/**
 * Far more than any real export (a force logs tens of thousands of domestic incidents a year),
 * and low enough that a 64 MiB file of tiny junk records cannot exhaust memory.
 */
const MAX_INCIDENTS = 1_000_000
/**
 * The report lists this many problems, then counts the rest: a file of 500,000 bad records
 * needs its first problems found, not half a million lines, nor the memory they would take.
 */
const MAX_LISTED_PROBLEMS = 1000
const READABLE = '(DA Desk reads .json, .ndjson and .csv)'

/** A record found in the file, not yet validated, or why it could not be read. */
export type Candidate = { at: string; raw: unknown } | { at: string; rejection: Rejection }

/**
 * The read phase: every check on the file as a whole, so that its verdict is known before any of
 * its records is stored. Either why the whole file is rejected, or its records, not yet validated.
 */
export type FeedRead =
  { error: string; candidates: null } | { error: null; candidates: Candidate[] }
type Read = { ok: true; candidates: Candidate[] } | { ok: false; error: string }

/** Both phases in one go: the whole file's verdict, or its valid records and its rejections. */
export function parseFeedFile(fileName: string, bytes: Uint8Array, nowMs: number): ParsedFeedFile {
  const read = readFeedFile(fileName, bytes)
  if (read.error !== null) return { error: read.error, valid: [], rejected: [] }
  const validator = feedValidator(read.candidates, nowMs)
  const valid = validator.next(Infinity)
  return { error: null, valid, rejected: validator.rejected() }
}

/** The read phase alone: the whole file's verdict, or its records, not yet validated. */
export function readFeedFile(fileName: string, bytes: Uint8Array): FeedRead {
  const baseName = fileName.slice(
    Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1,
  )
  const dot = baseName.lastIndexOf('.')
  const extension = dot > 0 ? baseName.slice(dot + 1).toLowerCase() : ''
  if (extension !== 'json' && extension !== 'ndjson' && extension !== 'csv') {
    return fileError(
      extension
        ? `unsupported file type .${extension} ${READABLE}`
        : `unsupported file type: the name has no extension ${READABLE}`,
    )
  }
  if (bytes.length > MAX_FEED_FILE_BYTES) {
    const size = (bytes.length / (1024 * 1024)).toFixed(1)
    return fileError(`the file is too large (${size} MiB; DA Desk reads files up to 64 MiB)`)
  }
  const decoded = decodeUtf8(bytes)
  if (!decoded.ok) return fileError(decoded.error)
  const text = decoded.text
  if (!text.trim()) return fileError('the file is empty')

  const read =
    extension === 'json'
      ? readJson(text)
      : extension === 'ndjson'
        ? readNdjson(text)
        : readCsv(text)
  if (!read.ok) return fileError(read.error)
  if (!read.candidates.length) return fileError('the file has no incidents')
  return { error: null, candidates: read.candidates }
}

function tooMany(): string {
  const most = thousands(MAX_INCIDENTS)
  return `the file has more than ${most} incidents; split it into smaller files`
}

function fileError(error: string): FeedRead {
  return { error, candidates: null }
}

function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: 'not UTF-8 text (it looks like UTF-16; save it as UTF-8)' }
  }
  if (bytes.includes(0)) return { ok: false, error: 'not UTF-8 text (it contains NUL bytes)' }
  try {
    // The decoder drops a leading byte-order mark.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, error: 'not UTF-8 text' }
  }
}

type JsonParse = { ok: true; value: unknown } | { ok: false; error: string }

function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    if (error instanceof SyntaxError) {
      // V8 quotes the start of the text ('Unexpected token 'R', "Riley Test"... is not valid
      // JSON'): that may be a victim's name, and this message goes into reports and the audit log.
      const message = error.message
        .replace(/\s+/g, ' ')
        .replace(/, ".*"(\.\.\.)? is not valid JSON$/, '')
      return { ok: false, error: `not valid JSON: ${message}` }
    }
    if (error instanceof RangeError) {
      return { ok: false, error: 'the JSON is nested too deeply or is too large to read' }
    }
    throw error
  }
}

function readJson(text: string): Read {
  const parsed = parseJson(text)
  if (!parsed.ok) return parsed
  const value = parsed.value
  if (Array.isArray(value)) {
    if (value.length > MAX_INCIDENTS) return { ok: false, error: tooMany() }
    return { ok: true, candidates: value.map((raw: unknown, i) => ({ at: `index ${i}`, raw })) }
  }
  if (typeof value === 'object' && value !== null) {
    return { ok: true, candidates: [{ at: 'record', raw: value }] }
  }
  return {
    ok: false,
    error: `must be one incident object or an array of incident objects, found ${describeType(value)}`,
  }
}

function readNdjson(text: string): Read {
  const candidates: Candidate[] = []
  let number = 0
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start)
    const stop = newline === -1 ? text.length : newline
    const line = text.slice(start, stop)
    start = stop + 1
    number++
    if (!line.trim()) continue
    if (candidates.length === MAX_INCIDENTS) return { ok: false, error: tooMany() }
    const at = `line ${number}`
    const parsed = parseJson(line)
    if (parsed.ok) candidates.push({ at, raw: parsed.value })
    else {
      // The place is already the line; JSON.parse's own "(line 1 column 9)" would only confuse.
      const reason = parsed.error.replace(
        / at position \d+ \(line 1 column (\d+)\)/,
        ' at column $1',
      )
      candidates.push({ at, rejection: { at, field: 'record', reason } })
    }
  }
  return { ok: true, candidates }
}

function readCsv(text: string): Read {
  const parsed = parseCsv(text, MAX_INCIDENTS)
  if (!parsed.ok) return parsed
  const records = csvRowsToRecords(parsed.rows)
  if (!records.ok) return records
  return { ok: true, candidates: records.rows }
}

export interface FeedValidator {
  /**
   * Validates candidates in file order until `most` of them are valid or none is left; returns
   * the valid ones, empty only when none is left.
   */
  next(most: number): ValidRecord[]
  /** True once every candidate has been validated. */
  readonly done: boolean
  /** The problems found, at most MAX_LISTED_PROBLEMS of them and a count of the rest. */
  rejected(): Rejection[]
}

/**
 * Validates the candidates a part at a time, in file order, as one pass over them all would. A
 * reference repeated within the file is kept only when its updatedAt is newer than the newest one
 * kept so far, as an update would be.
 */
export function feedValidator(candidates: readonly Candidate[], nowMs: number): FeedValidator {
  const rejected: Rejection[] = []
  let unlisted = 0
  const list = (problems: readonly Rejection[]): void => {
    for (const problem of problems) {
      if (rejected.length < MAX_LISTED_PROBLEMS) rejected.push(problem)
      else unlisted++
    }
  }
  /** Where each reference was last kept, and its updatedAt then. */
  const newestByRef = new Map<string, { at: string; updatedMs: number }>()
  let position = 0
  return {
    next(most) {
      const valid: ValidRecord[] = []
      while (valid.length < most && position < candidates.length) {
        const candidate = candidates[position++]!
        if ('rejection' in candidate) {
          list([candidate.rejection])
          continue
        }
        const { at } = candidate
        const result = validateRecord(candidate.raw, at, nowMs)
        if (!result.ok) {
          list(result.rejections)
          continue
        }
        const { incident } = result
        const updatedMs = Date.parse(incident.updatedAt)
        const earlier = newestByRef.get(incident.incidentRef)
        if (earlier && updatedMs <= earlier.updatedMs) {
          const reason = `appears again at ${earlier.at} of this file without a newer updatedAt`
          list([{ at, field: 'incidentRef', reason }])
          continue
        }
        valid.push({ at, incident })
        newestByRef.set(incident.incidentRef, { at, updatedMs })
      }
      return valid
    },
    get done() {
      return position === candidates.length
    },
    rejected() {
      if (!unlisted) return [...rejected]
      const reason = `and ${thousands(unlisted)} more problems, not listed (the first ${thousands(MAX_LISTED_PROBLEMS)} are)`
      return [...rejected, { at: 'file', field: 'record', reason }]
    },
  }
}
