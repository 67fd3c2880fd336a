// Stores validated incident records: new references are added, newer versions update the stored
// incident and leave a history entry per changed field, same or older versions change nothing.
// The worker's own records (progress and later contacts, notes, escalations) are never touched.
import type { Db } from '../db/openDatabase.ts'
import type { IncidentQueries } from '../db/incidentQueries.ts'
import type { HistoryKind, IncidentFields, Origin } from '#shared/domain.ts'
import { toIsoUtc } from '#shared/time.ts'

export type RecordOutcome = 'accepted' | 'updated' | 'unchanged'

export interface ApplyCounts {
  accepted: number
  updated: number
  unchanged: number
}

/** The fields compared between versions, as the text history shows them. */
function comparable(f: IncidentFields): Record<string, string | null> {
  return {
    receivedAt: f.receivedAt,
    grade: String(f.grade),
    status: f.status,
    source: f.source,
    summary: f.summary,
    'location.address': f.location.address,
    'location.postcode': f.location.postcode,
    callerRole: f.callerRole,
    'victim.name': f.victim.name,
    'victim.phone': f.victim.phone,
    'victim.dateOfBirth': f.victim.dateOfBirth,
    'suspect.name': f.suspect.name,
    'suspect.relationship': f.suspect.relationship,
    flags: f.flags.length ? f.flags.join(', ') : null,
    ...Object.fromEntries(
      Object.entries(f.extra).map(([k, v]) => [`extra.${k}`, JSON.stringify(v)]),
    ),
  }
}

function kindOf(field: string): HistoryKind {
  return field === 'grade' ? 'regrade' : field === 'status' ? 'status' : 'change'
}

export function applyRecord(
  q: IncidentQueries,
  incoming: IncidentFields,
  origin: Origin,
  via: string | null,
  recordedAt: string,
): { outcome: RecordOutcome; id: number } {
  const id = q.insertIfNew(incoming, origin, recordedAt)
  if (id !== null) {
    q.addHistory({
      incidentId: id,
      kind: 'arrival',
      at: incoming.receivedAt,
      recordedAt,
      field: 'incident',
      from: null,
      to: origin,
      origin,
      via,
    })
    return { outcome: 'accepted', id }
  }
  const stored = q.findByRef(incoming.incidentRef)!
  // A hand-typed incident is a stand-in for the feed: the first feed record replaces it whatever
  // its updatedAt. Otherwise only a strictly newer version changes anything.
  const feedReplacesManual = stored.origin === 'manual' && origin === 'feed'
  if (!feedReplacesManual && incoming.updatedAt <= stored.fields.updatedAt) {
    return { outcome: 'unchanged', id: stored.id }
  }
  const before = comparable(stored.fields)
  const after = comparable(incoming)
  const at = incoming.updatedAt
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[field] ?? null
    const to = after[field] ?? null
    if (from === to) continue
    q.addHistory({
      incidentId: stored.id,
      kind: kindOf(field),
      at,
      recordedAt,
      field,
      from,
      to,
      origin,
      via,
    })
  }
  q.update(stored.id, incoming, origin)
  return { outcome: 'updated', id: stored.id }
}

export interface IngestOptions {
  origin: Origin
  via: string | null
  now: () => number
  /** Records per transaction; between batches the event loop gets a turn. */
  batchSize?: number
  /** Called after each committed batch with the ids it added or changed. */
  onBatch?: (changed: { id: number; outcome: RecordOutcome }[]) => void
}

/**
 * Applies records in batches, one transaction each, yielding to the event loop between batches
 * so that a large file never blocks the app. Safe to repeat: a re-run changes nothing.
 */
export async function applyRecords(
  db: Db,
  q: IncidentQueries,
  records: readonly IncidentFields[],
  options: IngestOptions,
): Promise<ApplyCounts> {
  const counts: ApplyCounts = { accepted: 0, updated: 0, unchanged: 0 }
  const batchSize = options.batchSize ?? 1000
  const runBatch = db.transaction((batch: readonly IncidentFields[]) => {
    const recordedAt = toIsoUtc(options.now())
    return batch.map((r) => applyRecord(q, r, options.origin, options.via, recordedAt))
  })
  for (let start = 0; start < records.length; start += batchSize) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve))
    const results = runBatch.immediate(records.slice(start, start + batchSize))
    for (const r of results) counts[r.outcome]++
    options.onBatch?.(results.filter((r) => r.outcome !== 'unchanged'))
  }
  return counts
}
