// Checks one incident record against feed format v1 (docs: shared/design/feed-format.md) and
// normalises it: grade 1–4, enums lowercased, strings trimmed, times as ISO 8601 UTC. A record
// is rejected alone, with every problem it has, each naming its field and a reason an integrator
// can act on. Fields outside the format are kept in `extra`, never dropped, and never allowed to
// touch a prototype or to nest deeply enough to break the code that stores and shows them.
import type {
  CallerRole,
  Grade,
  IncidentFields,
  PoliceStatus,
  Rejection,
  Source,
} from '#shared/domain.ts'
import { CALLER_ROLES, KNOWN_FLAGS, POLICE_STATUSES, SOURCES } from '#shared/domain.ts'

export type RecordCheck =
  { ok: true; incident: IncidentFields } | { ok: false; rejections: Rejection[] }

const MAX_REF = 64
const MAX_SUMMARY = 4000
const MAX_FLAGS = 50
const MAX_FLAG_LENGTH = 64
const MAX_EXTRA_KEYS = 200
const MAX_EXTRA_DEPTH = 32
/** Clocks drift; a C&C server a little ahead of this computer must not lose its records. */
const CLOCK_TOLERANCE_MS = 60 * 60_000

const TOP_LEVEL_FIELDS = new Set([
  'incidentRef',
  'receivedAt',
  'updatedAt',
  'grade',
  'status',
  'source',
  'summary',
  'location',
  'callerRole',
  'victim',
  'suspect',
  'flags',
])

const GROUP_FIELDS = {
  location: ['address', 'postcode'],
  victim: ['name', 'phone', 'dateOfBirth'],
  suspect: ['name', 'relationship'],
} as const
type Group = keyof typeof GROUP_FIELDS

const GRADE_WORDS = new Map<string, Grade>([
  ['immediate', 1],
  ['priority', 2],
  ['scheduled', 3],
  ['resolution', 4],
])
const GRADE_REASON = 'must be 1, 2, 3 or 4, G1–G4, or immediate, priority, scheduled or resolution'
const DATE_TIME_REASON =
  'must be an ISO 8601 date-time with Z or an offset, e.g. 2026-11-21T15:04:12Z'
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const REF = /^[A-Za-z0-9/_-]+$/

type Fields = Record<string, unknown>

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads only the object's own property, so nothing comes from a prototype. */
function own(fields: Fields, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && !value.trim())
}

/** What a value is, in the words a report uses: "found a string". */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'boolean') return 'true or false'
  return `a ${typeof value}`
}

/** The value itself for short scalars, so a reason can say what was wrong. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value
    return JSON.stringify(shown)
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return describeType(value)
}

/** 4000 as 4,000, for reasons people read. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Characters as a reader counts them: an emoji is one, not two UTF-16 units. */
function characterCount(text: string): number {
  let count = text.length
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--
        i++
      }
    }
  }
  return count
}

function daysInMonth(year: number, month: number): number {
  const lastDay = new Date(0)
  lastDay.setUTCFullYear(year, month, 0)
  return lastDay.getUTCDate()
}

function utcMs(year: number, month: number, day: number, h = 0, m = 0, s = 0, ms = 0): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(h, m, s, ms)
  return date.getTime()
}

type Parsed = { ok: true; ms: number } | { ok: false; reason: string }

function parseDateTime(value: unknown): Parsed {
  if (typeof value !== 'string') {
    return { ok: false, reason: `${DATE_TIME_REASON}, found ${describeType(value)}` }
  }
  const m = DATE_TIME.exec(value.trim())
  if (!m) return { ok: false, reason: DATE_TIME_REASON }
  const [year, month, day, hour, minute, second] = m
    .slice(1, 7)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  const fraction = m[7] ?? ''
  const zone = m[8]
  if (!zone) {
    return {
      ok: false,
      reason: `has no Z or offset, so the moment is ambiguous; ${DATE_TIME_REASON}`,
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `is not a real date (${m[1]}-${m[2]}-${m[3]} does not exist)` }
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return {
      ok: false,
      reason: 'is not a real time (hours go up to 23, minutes and seconds to 59)',
    }
  }
  let offsetMinutes = 0
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '')
    const oh = Number(digits.slice(0, 2))
    const om = Number(digits.slice(2))
    if (om > 59 || oh * 60 + om > 14 * 60) {
      return { ok: false, reason: `has an offset of ${zone}, beyond the largest real one (±14:00)` }
    }
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om)
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3))
  const local = utcMs(year, month, day, hour, minute, second, millis)
  return { ok: true, ms: local - offsetMinutes * 60_000 }
}

/**
 * Why an unknown value cannot be kept, or null when it can: it must be plain JSON data (records
 * typed by hand arrive through IPC, which allows more), at most 32 levels deep, and a tree. The
 * walk uses its own stack so that no depth of nesting can overflow the call stack.
 */
function extraProblem(value: unknown): string | null {
  const seen = new Set<object>()
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const v = next.value
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue
    if (typeof v === 'number' && Number.isFinite(v)) continue
    const isArray = Array.isArray(v)
    if (typeof v !== 'object' || v === null) return 'must be plain JSON data'
    const proto: unknown = Object.getPrototypeOf(v)
    if (!isArray && proto !== Object.prototype && proto !== null) return 'must be plain JSON data'
    if (next.depth >= MAX_EXTRA_DEPTH) {
      return `is nested too deeply (more than ${MAX_EXTRA_DEPTH} levels of arrays or objects)`
    }
    if (seen.has(v)) return 'must be plain JSON data (it contains the same object twice)'
    seen.add(v)
    const children: unknown[] = isArray ? v : Object.values(v)
    for (const child of children) stack.push({ value: child, depth: next.depth + 1 })
  }
  return null
}

/**
 * Validates and normalises one raw record. `at` says where it was ("index 2", "line 3",
 * "row 4", "record"); `nowMs` is this computer's clock, for the checks against the future.
 */
export function validateRecord(raw: unknown, at: string, nowMs: number): RecordCheck {
  const rejections: Rejection[] = []
  const reject = (field: string, reason: string): void => {
    rejections.push({ at, field, reason })
  }
  if (!isObject(raw)) {
    reject('record', `must be an incident object, found ${describeType(raw)}`)
    return { ok: false, rejections }
  }

  const text = (value: unknown, field: string, max: number, required: boolean): string | null => {
    if (isAbsent(value)) {
      if (required) reject(field, 'required')
      return null
    }
    if (typeof value !== 'string') {
      reject(field, `must be text, found ${describeType(value)}`)
      return null
    }
    const trimmed = value.trim()
    // A string within the limit in UTF-16 units is within it in characters too.
    const count = trimmed.length > max ? characterCount(trimmed) : trimmed.length
    if (count > max) {
      reject(field, `must be at most ${thousands(max)} characters (it has ${thousands(count)})`)
      return null
    }
    return trimmed
  }

  const oneOf = <T extends string>(
    field: string,
    allowed: readonly T[],
    numbersAllowed: boolean,
  ): T | null => {
    const value = own(raw, field)
    if (isAbsent(value)) return null
    const spelled =
      typeof value === 'string'
        ? value.trim().toLowerCase()
        : numbersAllowed && typeof value === 'number'
          ? String(value)
          : null
    const match = allowed.find((candidate) => candidate === spelled)
    if (match === undefined) {
      reject(field, `must be one of ${allowed.join(', ')}, found ${describeValue(value)}`)
      return null
    }
    return match
  }

  const extra: [string, unknown][] = []
  const extraKeys = new Set<string>()
  const keep = (key: string, value: unknown): void => {
    if (value === undefined) return
    if (extraKeys.has(key)) {
      reject(key, 'is given twice, as a dotted name and inside its object')
      return
    }
    extraKeys.add(key)
    extra.push([key, value])
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_FIELDS.has(key)) keep(key, raw[key])
  }

  const group = (name: Group): Fields => {
    const value = own(raw, name)
    if (isAbsent(value)) return {}
    if (!isObject(value)) {
      const fields = GROUP_FIELDS[name].join(', ')
      reject(name, `must be an object with ${fields}, found ${describeType(value)}`)
      return {}
    }
    const known: readonly string[] = GROUP_FIELDS[name]
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) keep(`${name}.${key}`, value[key])
    }
    return value
  }

  // incidentRef
  const incidentRef = text(own(raw, 'incidentRef'), 'incidentRef', MAX_REF, true)
  if (incidentRef !== null && !REF.test(incidentRef)) {
    reject('incidentRef', 'may only contain letters, digits, /, - and _')
  }

  // receivedAt, updatedAt
  let receivedMs: number | null = null
  const receivedRaw = own(raw, 'receivedAt')
  if (isAbsent(receivedRaw)) {
    reject('receivedAt', 'required')
  } else {
    const received = parseDateTime(receivedRaw)
    if (!received.ok) reject('receivedAt', received.reason)
    else if (received.ms > nowMs + CLOCK_TOLERANCE_MS) {
      reject('receivedAt', futureReason(received.ms))
    } else receivedMs = received.ms
  }
  let updatedMs: number | null = null
  const updatedRaw = own(raw, 'updatedAt')
  if (!isAbsent(updatedRaw)) {
    const updated = parseDateTime(updatedRaw)
    if (!updated.ok) reject('updatedAt', updated.reason)
    // A far-future updatedAt would make the record outrank every later, real update.
    else if (updated.ms > nowMs + CLOCK_TOLERANCE_MS) reject('updatedAt', futureReason(updated.ms))
    else if (receivedMs !== null && updated.ms < receivedMs) {
      reject('updatedAt', 'is before receivedAt')
    } else updatedMs = updated.ms
  }

  // grade
  const gradeRaw = own(raw, 'grade')
  let grade: Grade | null = null
  if (isAbsent(gradeRaw)) reject('grade', 'required')
  else {
    grade = parseGrade(gradeRaw)
    if (grade === null) reject('grade', `${GRADE_REASON}, found ${describeValue(gradeRaw)}`)
  }

  const status: PoliceStatus = oneOf('status', POLICE_STATUSES, false) ?? 'open'
  const source: Source | null = oneOf('source', SOURCES, true)
  const callerRole: CallerRole | null = oneOf('callerRole', CALLER_ROLES, false)
  const summary = text(own(raw, 'summary'), 'summary', MAX_SUMMARY, true)

  const location = group('location')
  const victim = group('victim')
  const suspect = group('suspect')
  const address = text(own(location, 'address'), 'location.address', 500, false)
  const postcode = text(own(location, 'postcode'), 'location.postcode', 16, false)
  const victimName = text(own(victim, 'name'), 'victim.name', 200, false)
  const phone = text(own(victim, 'phone'), 'victim.phone', 40, false)
  const dateOfBirth = checkDateOfBirth(own(victim, 'dateOfBirth'), nowMs, reject)
  const suspectName = text(own(suspect, 'name'), 'suspect.name', 200, false)
  const relationship = text(own(suspect, 'relationship'), 'suspect.relationship', 100, false)
  const flags = checkFlags(own(raw, 'flags'), reject)

  if (extra.length > MAX_EXTRA_KEYS) {
    reject(
      'record',
      `has ${thousands(extra.length)} fields that are not in the format; at most ${MAX_EXTRA_KEYS} are kept`,
    )
  } else {
    for (const [key, value] of extra) {
      const problem = extraProblem(value)
      if (problem) reject(key, problem)
    }
  }

  if (rejections.length || incidentRef === null || receivedMs === null || grade === null) {
    return { ok: false, rejections }
  }
  const receivedAt = new Date(receivedMs).toISOString()
  return {
    ok: true,
    incident: {
      incidentRef,
      receivedAt,
      updatedAt: updatedMs === null ? receivedAt : new Date(updatedMs).toISOString(),
      grade,
      status,
      source,
      summary: summary ?? '',
      location: { address, postcode },
      callerRole,
      victim: { name: victimName, phone, dateOfBirth },
      suspect: { name: suspectName, relationship },
      flags,
      // fromEntries defines own properties, so a "__proto__" key stays data.
      extra: Object.fromEntries(extra),
    },
  }
}

function futureReason(ms: number): string {
  return `is in the future (${new Date(ms).toISOString()} is more than 1 hour ahead of this computer's clock)`
}

function parseGrade(value: unknown): Grade | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1 && value <= 4 ? (value as Grade) : null
  }
  if (typeof value !== 'string') return null
  const spelled = value.trim().toLowerCase()
  const digit = /^g?([1-4])$/.exec(spelled)
  if (digit) return Number(digit[1]) as Grade
  return GRADE_WORDS.get(spelled) ?? null
}

function checkDateOfBirth(
  value: unknown,
  nowMs: number,
  reject: (field: string, reason: string) => void,
): string | null {
  const field = 'victim.dateOfBirth'
  if (isAbsent(value)) return null
  const reason = 'must be a date written YYYY-MM-DD, e.g. 1990-04-17'
  if (typeof value !== 'string') {
    reject(field, `${reason}, found ${describeType(value)}`)
    return null
  }
  const trimmed = value.trim()
  const m = DATE.exec(trimmed)
  if (!m) {
    reject(field, reason)
    return null
  }
  const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    reject(field, `is not a real date (${trimmed} does not exist)`)
    return null
  }
  if (utcMs(year, month, day) > nowMs) {
    reject(field, 'is in the future')
    return null
  }
  return trimmed
}

function checkFlags(value: unknown, reject: (field: string, reason: string) => void): string[] {
  if (isAbsent(value)) return []
  if (!Array.isArray(value)) {
    reject(
      'flags',
      `must be a list of markers, e.g. ["weapon", "injury"], found ${describeType(value)}`,
    )
    return []
  }
  if (value.length > MAX_FLAGS) {
    reject('flags', `must have at most ${MAX_FLAGS} markers (it has ${thousands(value.length)})`)
    return []
  }
  const flags = new Set<string>()
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i]
    const field = `flags[${i}]`
    if (typeof item !== 'string') {
      reject(field, `must be text, found ${describeType(item)}`)
      continue
    }
    const trimmed = item.trim()
    if (!trimmed) reject(field, 'must not be empty')
    else if (characterCount(trimmed) > MAX_FLAG_LENGTH) {
      reject(field, `must be at most ${MAX_FLAG_LENGTH} characters`)
    } else {
      const known = KNOWN_FLAGS.find((flag) => flag === trimmed.toLowerCase())
      flags.add(known ?? trimmed)
    }
  }
  return [...flags]
}
