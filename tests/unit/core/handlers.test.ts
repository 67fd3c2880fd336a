// The handler table as every host calls it: through dispatch, with untrusted input.
import { afterEach, describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.ts'
import type { Desk } from '../../../electron/core/desk.ts'
import { dispatch } from '../../../electron/core/api/dispatch.ts'
import { tempDir } from '../../support/tempDir.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'

const now = () => Date.parse('2026-11-21T18:00:00Z')
const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

function desk(): Desk {
  const d = openDesk({ dataDir: tempDir(), now, watchInbox: false, key: TEST_KEY })
  opened.push(d)
  return d
}

const call = (d: Desk, name: unknown, request: unknown) =>
  dispatch(d.handlers, name, request, () => {})

const manual = {
  incidentRef: 'CL-20261121-0999',
  receivedAt: '2026-11-21T17:40:00.000Z',
  grade: 2,
  summary: 'Typed from the C&C screen while the feed is down.',
  victim: { name: 'Riley Test', phone: '07700 900789' },
}

describe('calls from the page', () => {
  it.each([
    ['an unknown call', 'incidents.delete', {}],
    ['a call name that is not a string', 42, {}],
    ['an inherited property as call name', '__proto__', {}],
    ['a request that is not an object', 'incidents.get', 'id=1'],
    ['a missing request', 'incidents.get', undefined],
    ['a wrong type', 'incidents.get', { id: '1' }],
    ['an unknown key', 'session.current', { admin: true }],
    ['an unknown progress', 'incidents.setProgress', { id: 1, progress: 'archived' }],
    ['an over-long name', 'session.signIn', { workerName: 'x'.repeat(101), organisation: 'H' }],
    ['a blank organisation', 'session.signIn', { workerName: 'Jo', organisation: '   ' }],
  ])('refuses %s with a clear bad-request error', async (_what, name, request) => {
    const result = await call(desk(), name, request)
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })

  it('turns an exception inside a handler into an internal error without a stack trace', async () => {
    const d = desk()
    d.db.close()
    const result = await call(d, 'feed.health', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/could not complete/) },
    })
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts/)
    opened.pop()
  })

  it('shows no incident data before the worker signs in', async () => {
    const result = await call(desk(), 'incidents.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'not-signed-in' } })
  })

  it('records who signed in and shows them as the current worker', async () => {
    const d = desk()
    await call(d, 'session.signIn', {
      workerName: ' Jo Example ',
      organisation: 'Harbour Support Services',
      pin: '2468',
    })
    const current = await call(d, 'session.current', {})
    expect(current).toMatchObject({
      ok: true,
      value: {
        workerName: 'Jo Example',
        organisation: 'Harbour Support Services',
        signedInAt: '2026-11-21T18:00:00.000Z',
      },
    })
    const audit = d.db.prepare(`SELECT actor, action FROM audit_log`).all()
    expect(audit).toEqual([
      { actor: 'Jo Example (Harbour Support Services)', action: 'session.signIn' },
      { actor: 'Jo Example (Harbour Support Services)', action: 'shift.start' },
    ])
  })
})

describe('adding an incident by hand', () => {
  it('validates it like a feed record and says which fields are wrong', async () => {
    const d = desk()
    await call(d, 'session.signIn', { workerName: 'Jo', organisation: 'Harbour', pin: '2468' })
    const result = await call(d, 'incidents.addManual', {
      record: { ...manual, incidentRef: 'CL 99', grade: 7 },
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid-record')
    expect(result.error.issues?.map((i) => i.field).sort()).toEqual(['grade', 'incidentRef'])
  })

  it('adds it to the queue, marked as typed by the worker', async () => {
    const d = desk()
    await call(d, 'session.signIn', {
      workerName: 'Jo Example',
      organisation: 'Harbour',
      pin: '2468',
    })
    const added = await call(d, 'incidents.addManual', { record: manual })
    expect(added).toMatchObject({
      ok: true,
      value: { incidentRef: manual.incidentRef, origin: 'manual', grade: 2 },
    })
    const detail = await call(d, 'incidents.get', {
      id: (added as { value: { id: number } }).value.id,
    })
    expect(detail).toMatchObject({
      ok: true,
      value: { history: [{ kind: 'arrival', origin: 'manual', via: 'Jo Example' }] },
    })
  })

  it('refuses a reference that is already in the queue', async () => {
    const d = desk()
    await call(d, 'session.signIn', { workerName: 'Jo', organisation: 'Harbour', pin: '2468' })
    await call(d, 'incidents.addManual', { record: manual })
    const again = await call(d, 'incidents.addManual', { record: manual })
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'invalid-record', issues: [{ field: 'incidentRef' }] },
    })
  })
})

describe('the worker’s progress', () => {
  it('moves along and is kept in the audit log with who did it', async () => {
    const d = desk()
    await call(d, 'session.signIn', { workerName: 'Jo', organisation: 'Harbour', pin: '2468' })
    const added = (await call(d, 'incidents.addManual', { record: manual })) as {
      value: { id: number }
    }
    const moved = await call(d, 'incidents.setProgress', {
      id: added.value.id,
      progress: 'reviewing',
    })
    expect(moved).toMatchObject({ ok: true, value: { progress: 'reviewing' } })
    const entry = d.db
      .prepare(`SELECT actor, detail FROM audit_log WHERE action = 'incident.progress'`)
      .get()
    expect(entry).toEqual({ actor: 'Jo (Harbour)', detail: '{"from":"new","to":"reviewing"}' })
  })

  it('says when the incident does not exist', async () => {
    const d = desk()
    await call(d, 'session.signIn', { workerName: 'Jo', organisation: 'Harbour', pin: '2468' })
    expect(await call(d, 'incidents.setProgress', { id: 999, progress: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})

describe('settings', () => {
  it('default to an inbox under the data folder and the dark theme, and persist changes', async () => {
    const dataDir = tempDir()
    const first = openDesk({ dataDir, now, watchInbox: false, key: TEST_KEY })
    expect(await call(first, 'settings.get', {})).toMatchObject({
      ok: true,
      value: { inboxDir: `${dataDir}/inbox`, theme: 'dark' },
    })
    await call(first, 'session.signIn', { workerName: 'Jo', organisation: 'Harbour', pin: '2468' })
    await call(first, 'settings.update', { theme: 'light', inboxDir: `${dataDir}/feed` })
    await first.close()
    const second = openDesk({ dataDir, now, watchInbox: false, key: TEST_KEY })
    opened.push(second)
    expect(await call(second, 'settings.get', {})).toMatchObject({
      ok: true,
      value: { inboxDir: `${dataDir}/feed`, theme: 'light' },
    })
  })

  it('audit each setting that changed, once, and neither the theme nor one saved unchanged', async () => {
    const d = desk()
    await call(d, 'session.signIn', { workerName: 'Jo', organisation: 'Harbour', pin: '2468' })
    const audited = () =>
      (
        d.db
          .prepare(`SELECT detail FROM audit_log WHERE action = 'settings.update' ORDER BY id`)
          .all() as { detail: string }[]
      ).map((r) => JSON.parse(r.detail) as Record<string, unknown>)
    expect(
      await call(d, 'settings.update', {
        theme: 'light',
        lockAfterMinutes: 9,
        quickPhrases: ['Code word agreed.'],
        serviceName: 'Harbour Support Services',
      }),
    ).toMatchObject({ ok: true, value: { theme: 'light', lockAfterMinutes: 9 } })
    expect(audited()).toEqual([
      { lockAfterMinutes: 9 },
      { quickPhrases: ['Code word agreed.'] },
      { serviceName: 'Harbour Support Services' },
    ])
    await call(d, 'settings.update', { lockAfterMinutes: 9, quickPhrases: ['Code word agreed.'] })
    expect(audited()).toHaveLength(3)
  })

  it('refuse a relative inbox folder', async () => {
    const d = desk()
    await call(d, 'session.signIn', { workerName: 'Jo', organisation: 'Harbour', pin: '2468' })
    expect(await call(d, 'settings.update', { inboxDir: 'inbox' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
  })
})

describe('the audit log of consultations', () => {
  it('logs opening an incident, not every refresh of it, and logs it again after a while', async () => {
    let clock = Date.parse('2026-11-21T18:00:00Z')
    const d = openDesk({ dataDir: tempDir(), now: () => clock, watchInbox: false, key: TEST_KEY })
    opened.push(d)
    await call(d, 'session.signIn', { workerName: 'Jo', organisation: 'Harbour', pin: '2468' })
    const added = (await call(d, 'incidents.addManual', { record: manual })) as {
      value: { id: number }
    }
    const views = () =>
      d.db.prepare(`SELECT at FROM audit_log WHERE action = 'incident.view'`).all() as {
        at: string
      }[]
    await call(d, 'incidents.get', { id: added.value.id })
    clock += 60_000
    await call(d, 'incidents.get', { id: added.value.id })
    expect(views()).toHaveLength(1)
    clock += 10 * 60_000
    await call(d, 'incidents.get', { id: added.value.id })
    expect(views().map((v) => v.at)).toEqual([
      '2026-11-21T18:00:00.000Z',
      '2026-11-21T18:11:00.000Z',
    ])
  })
})
