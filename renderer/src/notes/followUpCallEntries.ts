// The follow-up calls made on an incident, for its timeline. Each is titled "Follow-up call: …",
// so the worker can tell it from the first contact's "Call: …" attempts, and says when it is to
// be tried again when the victim was not reached or it was not safe to talk.
import type { IncidentDetail } from '#shared/domain.ts'
import { FOLLOW_UP_OUTCOME_LABELS, type FollowUpCall } from '#shared/followUp.ts'
import { showDay } from '../followUps/followUpDays.ts'

export interface FollowUpCallEntry {
  kind: 'followUpCall'
  key: string
  at: string
  call: FollowUpCall
  title: string
  /** "Try again on 04/01/2027", or null. */
  tryAgain: string | null
}

export function followUpCallEntries(
  detail: Pick<IncidentDetail, 'followUps'>,
): FollowUpCallEntry[] {
  return detail.followUps.flatMap((followUp) =>
    followUp.calls.map((call) => ({
      kind: 'followUpCall' as const,
      key: `follow-up-call-${call.id}`,
      at: call.at,
      call,
      title: `Follow-up call: ${FOLLOW_UP_OUTCOME_LABELS[call.outcome]}`,
      tryAgain: call.tryAgainOn === null ? null : `Try again on ${showDay(call.tryAgainOn)}`,
    })),
  )
}
