// Time for people: everything is stored in UTC and shown in Europe/London, 24-hour, en-GB.
export const TIME_ZONE = 'Europe/London'

const wallClock: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
}
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', wallClock)
const partsFormat = new Intl.DateTimeFormat('en-GB', { ...wallClock, second: '2-digit' })

/** The canonical stored form of an instant: ISO 8601 UTC with milliseconds. */
export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString()
}

/** dd/MM/yyyy HH:mm in Europe/London. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso)).replace(',', '')
}

/** HH:mm in Europe/London. */
export function formatTime(iso: string): string {
  return formatDateTime(iso).slice(11)
}

/** How long ago, for a queue row: "just now", "12 min", "1 h 05 min", "2 d 3 h". */
export function formatAge(iso: string, nowMs: number): string {
  const minutes = Math.floor((nowMs - Date.parse(iso)) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`
  return `${Math.floor(hours / 24)} d ${hours % 24} h`
}

/** London's offset from UTC, in minutes, at the given instant. */
function londonOffsetMinutes(ms: number): number {
  const p = Object.fromEntries(
    partsFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]),
  )
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000)
}

/**
 * Parses a London wall-clock time typed as dd/MM/yyyy HH:mm and returns it as ISO UTC, or null
 * when it is not a real date and time. In the autumn hour that happens twice, the first (BST)
 * is taken; a time in the spring gap is moved forward, as clocks do.
 */
export function parseLondonDateTime(input: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/.exec(input)
  if (!m) return null
  const [day, month, year, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || day < 1) return null
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  // London's offset an hour before the wall-clock reading, applied to it, gives the first
  // occurrence of an ambiguous time and moves a time in the spring gap forward an hour.
  return toIsoUtc(wall - londonOffsetMinutes(wall - 60 * 60_000) * 60_000)
}

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
})
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** The calendar date in London at an instant; weekday 1 is Monday, 7 Sunday. */
export function londonDate(iso: string): {
  year: number
  month: number
  day: number
  weekday: number
} {
  const p = Object.fromEntries(dateParts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))
  return {
    year: +p.year!,
    month: +p.month!,
    day: +p.day!,
    weekday: WEEKDAYS.indexOf(p.weekday!) + 1,
  }
}

/**
 * The instant a London calendar day starts, as ISO UTC. Days past the end of a month roll on
 * (32 January is 1 February), so callers can step through the calendar by adding days.
 */
export function londonMidnight(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day))
  const two = (n: number) => String(n).padStart(2, '0')
  const typed = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} 00:00`
  return parseLondonDateTime(typed)!
}
