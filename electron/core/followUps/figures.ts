// The follow-ups open at the end of a shift, week or period: the figures' one snapshot of them.
import type { FollowUpsOpen, HandoverQueries } from '../db/handoverQueries.ts'
import { londonDate } from '#shared/time.ts'

/**
 * Follow-ups still open at an instant (the end of a shift, week or period), and those of them
 * overdue: due before the London day the instant falls on. A snapshot, so never added up.
 */
export function followUpsOpenAt(queries: HandoverQueries, at: string): FollowUpsOpen {
  const { year, month, day } = londonDate(at)
  const two = (n: number) => String(n).padStart(2, '0')
  return queries.followUpsOpen(at, `${year}-${two(month)}-${two(day)}`)
}
