// The support car: its list (open taskings in visiting order, with the crew's notes, and the crew
// on the shift), and tasking, standing down, recording visits and adding crew. After each change
// the list and the open incident are reloaded, so the view and the incident agree.
import type { ApiError, CallRequest } from '#shared/contract.ts'
import type { SupportCarList } from '#shared/supportCar.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'

export interface SupportCarSlice {
  /** Null until first loaded. */
  supportCar: SupportCarList | null
  loadSupportCar(): Promise<void>
  /** Each resolves to the refusal, for the form to show; null when recorded. */
  taskSupportCar(request: CallRequest<'supportCar.task'>): Promise<ApiError | null>
  standDownTasking(request: CallRequest<'supportCar.standDown'>): Promise<ApiError | null>
  recordVisit(request: CallRequest<'supportCar.recordVisit'>): Promise<ApiError | null>
  addCrew(request: CallRequest<'supportCar.addCrew'>): Promise<ApiError | null>
}

export const createSupportCarSlice: DeskSlice<SupportCarSlice> = (set, get) => {
  async function after(
    result: { ok: true } | { ok: false; error: ApiError },
    done: string,
  ): Promise<ApiError | null> {
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') get().reportProblem('', result.error)
      return result.error
    }
    await Promise.all([get().loadSupportCar(), get().reloadSelected()])
    get().tell(done, 'success')
    return null
  }

  return {
    supportCar: null,
    loadSupportCar: async () => {
      const result = await call('supportCar.list', {})
      if (result.ok) set({ supportCar: result.value })
    },
    taskSupportCar: async (request) =>
      after(await call('supportCar.task', request), 'On the support car’s list.'),
    standDownTasking: async (request) =>
      after(await call('supportCar.standDown', request), 'Support car stood down.'),
    recordVisit: async (request) =>
      after(await call('supportCar.recordVisit', request), 'Support car visit recorded.'),
    addCrew: async (request) =>
      after(
        await call('supportCar.addCrew', request),
        `${request.name} added to this shift’s workers.`,
      ),
  }
}
