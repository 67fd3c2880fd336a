// The screen lock as the core enforces it, on a real desk and its SQLite file: the PIN given at
// sign-in is kept only as a hash in memory, a locked desk refuses every call with personal data
// and pushes none, the right PIN restores everything, and five wrong ones sign the worker out.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.ts'
import { databaseFile } from '../../../electron/core/paths.ts'
import { callRequests } from '../../../shared/contract.ts'
import type { CallName } from '../../../shared/contract.ts'
import { rawDatabase, TEST_KEY } from '../../support/databaseKey.ts'
import { addIncident, call, closeDesk, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { tempDir } from '../../support/tempDir.ts'

/** A PIN no test data contains by chance, so finding it anywhere means it was stored. */
const PIN = '86420375'
const WRONG = '1111'
const NOW = Date.parse('2026-11-21T18:00:00Z')

const auditOf = (d: TestDesk) =>
  (
    d.db.prepare(`SELECT actor, action, detail FROM audit_log ORDER BY id`).all() as {
      actor: string
      action: string
      detail: string
    }[]
  ).map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }))

const lockEntries = (d: TestDesk) =>
  auditOf(d)
    .filter((e) => /^session\.(lock|unlock|unlockFailed|signOut)$/.test(e.action))
    .map(({ action, detail }) => ({ action, detail }))

async function lockedDesk() {
  const d = testDesk()
  await signIn(d, 'Jo Example', 'Harbour', PIN)
  const incident = await addIncident(d)
  await must(d, 'session.lock', { reason: 'shortcut' })
  return { d, incident }
}

/** Every table's rows as text, read through a bare keyed connection after the desk closed. */
function everythingStored(dataDir: string): string {
  const db = rawDatabase(databaseFile(dataDir))
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
    name: string
  }[]
  const rows = tables.map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all())
  db.close()
  return JSON.stringify(rows)
}

describe('the PIN given at sign-in', () => {
  it('is never stored: not in any table, not in the audit log, not in the files on disk', async () => {
    const d = testDesk()
    await signIn(d, 'Jo Example', 'Harbour', PIN)
    await addIncident(d)
    await must(d, 'session.lock', { reason: 'idle' })
    await call(d, 'session.unlock', { pin: WRONG })
    await must(d, 'session.unlock', { pin: PIN })
    await must(d, 'session.signOut', {})
    await signIn(d, 'Jo Example', 'Harbour', PIN)
    const replies = JSON.stringify([await must(d, 'session.current', {}), d.events, auditOf(d)])
    expect(replies).not.toContain(PIN)
    await closeDesk(d)

    expect(everythingStored(d.dataDir)).not.toContain(PIN)
    for (const file of readdirSync(d.dataDir)) {
      const bytes = readFileSync(join(d.dataDir, file))
      expect(bytes.includes(Buffer.from(PIN, 'utf8')), file).toBe(false)
      expect(bytes.includes(Buffer.from(PIN, 'utf16le')), file).toBe(false)
    }
  })

  it.each([
    ['none', { workerName: 'Jo', organisation: 'Harbour' }],
    ['three digits', { workerName: 'Jo', organisation: 'Harbour', pin: '123' }],
    ['nine digits', { workerName: 'Jo', organisation: 'Harbour', pin: '123456789' }],
    ['letters', { workerName: 'Jo', organisation: 'Harbour', pin: '12ab' }],
    ['spaces', { workerName: 'Jo', organisation: 'Harbour', pin: ' 1234 ' }],
    ['a number, not text', { workerName: 'Jo', organisation: 'Harbour', pin: 1234 }],
  ])('is refused at sign-in when it is %s, and no one is signed in', async (_what, request) => {
    const d = testDesk()
    const result = await call(d, 'session.signIn', request)
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await must(d, 'session.current', {})).toBeNull()
    expect(auditOf(d)).toEqual([])
  })
})

describe('a locked desk', () => {
  it('says it is locked, and who is signed in', async () => {
    const { d } = await lockedDesk()
    expect(await must(d, 'session.current', {})).toMatchObject({
      workerName: 'Jo Example',
      locked: true,
    })
  })

  it('refuses every call with personal data with the locked code', async () => {
    const { d, incident } = await lockedDesk()
    const personal: [CallName, unknown][] = [
      ['incidents.list', {}],
      ['incidents.get', { id: incident }],
      ['incidents.setProgress', { id: incident, progress: 'contacted' }],
      ['handover.preview', {}],
      ['handover.ccLogUpdate', { incidentId: incident }],
      ['feed.quarantined', {}],
      [
        'notes.saveDraft',
        { incidentId: incident, text: 'typed', tags: [], actionOwner: null, amends: null },
      ],
      ['settings.update', { lockAfterMinutes: 60 }],
      ['session.signIn', { workerName: 'Sam', organisation: 'Harbour', pin: '1357' }],
    ]
    for (const [name, request] of personal) {
      expect(callRequests[name].safeParse(request).success, name).toBe(true)
      expect(await call(d, name, request), name).toMatchObject({
        ok: false,
        error: { code: 'locked', message: 'DA Desk is locked: enter your PIN to carry on.' },
      })
    }
    expect(await must(d, 'settings.get', {})).toMatchObject({ lockAfterMinutes: 5 })
    expect(await must(d, 'session.current', {})).toMatchObject({ workerName: 'Jo Example' })
  })

  it('answers both scripts, which name no one, as unlocked; the follow-ups themselves are refused', async () => {
    const d = testDesk()
    await signIn(d, 'Jo Example', 'Harbour', PIN)
    const incidentId = await addIncident(d)
    const scripts = [await must(d, 'script.get', {}), await must(d, 'followUps.script', {})]
    await must(d, 'session.lock', { reason: 'button' })
    expect([await must(d, 'script.get', {}), await must(d, 'followUps.script', {})]).toEqual(
      scripts,
    )
    for (const [name, request] of [
      ['followUps.list', {}],
      ['followUps.ofIncident', { incidentId }],
    ] as const) {
      expect(await call(d, name, request), name).toMatchObject({
        ok: false,
        error: { code: 'locked' },
      })
    }
  })

  it('pushes no incident from the feed to the page, only the feed’s health', async () => {
    const dataDir = tempDir()
    const d = openDesk({ dataDir, now: () => NOW, settleMs: 50, key: TEST_KEY })
    try {
      await must(d, 'session.signIn', { workerName: 'Jo', organisation: 'Harbour', pin: PIN })
      await must(d, 'session.lock', { reason: 'idle' })
      const pushed: string[] = []
      d.onEvent((event, payload) => pushed.push(`${event} ${JSON.stringify(payload)}`))
      const record = {
        incidentRef: 'CL-20261121-1000',
        receivedAt: '2026-11-21T17:50:00Z',
        grade: 1,
        summary: 'Neighbour heard screaming.',
        victim: { name: 'Alex Hidden', phone: '07700 900111' },
      }
      writeFileSync(join(d.inboxDir(), '.drop.json'), JSON.stringify([record]))
      renameSync(join(d.inboxDir(), '.drop.json'), join(d.inboxDir(), 'drop.json'))
      const stored = () =>
        d.db.prepare(`SELECT count(*) AS n FROM incidents`).get() as { n: number }
      for (let waited = 0; stored().n === 0 && waited < 10_000; waited += 25) await sleep(25)
      await d.inboxIdle()
      expect(stored().n).toBe(1)
      expect(pushed.length).toBeGreaterThan(0)
      expect(pushed.every((p) => p.startsWith('feed.health '))).toBe(true)
      expect(pushed.join('\n')).not.toMatch(/Alex Hidden|07700 900111|CL-20261121-1000/)

      // Unlocked, the page asks again and gets it.
      await must(d, 'session.unlock', { pin: PIN })
      const rows = await must(d, 'incidents.list', {})
      expect(rows.map((r) => r.victimName)).toEqual(['Alex Hidden'])
    } finally {
      await d.close()
    }
  })

  it('unlocks with the PIN given at sign-in, to the same worker, incident and draft', async () => {
    const d = testDesk()
    await signIn(d, 'Jo Example', 'Harbour', PIN)
    const incident = await addIncident(d)
    await must(d, 'notes.saveDraft', {
      incidentId: incident,
      text: 'She said the spare key is under',
      tags: [],
      actionOwner: null,
      amends: null,
    })
    const session = await must(d, 'session.current', {})
    await must(d, 'session.lock', { reason: 'shortcut' })
    expect(await must(d, 'session.unlock', { pin: PIN })).toBeNull()

    expect(await must(d, 'session.current', {})).toEqual({ ...session, locked: false })
    const detail = await must(d, 'incidents.get', { id: incident })
    expect(detail.draft?.text).toBe('She said the spare key is under')
    expect(lockEntries(d)).toEqual([
      { action: 'session.lock', detail: { reason: 'shortcut' } },
      { action: 'session.unlock', detail: {} },
    ])
  })

  it('says how many tries are left after a wrong PIN, and stays locked', async () => {
    const { d } = await lockedDesk()
    expect(await call(d, 'session.unlock', { pin: WRONG })).toEqual({
      ok: false,
      error: {
        code: 'wrong-pin',
        message: 'That PIN is not right. 4 tries left before you are signed out.',
      },
    })
    expect(await call(d, 'incidents.list', {})).toMatchObject({ error: { code: 'locked' } })
    expect(lockEntries(d)).toEqual([
      { action: 'session.lock', detail: { reason: 'shortcut' } },
      { action: 'session.unlockFailed', detail: { attemptsLeft: 4 } },
    ])
  })

  it('signs the worker out after five wrong PINs, keeping what they saved', async () => {
    const { d, incident } = await lockedDesk()
    const messages: string[] = []
    for (let i = 0; i < 5; i++) {
      const result = await call(d, 'session.unlock', { pin: WRONG })
      if (!result.ok) messages.push(`${result.error.code}: ${result.error.message}`)
    }
    expect(messages).toEqual([
      'wrong-pin: That PIN is not right. 4 tries left before you are signed out.',
      'wrong-pin: That PIN is not right. 3 tries left before you are signed out.',
      'wrong-pin: That PIN is not right. 2 tries left before you are signed out.',
      'wrong-pin: That PIN is not right. 1 try left before you are signed out.',
      'not-signed-in: 5 wrong PINs: you have been signed out. Everything you saved is kept; ' +
        'sign in again to carry on.',
    ])
    expect(await must(d, 'session.current', {})).toBeNull()
    // The right PIN is no use now: the session is over.
    expect(await call(d, 'session.unlock', { pin: PIN })).toMatchObject({
      error: { code: 'not-signed-in' },
    })
    expect(lockEntries(d)).toEqual([
      { action: 'session.lock', detail: { reason: 'shortcut' } },
      ...[4, 3, 2, 1, 0].map((attemptsLeft) => ({
        action: 'session.unlockFailed',
        detail: { attemptsLeft },
      })),
      { action: 'session.signOut', detail: { reason: '5 wrong PINs' } },
    ])
    await signIn(d, 'Jo Example', 'Harbour', '1357')
    const rows = await must(d, 'incidents.list', {})
    expect(rows.map((r) => r.id)).toEqual([incident])
  })

  it('counts the wrong PINs afresh each time it locks', async () => {
    const { d } = await lockedDesk()
    for (let i = 0; i < 4; i++) await call(d, 'session.unlock', { pin: WRONG })
    await must(d, 'session.unlock', { pin: PIN })
    await must(d, 'session.lock', { reason: 'idle' })
    expect(await call(d, 'session.unlock', { pin: WRONG })).toMatchObject({
      error: { message: 'That PIN is not right. 4 tries left before you are signed out.' },
    })
  })

  it('can be signed out of without the PIN; the next worker signs in with their own', async () => {
    const { d } = await lockedDesk()
    await must(d, 'session.signOut', {})
    await signIn(d, 'Sam Second', 'Harbour', '1357')
    await must(d, 'session.lock', { reason: 'button' })
    expect(await call(d, 'session.unlock', { pin: PIN })).toMatchObject({
      error: { code: 'wrong-pin' },
    })
    expect(await must(d, 'session.unlock', { pin: '1357' })).toBeNull()
  })

  it('audits a second lock of a locked screen once only', async () => {
    const { d } = await lockedDesk()
    await must(d, 'session.lock', { reason: 'idle' })
    expect(lockEntries(d)).toEqual([{ action: 'session.lock', detail: { reason: 'shortcut' } }])
  })
})

describe('bad lock and unlock requests', () => {
  it.each([
    ['no reason', 'session.lock', {}],
    ['an unknown reason', 'session.lock', { reason: 'boredom' }],
    ['an extra key', 'session.lock', { reason: 'idle', pin: PIN }],
    ['no PIN', 'session.unlock', {}],
    ['a PIN with letters', 'session.unlock', { pin: '12a4' }],
    ['a PIN too long', 'session.unlock', { pin: '123456789' }],
    ['a PIN as a number', 'session.unlock', { pin: 86420375 }],
  ])('refuses %s as a bad request, without counting a try', async (_what, name, request) => {
    const { d } = await lockedDesk()
    const before = auditOf(d).length
    expect(await call(d, name, request)).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(auditOf(d).length).toBe(before)
    expect(await must(d, 'session.current', {})).toMatchObject({ locked: true })
  })

  it('refuses to unlock a screen that is not locked, and to lock without a worker', async () => {
    const d = testDesk()
    expect(await call(d, 'session.lock', { reason: 'idle' })).toMatchObject({
      error: { code: 'not-signed-in' },
    })
    expect(await call(d, 'session.unlock', { pin: PIN })).toMatchObject({
      error: { code: 'not-signed-in' },
    })
    await signIn(d, 'Jo Example', 'Harbour', PIN)
    expect(await call(d, 'session.unlock', { pin: PIN })).toMatchObject({
      error: { code: 'bad-request', message: 'The screen is not locked.' },
    })
    expect(lockEntries(d)).toEqual([])
  })
})

describe('the lock setting', () => {
  it('is 5 minutes until changed, takes 1 to 60 and audits a change', async () => {
    const d = testDesk()
    await signIn(d)
    expect(await must(d, 'settings.get', {})).toMatchObject({ lockAfterMinutes: 5 })
    for (const bad of [0, 61, 2.5, '10']) {
      expect(
        await call(d, 'settings.update', { lockAfterMinutes: bad }),
        String(bad),
      ).toMatchObject({ error: { code: 'bad-request' } })
    }
    expect(await must(d, 'settings.update', { lockAfterMinutes: 2 })).toMatchObject({
      lockAfterMinutes: 2,
    })
    expect(auditOf(d).filter((e) => e.action === 'settings.update')).toEqual([
      { actor: 'Jo Example (Harbour)', action: 'settings.update', detail: { lockAfterMinutes: 2 } },
    ])
  })
})
