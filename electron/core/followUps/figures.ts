// What the figures count of follow-up calls in a period: follow-ups scheduled in it, calls made
// in it, how many reached the victim and each outcome. Counted apart from the shift figures,
// since a follow-up belongs to the day it is made, not to the shift of the first contact.
import type { FollowUpFigures } from '#shared/followUp.ts'
import { FOLLOW_UP_OUTCOMES } from '#shared/followUp.ts'
import type { FollowUpQueries } from '../db/followUpQueries.ts'

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
    reached: outcomes['reached-supported'] + outcomes['reached-declined'],
    outcomes,
  }
}
