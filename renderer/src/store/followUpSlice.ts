// The follow-up calls the page shows: every open one (for the Follow-ups due view and the queue's
// mark), the follow-up script, and the worker's answers and calls, reloaded after each so the
// view, the mark and the open incident agree.
import type { ApiError, CallRequest } from '#shared/contract.ts'
import type { FollowUp } from '#shared/followUp.ts'
import type { ContactScript } from '#shared/script.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'

export interface FollowUpSlice {
  /** Every open follow-up, soonest due first. */
  followUps: FollowUp[]
  followUpScript: ContactScript | null
  loadFollowUps(): Promise<void>
  /** Resolves to the problem when the answer was refused. */
  answerFollowUp(followUpId: number, questionId: string, value: string): Promise<ApiError | null>
  /** Resolves to the problem when the call was refused, for the form to show. */
  recordFollowUpCall(request: CallRequest<'followUps.recordCall'>): Promise<ApiError | null>
  /** Schedules a follow-up by hand, or moves the open one; resolves to the refusal. */
  scheduleFollowUp(request: CallRequest<'followUps.schedule'>): Promise<ApiError | null>
  cancelFollowUp(request: CallRequest<'followUps.cancel'>): Promise<ApiError | null>
  /** Resolves to the reason when the number of days was refused, for the form. */
  saveFollowUpDays(followUpDays: number): Promise<string | null>
}

export const createFollowUpSlice: DeskSlice<FollowUpSlice> = (set, get) => {
  async function after(result: { ok: true } | { ok: false; error: ApiError }) {
    if (!result.ok) return result.error
    await get().loadFollowUps()
    return null
  }

  return {
    followUps: [],
    followUpScript: null,
    loadFollowUps: async () => {
      const [list, script] = await Promise.all([
        call('followUps.list', {}),
        get().followUpScript ? null : call('followUps.script', {}),
      ])
      if (list.ok) set({ followUps: list.value })
      if (script?.ok) set({ followUpScript: script.value })
    },
    answerFollowUp: async (followUpId, questionId, value) =>
      after(
        await call('followUps.answer', {
          followUpId,
          scriptVersion: get().followUpScript?.version ?? '',
          questionId,
          value,
        }),
      ),
    recordFollowUpCall: async (request) => after(await call('followUps.recordCall', request)),
    scheduleFollowUp: async (request) => after(await call('followUps.schedule', request)),
    cancelFollowUp: async (request) => after(await call('followUps.cancel', request)),
    saveFollowUpDays: async (followUpDays) => {
      const result = await call('settings.update', { followUpDays })
      if (!result.ok) return result.error.message
      set({ settings: result.value })
      get().tell(`Follow-up calls are now due ${followUpDays} days after the contact.`, 'success')
      return null
    },
  }
}
