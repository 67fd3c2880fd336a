// Shifts at sign-in: a worker joins the shift that is open, or starts one. A shift left open with
// nothing done in it for SHIFT_LAPSE_MS was abandoned (the app was closed without a hand over):
// it ends at its last activity, without a handover, and a new shift starts.
import type { Shift } from '#shared/handover.ts'
import type { HandoverQueries } from '../db/handoverQueries.ts'
import type { DeskContext } from '../deskContext.ts'

export const SHIFT_LAPSE_MS = 12 * 60 * 60_000

/** Whether an open shift has had nothing done in it for SHIFT_LAPSE_MS at `at`. */
function lapsedAt(queries: HandoverQueries, shift: Shift, at: string): string | null {
  const last = queries.lastActivity(shift.id) ?? shift.startedAt
  return Date.parse(at) - Date.parse(last) >= SHIFT_LAPSE_MS ? last : null
}

/** The shift a worker signing in at `at` would join: the open one, unless it has lapsed. */
export function joinableShift(queries: HandoverQueries, at: string): Shift | null {
  const open = queries.openShift()
  return open && lapsedAt(queries, open, at) === null ? open : null
}

/** Puts a session that has just signed in into a shift; returns the shift's id. */
export function joinShiftAtSignIn(
  queries: HandoverQueries,
  sessionId: number,
  at: string,
  audit: DeskContext['audit'],
): number {
  const open = queries.openShift()
  if (open) {
    const last = lapsedAt(queries, open, at)
    if (last === null) {
      queries.joinShift(open.id, sessionId)
      audit('shift.join', null, { shiftId: open.id })
      return open.id
    }
    queries.endShift(open.id, last, null)
    audit('shift.lapsed', null, { shiftId: open.id, endedAt: last })
  }
  const id = queries.startShift(at)
  queries.joinShift(id, sessionId)
  audit('shift.start', null, { shiftId: id })
  return id
}
