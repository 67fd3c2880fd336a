// The live queue: every incident row by id, kept up to date from `incidents.changed` events, and
// which rows the feed has just added or changed (highlighted for a few seconds).
import type { ApiError, EventPayloads } from '#shared/contract.ts'
import type { QueueRow } from '#shared/domain.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

/** How long a row the feed added or changed stays highlighted. */
export const FLASH_MS = 4_000

/** Why a row is highlighted: it has just come in, or the feed has just changed it. */
export type FlashKind = 'arrived' | 'updated'

export interface QueueSlice {
  rowsById: ReadonlyMap<number, QueueRow>
  queueLoaded: boolean
  /** Rows highlighted for a few seconds, and why. */
  flashes: ReadonlyMap<number, FlashKind>
  loadQueue(): Promise<void>
  applyIncidentsChanged(payload: EventPayloads['incidents.changed']): void
  /** Replaces the given rows, keeping the old objects where nothing changed (so they do not
   * re-render). Returns the ids that did change. */
  upsertRows(rows: readonly QueueRow[]): number[]
  /** Adds a hand-typed incident and opens it; resolves to the problem when it was refused, for
   * the form to show next to its fields. */
  addManualIncident(record: Record<string, unknown>): Promise<ApiError | null>
  clearQueue(): void
}

function sameRow(a: QueueRow, b: QueueRow): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

// Each row's highlight belongs to the latest batch that flashed it; a batch's one timer clears
// only the rows still its own. (A timer per row would mean thousands of store updates when a
// big file arrives.)
const flashBatchOf = new Map<number, number>()
const flashTimers = new Set<ReturnType<typeof setTimeout>>()
let flashBatch = 0

export const createQueueSlice: DeskSlice<QueueSlice> = (set, get) => {
  /** Highlights rows; one that came in moments ago stays "arrived" if it changes again. */
  function flash(ids: readonly number[], kindOf: (id: number) => FlashKind): void {
    if (ids.length === 0) return
    const batch = ++flashBatch
    set((state) => {
      const flashes = new Map(state.flashes)
      for (const id of ids) {
        flashes.set(id, flashes.get(id) === 'arrived' ? 'arrived' : kindOf(id))
        flashBatchOf.set(id, batch)
      }
      return { flashes }
    })
    const timer = setTimeout(() => {
      flashTimers.delete(timer)
      const ending = ids.filter((id) => flashBatchOf.get(id) === batch)
      if (ending.length === 0) return
      for (const id of ending) flashBatchOf.delete(id)
      set((state) => {
        const flashes = new Map(state.flashes)
        for (const id of ending) flashes.delete(id)
        return { flashes }
      })
    }, FLASH_MS)
    flashTimers.add(timer)
  }

  return {
    rowsById: new Map(),
    queueLoaded: false,
    flashes: new Map(),
    loadQueue: async () => {
      const rows = await request(get, 'Could not load the incident queue', 'incidents.list', {})
      if (rows === undefined) return
      set({ rowsById: new Map(rows.map((row) => [row.id, row])), queueLoaded: true })
      // Escalations left waiting before the page (re)loaded are reminded of from now on.
      get().tick(Date.now())
    },
    applyIncidentsChanged: ({ rows, flashIds }) => {
      if (!get().session) return
      const known = get().rowsById
      const changed = get().upsertRows(rows)
      flash(flashIds, (id) => (known.has(id) ? 'updated' : 'arrived'))
      const selectedId = get().selectedId
      if (selectedId !== null && changed.includes(selectedId)) get().reloadSelectedSoon()
    },
    upsertRows: (rows) => {
      const current = get().rowsById
      const changed = rows.filter((row) => {
        const old = current.get(row.id)
        return !old || !sameRow(old, row)
      })
      if (changed.length > 0) {
        const rowsById = new Map(current)
        for (const row of changed) rowsById.set(row.id, row)
        set({ rowsById })
      }
      return changed.map((row) => row.id)
    },
    addManualIncident: async (record) => {
      const result = await call('incidents.addManual', { record })
      if (!result.ok) return result.error
      const row = result.value
      get().upsertRows([row])
      flash([row.id], () => 'arrived')
      get().setActiveId(row.id)
      get().tell(`Incident ${row.incidentRef} added.`, 'success')
      void get().openIncident(row.id)
      return null
    },
    clearQueue: () => {
      for (const timer of flashTimers) clearTimeout(timer)
      flashTimers.clear()
      flashBatchOf.clear()
      set({ rowsById: new Map(), queueLoaded: false, flashes: new Map() })
    },
  }
}
