// Phone calls to the victim: each attempt is logged as it happens (append-only). The Node side
// moves the worker's progress on (a call that reached the victim is contact) and pushes the
// changed queue row.
import type { ApiError, CallRequest } from '#shared/contract.ts'
import { CONTACT_RESULT_LABELS } from '#shared/domain.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'

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
    return null
  },
})
