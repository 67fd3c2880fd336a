// Phone calls to the victim: each attempt is logged as it happens (append-only), and a call
// that reached the victim moves the worker's progress on to Contacted.
import type { ApiError, CallRequest } from '#shared/contract.ts'
import { CONTACT_RESULT_LABELS, type ContactResult } from '#shared/domain.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'

/** Results that mean the worker reached the victim (who may still have declined support). */
const REACHED: readonly ContactResult[] = ['spoke-to-victim', 'declined']

export interface ContactSlice {
  /** Logs a call attempt; resolves to the problem when it was refused, for the form to show. */
  logAttempt(attempt: CallRequest<'contact.logAttempt'>): Promise<ApiError | null>
}

export const createContactSlice: DeskSlice<ContactSlice> = (set, get) => ({
  logAttempt: async (attempt) => {
    const result = await call('contact.logAttempt', attempt)
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') get().reportProblem('', result.error)
      return result.error
    }
    const logged = result.value
    // Shown at once; `incident.recordAdded` then reloads the incident and its queue row.
    const detail = get().detail
    if (detail && detail.row.id === logged.incidentId) {
      set({ detail: { ...detail, attempts: [...detail.attempts, logged] } })
    }
    get().tell(`Call logged: ${CONTACT_RESULT_LABELS[logged.result]}.`, 'success')
    const row = get().rowsById.get(logged.incidentId)
    const progress = row?.progress ?? detail?.row.progress
    if (REACHED.includes(logged.result) && (progress === 'new' || progress === 'reviewing')) {
      await get().setProgress(logged.incidentId, 'contacted')
    }
    return null
  },
})
