import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { IncidentFields } from '../../../shared/domain.ts'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { incidentQueries } from '../../../electron/core/db/incidentQueries.ts'
import { applyRecords } from '../../../electron/core/feed/applyRecords.ts'
import { tempDir } from '../../support/tempDir.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'

const now = () => Date.parse('2026-11-21T18:00:00Z')

function incident(overrides: Partial<IncidentFields> = {}): IncidentFields {
  return {
    incidentRef: 'CL-1',
    receivedAt: '2026-11-21T15:00:00.000Z',
    updatedAt: '2026-11-21T15:00:00.000Z',
    grade: 3,
    status: 'open',
    source: '999',
    summary: 'Raised voices heard.',
    location: { address: '1 Example Road', postcode: 'TS1 9ZZ' },
    callerRole: 'third-party',
    victim: { name: 'Alex Sample', phone: '07700 900123', dateOfBirth: null },
    suspect: { name: null, relationship: null },
    flags: [],
    extra: {},
    ...overrides,
  }
}

function setup() {
  const db = openDatabase(join(tempDir(), 'desk.sqlite'), TEST_KEY)
  return { db, q: incidentQueries(db) }
}

const feed = { origin: 'feed' as const, via: 'file.json', now }

describe('storing incident records', () => {
  it('adds a new incident with an arrival in its history', async () => {
    const { db, q } = setup()
    const counts = await applyRecords(db, q, [incident()], feed)
    expect(counts).toEqual({ accepted: 1, updated: 0, unchanged: 0 })
    const [row] = q.listRows()
    expect(row).toMatchObject({ incidentRef: 'CL-1', grade: 3, progress: 'new', lastRegrade: null })
    expect(q.detail(row!.id)!.history).toMatchObject([
      { kind: 'arrival', field: 'incident', at: '2026-11-21T15:00:00.000Z', via: 'file.json' },
    ])
  })

  it('applies a newer version as a regrade and a status change, keeping both in history', async () => {
    const { db, q } = setup()
    await applyRecords(db, q, [incident()], feed)
    const newer = incident({ updatedAt: '2026-11-21T15:30:00.000Z', grade: 2, status: 'assigned' })
    expect(await applyRecords(db, q, [newer], feed)).toEqual({
      accepted: 0,
      updated: 1,
      unchanged: 0,
    })
    const [row] = q.listRows()
    expect(row!.lastRegrade).toEqual({ from: 3, to: 2, at: '2026-11-21T15:30:00.000Z' })
    const history = q
      .detail(row!.id)!
      .history.map(({ kind, field, from, to }) => ({ kind, field, from, to }))
    expect(history).toEqual([
      { kind: 'arrival', field: 'incident', from: null, to: 'feed' },
      { kind: 'regrade', field: 'grade', from: '3', to: '2' },
      { kind: 'status', field: 'status', from: 'open', to: 'assigned' },
    ])
  })

  it('ignores the same or an older version, so a late file never overwrites newer information', async () => {
    const { db, q } = setup()
    await applyRecords(db, q, [incident({ updatedAt: '2026-11-21T15:30:00.000Z', grade: 1 })], feed)
    const counts = await applyRecords(
      db,
      q,
      [incident({ updatedAt: '2026-11-21T15:30:00.000Z', grade: 4 }), incident({ grade: 4 })],
      feed,
    )
    expect(counts).toEqual({ accepted: 0, updated: 0, unchanged: 2 })
    expect(q.listRows()[0]!.grade).toBe(1)
  })

  it('never touches the worker’s progress when the feed updates an incident', async () => {
    const { db, q } = setup()
    await applyRecords(db, q, [incident()], feed)
    const id = q.listRows()[0]!.id
    q.setProgress(id, 'contacted')
    await applyRecords(
      db,
      q,
      [incident({ updatedAt: '2026-11-21T16:00:00.000Z', status: 'closed' })],
      feed,
    )
    expect(q.row(id)).toMatchObject({ progress: 'contacted', status: 'closed' })
  })

  it('lets the first feed record replace a hand-typed incident with the same reference', async () => {
    const { db, q } = setup()
    await applyRecords(db, q, [incident({ summary: 'Typed from C&C screen', grade: 2 })], {
      ...feed,
      origin: 'manual',
      via: 'Jo Example',
    })
    const counts = await applyRecords(db, q, [incident()], feed)
    expect(counts.updated).toBe(1)
    const row = q.listRows()[0]!
    expect(row).toMatchObject({ origin: 'feed', summary: 'Raised voices heard.', grade: 3 })
  })

  it('keeps fields outside the format and records their changes', async () => {
    const { db, q } = setup()
    await applyRecords(db, q, [incident({ extra: { cadChannel: 'FCR-2' } })], feed)
    await applyRecords(
      db,
      q,
      [incident({ updatedAt: '2026-11-21T16:00:00.000Z', extra: { cadChannel: 'FCR-3' } })],
      feed,
    )
    const detail = q.detail(q.listRows()[0]!.id)!
    expect(detail.fields.extra).toEqual({ cadChannel: 'FCR-3' })
    expect(detail.history.at(-1)).toMatchObject({
      field: 'extra.cadChannel',
      from: '"FCR-2"',
      to: '"FCR-3"',
    })
  })

  it('stores thousands of records in batches and reports each batch', async () => {
    const { db, q } = setup()
    const batches: number[] = []
    const records = Array.from({ length: 2500 }, (_, i) => incident({ incidentRef: `CL-${i}` }))
    const counts = await applyRecords(db, q, records, {
      ...feed,
      batchSize: 1000,
      onBatch: (changed) => batches.push(changed.length),
    })
    expect(counts.accepted).toBe(2500)
    expect(batches).toEqual([1000, 1000, 500])
    expect(q.listRows()).toHaveLength(2500)
  })
})
