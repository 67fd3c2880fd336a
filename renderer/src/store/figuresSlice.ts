// The scheme's figures for any period, week by week, for managers; and their statistics-only
// export (figures and per-incident rows, no names, numbers, addresses or notes).
import type { ApiError, CallRequest, CallResults } from '#shared/contract.ts'
import type { ExportResult } from '#shared/handover.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'

export interface FiguresSlice {
  /** The figures last asked for; null while they load. */
  figures: CallResults['figures.get'] | null
  /** What the last statistics export wrote, until another period is shown. */
  figuresExport: ExportResult | null
  /** Resolves to the problem when the period was refused, for the form to show. */
  loadFigures(from: string, to: string): Promise<ApiError | null>
  /** Resolves to the problem when nothing was written, for the form to show. */
  exportFigures(request: CallRequest<'figures.export'>): Promise<ApiError | null>
}

export const createFiguresSlice: DeskSlice<FiguresSlice> = (set, get) => {
  /** The period asked for last: an older answer arriving after it is dropped. */
  let asked = ''

  return {
    figures: null,
    figuresExport: null,
    loadFigures: async (from, to) => {
      asked = `${from}/${to}`
      set({ figures: null, figuresExport: null })
      const result = await call('figures.get', { from, to })
      if (asked !== `${from}/${to}`) return null
      if (!result.ok) {
        if (result.error.code === 'not-signed-in') get().reportProblem('', result.error)
        return result.error
      }
      set({ figures: result.value })
      return null
    },
    exportFigures: async (request) => {
      set({ figuresExport: null })
      const result = await call('figures.export', request)
      if (!result.ok) {
        if (result.error.code === 'not-signed-in') get().reportProblem('', result.error)
        return result.error
      }
      set({ figuresExport: result.value })
      return null
    },
  }
}
