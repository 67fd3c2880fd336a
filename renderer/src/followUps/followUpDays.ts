// Follow-up days as the worker reads and types them: dd/MM/yyyy on screen, yyyy-MM-dd between the
// page and the Node side, and today's day in London to tell due from upcoming.
import { formatDateTime, toIsoUtc } from '#shared/time.ts'
import { dayText, parseDay } from '../figures/period.ts'

/** yyyy-MM-dd as dd/MM/yyyy. */
export const showDay = (day: string) => day.split('-').reverse().join('/')

/** A day typed as dd/mm/yyyy as yyyy-MM-dd, or null when it is not a real day. */
export function typedDay(text: string): string | null {
  const day = parseDay(text)
  if (!day) return null
  return dayText(day).split('/').reverse().join('-')
}

/** Today in London as yyyy-MM-dd. */
export const londonToday = (nowMs: number) =>
  formatDateTime(toIsoUtc(nowMs)).slice(0, 10).split('/').reverse().join('-')
