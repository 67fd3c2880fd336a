// The retention policy from Settings: what a purge would do under a period (asked again as the
// period is typed), saving a new period (which purges what it makes due at once) and purging now.
import type { ApiError } from '#shared/contract.ts'
import type { RetentionPreview } from '#shared/retention.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'

export interface RetentionSlice {
  /** The preview for the period asked last; null while it loads. */
  retentionPreview: RetentionPreview | null
  /** Resolves to the problem when the preview was refused, for the form to show. */
  previewRetention(months: number): Promise<ApiError | null>
  /** Resolves to the reason when the period was refused, for the form to show. */
  saveRetentionMonths(retentionMonths: number): Promise<string | null>
  /** Resolves to the reason when the purge failed, for the form to show. */
  purgeNow(): Promise<string | null>
}

export const createRetentionSlice: DeskSlice<RetentionSlice> = (set, get) => {
  /** The period asked for last: an older answer arriving after it is dropped. */
  let asked = 0

  const removedFrom = (n: number) =>
    n === 1
      ? 'Personal details removed from 1 incident.'
      : `Personal details removed from ${n} incidents.`

  return {
    retentionPreview: null,
    previewRetention: async (months) => {
      asked = months
      set({ retentionPreview: null })
      const result = await call('retention.preview', { months })
      if (asked !== months) return null
      if (!result.ok) return result.error
      set({ retentionPreview: result.value })
      return null
    },
    saveRetentionMonths: async (retentionMonths) => {
      const due = get().retentionPreview
      const result = await call('settings.update', { retentionMonths })
      if (!result.ok) return result.error.message
      set({ settings: result.value })
      const purged = due?.months === retentionMonths ? due.due.length : 0
      get().tell(
        purged > 0 ? `Retention period saved. ${removedFrom(purged)}` : 'Retention period saved.',
        'success',
      )
      await get().previewRetention(retentionMonths)
      return null
    },
    purgeNow: async () => {
      const result = await call('retention.run', {})
      if (!result.ok) return result.error.message
      get().tell(removedFrom(result.value.purged.length), 'success')
      await get().previewRetention(result.value.months)
      return null
    },
  }
}
