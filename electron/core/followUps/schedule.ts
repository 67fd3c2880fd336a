// When a follow-up is due: a calendar day in London, so "six weeks later" is the same weekday
// six weeks on whether or not the clocks changed in between, and it is due all that day.
import type { Settings } from '#shared/domain.ts'
import { CALENDAR_DATE, DEFAULT_FOLLOW_UP_DAYS } from '#shared/followUp.ts'
import { londonDate, toIsoUtc } from '#shared/time.ts'
import type { DeskQueries } from '../db/deskQueries.ts'

export function followUpSettings(desk: DeskQueries): Pick<Settings, 'followUpDays'> {
  return {
    followUpDays: (desk.setting('followUpDays') as number | undefined) ?? DEFAULT_FOLLOW_UP_DAYS,
  }
}

const two = (n: number) => String(n).padStart(2, '0')

/** The London calendar day `days` after the one at `nowMs`, as yyyy-MM-dd. */
export function londonDayAfter(nowMs: number, days: number): string {
  const { year, month, day } = londonDate(toIsoUtc(nowMs))
  const d = new Date(Date.UTC(year, month - 1, day + days))
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`
}

/** Whether a yyyy-MM-dd string is a day on the calendar (not 31/02). */
export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}
