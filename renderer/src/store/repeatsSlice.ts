// Repeat victims and addresses: dismissing an earlier incident as a false match. The Node side
// checks it is a match of that kind and not already dismissed; the open incident is reloaded, as
// its counts, its escalation suggestion and its queue row all change with it.
import type { ApiError, CallRequest } from '#shared/contract.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'

export interface RepeatsSlice {
  dismissRepeat(request: CallRequest<'repeats.dismiss'>): Promise<ApiError | null>
}

export const createRepeatsSlice: DeskSlice<RepeatsSlice> = (_set, get) => ({
  dismissRepeat: async (request) => {
    const result = await call('repeats.dismiss', request)
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') get().reportProblem('', result.error)
      return result.error
    }
    await get().reloadSelected()
    get().tell('Marked as a false match; your reason is recorded.', 'success')
    return null
  },
})
