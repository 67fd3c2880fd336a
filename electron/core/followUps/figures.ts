// What the figures count of follow-up calls in a period: follow-ups scheduled in it, calls made
// in it, how many reached the victim and each outcome. Counted apart from the shift figures,
// since a follow-up belongs to the day it is made, not to the shift of the first contact.
import type { FollowUpFigures } from '#shared/followUp.ts'
import { FOLLOW_UP_OUTCOMES, REACHED_OUTCOMES } from '#shared/followUp.ts'
import type { FollowUpQueries } from '../db/followUpQueries.ts'
import type { FollowUpsOpen, HandoverQueries } from '../db/handoverQueries.ts'
import { londonDate } from '#shared/time.ts'

export function followUpFigures(
  queries: FollowUpQueries,
  period: { from: string; to: string },
): FollowUpFigures {
  const outcomes = Object.fromEntries(
    FOLLOW_UP_OUTCOMES.map((o) => [o, 0]),
  ) as FollowUpFigures['outcomes']
  for (const { outcome, n } of queries.callsIn(period.from, period.to)) outcomes[outcome] = n
  return {
    scheduled: queries.scheduledIn(period.from, period.to),
    calls: FOLLOW_UP_OUTCOMES.reduce((n, o) => n + outcomes[o], 0),
    reached: REACHED_OUTCOMES.reduce((n, o) => n + outcomes[o], 0),
    outcomes,
  }
}

/**
 * Follow-ups still open at an instant (the end of a shift, week or period), and those of them
 * overdue: due before the London day the instant falls on. A snapshot, so never added up.
 */
export function followUpsOpenAt(queries: HandoverQueries, at: string): FollowUpsOpen {
  const { year, month, day } = londonDate(at)
  const two = (n: number) => String(n).padStart(2, '0')
  return queries.followUpsOpen(at, `${year}-${two(month)}-${two(day)}`)
}
