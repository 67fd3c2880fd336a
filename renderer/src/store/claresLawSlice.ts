// Clare's Law applications: raising one from the open incident and moving its status. The Node
// side checks the move is allowed; the open incident is reloaded to show the new record.
import type { ApiError, CallRequest } from '#shared/contract.ts'
import { CLARES_LAW_STATUS_LABELS } from '#shared/claresLaw.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'

export interface ClaresLawSlice {
  raiseClaresLaw(request: CallRequest<'claresLaw.raise'>): Promise<ApiError | null>
  updateClaresLaw(request: CallRequest<'claresLaw.updateStatus'>): Promise<ApiError | null>
}

export const createClaresLawSlice: DeskSlice<ClaresLawSlice> = (_set, get) => {
  function refused(error: ApiError): ApiError {
    if (error.code === 'not-signed-in') get().reportProblem('', error)
    return error
  }
  return {
    raiseClaresLaw: async (request) => {
      const result = await call('claresLaw.raise', request)
      if (!result.ok) return refused(result.error)
      await get().reloadSelected()
      get().tell('Clare’s Law application recorded.', 'success')
      return null
    },
    updateClaresLaw: async (request) => {
      const result = await call('claresLaw.updateStatus', request)
      if (!result.ok) return refused(result.error)
      await get().reloadSelected()
      get().tell(
        `Clare’s Law: ${CLARES_LAW_STATUS_LABELS[result.value.status]} recorded.`,
        'success',
      )
      return null
    },
  }
}
