// The incident open in the centre pane: its id, everything the feed gave for it, the worker's
// progress on it, and its calls and notes.
import type { IncidentDetail, Progress } from '#shared/domain.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

export interface SelectionSlice {
  selectedId: number | null
  detail: IncidentDetail | null
  /** Opens an incident (after saving the note being typed on the last one); one still marked
   * new moves to reviewing, as the worker is reading it. */
  openIncident(id: number): Promise<void>
  reloadSelected(): Promise<void>
  /** Reloads the open incident in a moment: the several events one change brings (its row,
   * its new record) cause one reload. */
  reloadSelectedSoon(): void
  setProgress(id: number, progress: Progress): Promise<void>
  clearSelection(): void
}

const RELOAD_BATCH_MS = 50

export const createSelectionSlice: DeskSlice<SelectionSlice> = (set, get) => {
  let reloadTimer: ReturnType<typeof setTimeout> | null = null

  async function fetchDetail(id: number): Promise<IncidentDetail | undefined> {
    const detail = await request(get, 'Could not open the incident', 'incidents.get', { id })
    // The worker may have opened another incident while this one loaded.
    if (get().selectedId !== id) return undefined
    if (detail) {
      set({ detail })
      get().upsertRows([detail.row])
      get().loadComposer(detail)
    }
    return detail
  }

  return {
    selectedId: null,
    detail: null,
    openIncident: async (id) => {
      if (get().selectedId !== id) {
        const flushing = get().flushDraft()
        set({ selectedId: id, detail: null })
        await flushing
      }
      const detail = await fetchDetail(id)
      if (detail?.row.progress === 'new') await get().setProgress(id, 'reviewing')
    },
    reloadSelected: async () => {
      const id = get().selectedId
      if (id !== null) await fetchDetail(id)
    },
    reloadSelectedSoon: () => {
      if (reloadTimer) return
      reloadTimer = setTimeout(() => {
        reloadTimer = null
        void get().reloadSelected()
      }, RELOAD_BATCH_MS)
    },
    setProgress: async (id, progress) => {
      const row = await request(get, 'Could not save your progress', 'incidents.setProgress', {
        id,
        progress,
      })
      if (!row) return
      get().upsertRows([row])
      const detail = get().detail
      if (detail && detail.row.id === id) set({ detail: { ...detail, row } })
    },
    clearSelection: () => {
      get().clearComposer()
      set({ selectedId: null, detail: null })
    },
  }
}
