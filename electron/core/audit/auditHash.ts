// The hash that chains the audit log: each entry's hash covers the hash of the entry before it and
// the entry itself, so an entry that is changed, removed or moved no longer fits its neighbours.
import { hash } from 'node:crypto'

/** What the first entry follows. */
export const GENESIS_HASH = '0'.repeat(64)

/** An audit entry as stored (detail is the JSON text exactly as written). */
export interface StoredAuditEntry {
  id: number
  at: string
  sessionId: number | null
  actor: string
  action: string
  incidentId: number | null
  detail: string
}

/**
 * SHA-256 (hex) over the previous hash and a canonical serialisation of the entry: a JSON array
 * in a fixed field order, so the same entry always gives the same bytes.
 */
export function auditEntryHash(prevHash: string, entry: StoredAuditEntry): string {
  const canonical = JSON.stringify([
    entry.id,
    entry.at,
    entry.sessionId,
    entry.actor,
    entry.action,
    entry.incidentId,
    entry.detail,
  ])
  // The one-shot hash: at start-up every entry is hashed again, and it is twice as fast.
  return hash('sha256', `${prevHash}\n${canonical}`)
}
