// Names the preload needs at run time. Kept apart from contract.ts so that the sandboxed preload
// bundles no schema library.
import type { EventName } from './contract.ts'

export const IPC_CALL_CHANNEL = 'da-desk:call'
export const IPC_EVENT_CHANNEL = 'da-desk:event'
export const EVENT_NAMES: readonly EventName[] = [
  'incidents.changed',
  'incident.recordAdded',
  'feed.health',
]
