// How the feed's state is put into words for the worker.
import type { FeedHealth } from '#shared/domain.ts'
import { formatDateTime, formatTime } from '#shared/time.ts'

/**
 * 'attention': the inbox is watched and files arrive, but one of them could not be saved or
 * moved; 'problem': the inbox itself cannot be read, so nothing arrives.
 */
export type FeedState = 'checking' | 'watching' | 'attention' | 'problem' | 'stopped'

export function feedState(health: FeedHealth | null): FeedState {
  if (!health) return 'checking'
  if (health.problem) return health.watching ? 'attention' : 'problem'
  return health.watching ? 'watching' : 'stopped'
}

export const FEED_STATE_WORDS: Record<FeedState, string> = {
  checking: 'Checking feed…',
  watching: 'Feed working',
  attention: 'Feed needs attention',
  problem: 'Feed not working',
  stopped: 'Feed not watching',
}

/** "Last file 15:44" today; with the date when it was another day; "No files yet". */
export function lastFileWords(health: FeedHealth, nowMs: number): string {
  if (!health.lastFileAt) return 'No files yet'
  const when = formatDateTime(health.lastFileAt)
  const today = formatDateTime(new Date(nowMs).toISOString()).slice(0, 10)
  return `Last file ${when.startsWith(today) ? formatTime(health.lastFileAt) : when}`
}
