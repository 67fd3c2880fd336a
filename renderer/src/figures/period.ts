// Periods for the Figures view as a manager types them: whole London calendar days, dd/mm/yyyy,
// both ends included. The Node side takes a period as [from, to) instants, so the end sent is the
// midnight after the last day (London time, so a period over a clock change is still whole days).
import { formatDateTime, parseLondonDateTime, toIsoUtc } from '#shared/time.ts'

export interface Day {
  year: number
  month: number
  day: number
}

const two = (n: number) => String(n).padStart(2, '0')

export function dayText({ year, month, day }: Day): string {
  return `${two(day)}/${two(month)}/${year}`
}

/** A real calendar day typed as dd/mm/yyyy, or null. */
export function parseDay(text: string): Day | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text)
  if (!m) return null
  const [day, month, year] = m.slice(1).map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return { year, month, day }
}

/** The day in London at an instant. */
function londonDay(ms: number): Day {
  return parseDay(formatDateTime(toIsoUtc(ms)).slice(0, 10))!
}

/** Days from a day, rolling over months and years as the calendar does. */
function addDays({ year, month, day }: Day, days: number): Day {
  const date = new Date(Date.UTC(year, month - 1, day + days))
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

function lastDayOfMonth(year: number, month: number): Day {
  return { year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() }
}

/** From the start of the first day to the end of the last (London), as ISO UTC instants. */
export function periodOf(first: Day, last: Day): { from: string; to: string } {
  const start = (d: Day) => parseLondonDateTime(`${dayText(d)} 00:00`)!
  return { from: start(first), to: start(addDays(last, 1)) }
}

/** The London calendar month that holds the instant, moved by `months`. */
export function monthOf(nowMs: number, months = 0): { first: Day; last: Day } {
  const today = londonDay(nowMs)
  const date = new Date(Date.UTC(today.year, today.month - 1 + months, 1))
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() + 1
  return { first: { year, month, day: 1 }, last: lastDayOfMonth(year, month) }
}

/** "03/11" for a dd/MM/yyyy date. */
export function shortDate(ddMMyyyy: string): string {
  return ddMMyyyy.slice(0, 5)
}

/** The London day an instant falls on, as dd/MM/yyyy; the day before for a period's end. */
export function dateOf(iso: string, end = false): string {
  return formatDateTime(toIsoUtc(Date.parse(iso) - (end ? 1 : 0))).slice(0, 10)
}
