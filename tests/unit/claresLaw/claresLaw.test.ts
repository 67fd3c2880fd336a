// Clare's Law applications through the desk, as the page drives them: raised from an incident,
// moved through review to a decision, with support accepted and an IDVA present recorded with or
// after it; every move the scheme does not allow is refused with a clear message and leaves the
// database exactly as it was.
import { describe, expect, it } from 'vitest'
import { addIncident, call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'

const WORKER = 'Jo Example (Harbour)'

async function ready() {
  const d = testDesk()
  await signIn(d)
  const incidentId = await addIncident(d)
  return { d, incidentId }
}

const raise = (d: TestDesk, incidentId: number, change: object = {}) =>
  must(d, 'claresLaw.raise', {
    incidentId,
    route: 'right-to-ask',
    raisedBy: 'victim',
    raisedOn: '2026-11-21',
    note: null,
    ...change,
  })

const update = (d: TestDesk, applicationId: number, change: object) =>
  must(d, 'claresLaw.updateStatus', {
    applicationId,
    supportAccepted: null,
    idvaPresent: null,
    note: null,
    ...change,
  })

/** Every row of every table. */
function everything(d: TestDesk) {
  const tables = d.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, d.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  )
}

async function refused(d: TestDesk, name: string, request: unknown, message: RegExp) {
  const before = everything(d)
  const events = d.events.length
  const result = await call(d, name, request)
  expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } })
  expect(everything(d)).toEqual(before)
  expect(d.events.length).toBe(events)
}

describe('an application', () => {
  it('is raised, reviewed and decided, with support and an IDVA recorded, each change kept with who and when', async () => {
    const { d, incidentId } = await ready()
    const raised = await raise(d, incidentId, { note: 'Asked about her new partner.' })
    expect(raised).toEqual({
      id: expect.any(Number),
      incidentId,
      route: 'right-to-ask',
      raisedBy: 'victim',
      raisedOn: '2026-11-21',
      recordedAt: '2026-11-21T18:00:00.000Z',
      recordedBy: WORKER,
      status: 'raised',
      supportAccepted: null,
      idvaPresent: null,
      changes: [
        {
          id: expect.any(Number),
          status: 'raised',
          supportAccepted: null,
          idvaPresent: null,
          note: 'Asked about her new partner.',
          at: '2026-11-21T18:00:00.000Z',
          by: WORKER,
        },
      ],
    })
    d.setTime('2026-11-24T10:00:00Z')
    await update(d, raised.id, { status: 'under-review' })
    d.setTime('2026-12-01T15:00:00Z')
    const disclosed = await update(d, raised.id, {
      status: 'disclosure-given',
      idvaPresent: true,
      supportAccepted: 'not-asked',
    })
    d.setTime('2026-12-02T09:00:00Z')
    const supported = await update(d, raised.id, {
      status: 'disclosure-given',
      supportAccepted: 'yes',
      note: 'Accepted IDVA support on the follow-up call.',
    })
    expect(disclosed.status).toBe('disclosure-given')
    expect(supported).toMatchObject({
      status: 'disclosure-given',
      supportAccepted: 'yes',
      idvaPresent: true,
    })
    expect(supported.changes.map((c) => [c.status, c.at])).toEqual([
      ['raised', '2026-11-21T18:00:00.000Z'],
      ['under-review', '2026-11-24T10:00:00.000Z'],
      ['disclosure-given', '2026-12-01T15:00:00.000Z'],
      ['disclosure-given', '2026-12-02T09:00:00.000Z'],
    ])
    expect((await must(d, 'incidents.get', { id: incidentId })).claresLaw).toEqual([supported])
    const audit = d.db
      .prepare(`SELECT action, detail FROM audit_log WHERE action LIKE 'claresLaw.%' ORDER BY id`)
      .all() as { action: string; detail: string }[]
    expect(audit.map((a) => [a.action, JSON.parse(a.detail)])).toEqual([
      ['claresLaw.raise', { applicationId: raised.id, route: 'right-to-ask', raisedBy: 'victim' }],
      [
        'claresLaw.status',
        {
          applicationId: raised.id,
          from: 'raised',
          to: 'under-review',
          supportAccepted: null,
          idvaPresent: null,
        },
      ],
      [
        'claresLaw.status',
        {
          applicationId: raised.id,
          from: 'under-review',
          to: 'disclosure-given',
          supportAccepted: 'not-asked',
          idvaPresent: true,
        },
      ],
      [
        'claresLaw.status',
        {
          applicationId: raised.id,
          from: 'disclosure-given',
          to: 'disclosure-given',
          supportAccepted: 'yes',
          idvaPresent: null,
        },
      ],
    ])
  })

  it('can be withdrawn before a decision, and then takes no more changes', async () => {
    const { d, incidentId } = await ready()
    const { id } = await raise(d, incidentId)
    await update(d, id, { status: 'withdrawn', note: 'Victim no longer wants it.' })
    await refused(
      d,
      'claresLaw.updateStatus',
      {
        applicationId: id,
        status: 'under-review',
        supportAccepted: null,
        idvaPresent: null,
        note: null,
      },
      /withdrawn: it takes no more changes/,
    )
  })
})

describe('refused, leaving the database as it was', () => {
  const moves: [string, string[], object, RegExp][] = [
    [
      'a decision before review',
      [],
      { status: 'disclosure-given' },
      /raised cannot move to disclosure given/,
    ],
    [
      'back to raised',
      ['under-review'],
      { status: 'raised' },
      /under review cannot move to raised/,
    ],
    [
      'withdrawing after a decision',
      ['under-review', 'no-disclosure'],
      { status: 'withdrawn' },
      /no disclosure cannot move to withdrawn/,
    ],
    [
      'changing the decision',
      ['under-review', 'no-disclosure'],
      { status: 'disclosure-given' },
      /no disclosure cannot move to disclosure given/,
    ],
    [
      'support before the decision',
      ['under-review'],
      { status: 'under-review', supportAccepted: 'yes' },
      /under review cannot move to under review/,
    ],
    [
      'support with a withdrawal',
      [],
      { status: 'withdrawn', supportAccepted: 'yes' },
      /with or after police decide/,
    ],
    [
      'an IDVA with no disclosure',
      ['under-review'],
      { status: 'no-disclosure', idvaPresent: true },
      /with or after a disclosure/,
    ],
    [
      'the same decision with nothing new',
      ['under-review', 'disclosure-given'],
      { status: 'disclosure-given' },
      /already disclosure given/,
    ],
  ]
  it.each(moves)('%s', async (_, path, change, message) => {
    const { d, incidentId } = await ready()
    const { id } = await raise(d, incidentId)
    for (const status of path) await update(d, id, { status })
    await refused(
      d,
      'claresLaw.updateStatus',
      { applicationId: id, supportAccepted: null, idvaPresent: null, note: null, ...change },
      message,
    )
  })

  const base = { route: 'right-to-ask', raisedBy: 'victim', raisedOn: '2026-11-21', note: null }
  const payloads: [string, (incidentId: number) => unknown, RegExp][] = [
    ['an unknown route', (incidentId) => ({ ...base, incidentId, route: 'right-to-see' }), /route/],
    [
      'an unknown applicant',
      (incidentId) => ({ ...base, incidentId, raisedBy: 'neighbour' }),
      /raisedBy/,
    ],
    [
      'a date that is not one',
      (incidentId) => ({ ...base, incidentId, raisedOn: '21/11/2026' }),
      /raisedOn/,
    ],
    [
      'a date in the future',
      (incidentId) => ({ ...base, incidentId, raisedOn: '2026-11-22' }),
      /cannot be in the future/,
    ],
    ['a missing field', (incidentId) => ({ incidentId, route: 'right-to-ask' }), /raisedBy/],
    [
      'an extra field',
      (incidentId) => ({ ...base, incidentId, status: 'disclosure-given' }),
      /status/,
    ],
    ['an unknown incident', () => ({ ...base, incidentId: 999 }), /No incident with id 999/],
  ]
  it.each(payloads)('raising with %s', async (_, request, message) => {
    const { d, incidentId } = await ready()
    await refused(d, 'claresLaw.raise', request(incidentId), message)
  })

  it('an update of an unknown application, or one with a bad status', async () => {
    const { d, incidentId } = await ready()
    const { id } = await raise(d, incidentId)
    const request = { applicationId: id, supportAccepted: null, idvaPresent: null, note: null }
    await refused(
      d,
      'claresLaw.updateStatus',
      { ...request, applicationId: 999, status: 'under-review' },
      /No Clare's Law application with id 999/,
    )
    await refused(d, 'claresLaw.updateStatus', { ...request, status: 'closed' }, /status/)
    await refused(
      d,
      'claresLaw.updateStatus',
      { ...request, status: 'under-review', idvaPresent: 'yes' },
      /idvaPresent/,
    )
  })

  it('anything when nobody is signed in', async () => {
    const { d, incidentId } = await ready()
    await must(d, 'session.signOut', {})
    await refused(d, 'claresLaw.raise', { ...base, incidentId }, /Sign in/)
  })
})
