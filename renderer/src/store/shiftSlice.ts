// The shift the worker is on (when it started, who is on it) and its end: the hand over, which
// writes the handover record, marks its incidents handed over, ends the shift and signs the
// worker out. Also the one-incident "C&C log update" text for the police incident log.
import type { ApiError, CallRequest } from '#shared/contract.ts'
import type { ExportResult, HandoverRecord, Shift } from '#shared/handover.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

export interface ShiftSlice {
  /** The shift open now; null when none is. */
  shift: Shift | null
  /** Whether the Node side has said which shift is open (before sign-in it may not say). */
  shiftKnown: boolean
  /** The open shift's handover as it stands, for the Hand over dialog; null until asked for. */
  handoverPreview: HandoverRecord | null
  /** What the last hand over wrote, shown on the sign-in screen until the worker closes it. */
  lastHandover: ExportResult | null
  loadShift(): Promise<void>
  /** Resolves to the problem when the preview could not be made, for the dialog to show. */
  loadHandoverPreview(): Promise<ApiError | null>
  /** Ends the shift; resolves to the problem when nothing was ended, for the dialog to show. */
  handOver(handover: CallRequest<'shift.handOver'>): Promise<ApiError | null>
  dismissLastHandover(): void
  /** The text to paste into the police incident log, or null when it could not be made. */
  ccLogUpdate(incidentId: number): Promise<string | null>
}

export const createShiftSlice: DeskSlice<ShiftSlice> = (set, get) => ({
  shift: null,
  shiftKnown: false,
  handoverPreview: null,
  lastHandover: null,
  loadShift: async () => {
    const result = await call('shift.current', {})
    if (result.ok) {
      set({ shift: result.value, shiftKnown: true })
      return
    }
    set({ shift: null, shiftKnown: false })
    // Before sign-in the Node side may decline to say; that is not a problem to report.
    if (get().session) get().reportProblem('Could not check the shift', result.error)
  },
  loadHandoverPreview: async () => {
    set({ handoverPreview: null })
    const result = await call('handover.preview', {})
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') get().reportProblem('', result.error)
      return result.error
    }
    set({ handoverPreview: result.value })
    return null
  },
  handOver: async (handover) => {
    await get().flushDraft()
    // Handing over signs the worker out and clears the screen: never with a note on it that is
    // not saved anywhere.
    if (get().hasUnsavedNotes()) {
      return {
        code: 'bad-request',
        message:
          'A note you are writing has not been saved. File it, shorten it or clear it first.',
      }
    }
    const result = await call('shift.handOver', handover)
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') get().reportProblem('', result.error)
      return result.error
    }
    set({ lastHandover: result.value, handoverPreview: null })
    get().endSession()
    return null
  },
  dismissLastHandover: () => set({ lastHandover: null }),
  ccLogUpdate: async (incidentId) => {
    const update = await request(
      get,
      'Could not write the C&C log update',
      'handover.ccLogUpdate',
      {
        incidentId,
      },
    )
    return update?.text ?? null
  },
})
