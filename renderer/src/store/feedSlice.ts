// The health of the feed inbox and the files DA Desk has set aside (quarantined) as unreadable.
import type { FeedHealth, QuarantinedFile } from '#shared/domain.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

export interface FeedSlice {
  health: FeedHealth | null
  /** Loaded when the worker opens the list; null until then. */
  quarantined: QuarantinedFile[] | null
  loadHealth(): Promise<void>
  setHealth(health: FeedHealth): void
  loadQuarantined(): Promise<void>
}

export const createFeedSlice: DeskSlice<FeedSlice> = (set, get) => ({
  health: null,
  quarantined: null,
  loadHealth: async () => {
    const health = await request(get, 'Could not check the feed', 'feed.health', {})
    if (health) get().setHealth(health)
  },
  setHealth: (health) => {
    const before = get().health
    set({ health })
    if (get().quarantined && before?.quarantinedCount !== health.quarantinedCount) {
      void get().loadQuarantined()
    }
  },
  loadQuarantined: async () => {
    const quarantined = await request(
      get,
      'Could not list the quarantined files',
      'feed.quarantined',
      {},
    )
    if (quarantined) set({ quarantined })
  },
})
