// A regrade from the feed while an escalation is open: the incident's later feed file, dropped in
// the inbox, links its higher grade to the open escalation so the worker can record "upgraded";
// a downgrade, or a regrade after the escalation was closed, links nothing.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.ts'
import type { Desk } from '../../../electron/core/desk.ts'
import { dispatch } from '../../../electron/core/api/dispatch.ts'
import { dropFeedFile } from '../../../electron/demo/syntheticIncidents.ts'
import type { CallName, CallResults, EventPayloads } from '../../../shared/contract.ts'
import type { QueueRow } from '../../../shared/domain.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const FEED = resolve(import.meta.dirname, '../../fixtures/feed')
const REF = 'CL-20261121-0461'
const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

async function must<N extends CallName>(desk: Desk, name: N, request: unknown) {
  const result = await dispatch(desk.handlers, name, request)
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`)
  return result.value as CallResults[N]
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Drops a feed file into the inbox and waits until the desk has recorded it. */
async function drop(desk: Desk, name: string, content: string): Promise<void> {
  const count = () =>
    (desk.db.prepare('SELECT count(*) AS n FROM feed_files').get() as { n: number }).n
  const before = count()
  dropFeedFile(desk.inboxDir(), name, content)
  const end = Date.now() + 10_000
  while (count() === before && Date.now() < end) await sleep(25)
  expect(count()).toBe(before + 1)
}

/** A desk with the sample batch ingested and an escalation raised on CL-…-0461 (grade 3). */
async function escalated() {
  const desk = openDesk({
    dataDir: tempDir(),
    now: () => Date.parse('2026-11-21T18:00:00Z'),
    settleMs: 100,
    key: TEST_KEY,
  })
  opened.push(desk)
  const rows: QueueRow[] = []
  desk.onEvent((event, payload) => {
    if (event === 'incidents.changed')
      rows.push(...(payload as EventPayloads['incidents.changed']).rows)
  })
  await must(desk, 'session.signIn', {
    workerName: 'Jo Example',
    organisation: 'Harbour',
    pin: '2468',
  })
  const batch = '2026-11-21T152000Z-batch.ndjson'
  await drop(desk, batch, readFileSync(join(FEED, batch), 'utf8'))
  const incident = (await must(desk, 'incidents.list', {})).find((r) => r.incidentRef === REF)!
  expect(incident.grade).toBe(3)
  const escalation = await must(desk, 'escalations.raise', {
    incidentId: incident.id,
    reasons: ['suspect-present'],
    detail: null,
    recommendedGrade: 2,
    fromSuggestion: [],
  })
  rows.length = 0
  return { desk, rows, id: incident.id, escalationId: escalation.id }
}

const UPDATE = '2026-11-21T154500Z-CL-0461-update.json'
const update = readFileSync(join(FEED, UPDATE), 'utf8')

describe('a feed regrade while an escalation is open', () => {
  it('links to the escalation, shows on the pushed row, and the worker records the upgrade', async () => {
    const { desk, rows, id, escalationId } = await escalated()
    await drop(desk, UPDATE, update)
    expect(rows.filter((r) => r.id === id).at(-1)?.openEscalation).toMatchObject({
      id: escalationId,
      regradeLinked: true,
    })
    const { escalation } = await must(desk, 'incidents.get', { id })
    expect(escalation.escalations[0]).toMatchObject({
      state: 'raised',
      linkedRegrade: { from: 3, to: 2, at: '2026-11-21T15:44:10.000Z' },
    })
    await must(desk, 'escalations.acknowledge', { escalationId, controller: 'PC 4512' })
    const closed = await must(desk, 'escalations.recordOutcome', {
      escalationId,
      outcome: 'upgraded',
      grade: 2,
      reason: null,
    })
    expect(closed).toMatchObject({ state: 'closed', linkedRegrade: { to: 2 } })
  })

  it('does not link a downgrade', async () => {
    const { desk, rows, id } = await escalated()
    const downgrade = { ...JSON.parse(update), grade: 4, updatedAt: '2026-11-21T16:00:00Z' }
    await drop(desk, 'downgrade.json', JSON.stringify(downgrade))
    expect(rows.filter((r) => r.id === id).at(-1)).toMatchObject({
      grade: 4,
      openEscalation: { regradeLinked: false },
    })
    const { escalation } = await must(desk, 'incidents.get', { id })
    expect(escalation.escalations[0]!.linkedRegrade).toBeNull()
  })

  it('does not link to an escalation already closed', async () => {
    const { desk, id, escalationId } = await escalated()
    await must(desk, 'escalations.recordOutcome', {
      escalationId,
      outcome: 'withdrawn',
      grade: null,
      reason: 'Raised on the wrong incident.',
    })
    await drop(desk, UPDATE, update)
    const { row, escalation } = await must(desk, 'incidents.get', { id })
    expect(row.grade).toBe(2)
    expect(row.openEscalation).toBeNull()
    expect(escalation.escalations[0]!.linkedRegrade).toBeNull()
  })
})
