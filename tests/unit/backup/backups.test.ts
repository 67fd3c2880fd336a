// Making backups: encrypted copies that open only with the key, in the backups folder under a
// name with the time and the reason, rotated to the number Settings keeps; one after every hand
// over (a backup that fails never fails the hand over) and one a day.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openDesk } from '../../../electron/core/desk.ts'
import type { Desk } from '../../../electron/core/desk.ts'
import { addIncident, call, closeDesk, must, signIn, testDesk } from '../../support/desk.ts'
import { auditOf, incidentRefsIn, sha256 } from '../../support/backups.ts'
import { rawDatabase, TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const backupNames = (dataDir: string) =>
  existsSync(join(dataDir, 'backups')) ? readdirSync(join(dataDir, 'backups')).sort() : []

describe('a backup', () => {
  it('is encrypted: no victim name in its bytes, it does not open without the key, and with the key it holds the incidents', async () => {
    const desk = testDesk()
    await signIn(desk)
    await addIncident(desk, 'CL-20261121-0999')
    const made = await must(desk, 'backups.make', {})
    expect(made).toMatchObject({
      file: 'da-desk-2026-11-21T180000Z-manual.sqlite',
      madeAt: '2026-11-21T18:00:00.000Z',
      reason: 'manual',
      good: true,
      problem: null,
    })
    const path = join(desk.dataDir, 'backups', made.file)
    const bytes = readFileSync(path)
    expect(made.bytes).toBe(bytes.length)
    expect(bytes.includes(Buffer.from('Riley Test'))).toBe(false)
    expect(bytes.includes(Buffer.from('07700 900789'))).toBe(false)
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    const withoutKey = new Database(path, { readonly: true })
    expect(() => withoutKey.prepare('SELECT count(*) FROM incidents').get()).toThrow(
      /not a database/,
    )
    withoutKey.close()
    expect(incidentRefsIn(path)).toEqual(['CL-20261121-0999'])
    // Nothing but the backup is left in the folder: no temporary file.
    expect(backupNames(desk.dataDir)).toEqual([made.file])
    expect(auditOf(desk.db, 'backup.made')).toEqual([
      {
        actor: 'Jo Example (Harbour)',
        detail: {
          file: made.file,
          reason: 'manual',
          sha256: sha256(path),
          bytes: bytes.length,
          deleted: [],
        },
      },
    ])
  })

  it('is listed newest first with its time, reason, size and whether it checks out', async () => {
    const desk = testDesk()
    await signIn(desk)
    await must(desk, 'backups.make', {})
    desk.setTime('2026-11-21T19:30:05Z')
    await must(desk, 'backups.make', {})
    // Two in the same second get different names.
    await must(desk, 'backups.make', {})
    // A backup damaged on disk is listed, as not good, with why.
    const damaged = join(desk.dataDir, 'backups', 'da-desk-2026-11-20T120000Z-daily.sqlite')
    writeFileSync(damaged, 'not a database at all, just text')
    // Files not named like a backup are not listed.
    writeFileSync(join(desk.dataDir, 'backups', 'notes.txt'), 'IT were here')
    const list = await must(desk, 'backups.list', {})
    expect(list.folder).toBe(join(desk.dataDir, 'backups'))
    expect(list.backups.map((b) => [b.file, b.reason, b.good])).toEqual([
      ['da-desk-2026-11-21T193005Z-manual-2.sqlite', 'manual', true],
      ['da-desk-2026-11-21T193005Z-manual.sqlite', 'manual', true],
      ['da-desk-2026-11-21T180000Z-manual.sqlite', 'manual', true],
      ['da-desk-2026-11-20T120000Z-daily.sqlite', 'daily', false],
    ])
    expect(list.backups[3]!.problem).toMatch(/key does not open it|could not read/)
    expect(list.backups[0]!.madeAt).toBe('2026-11-21T19:30:05.000Z')
    expect(list.backups[0]!.bytes).toBeGreaterThan(0)
  })

  it('keeps the newest backups up to the number set in Settings, never deleting the one just made', async () => {
    const desk = testDesk()
    await signIn(desk)
    expect((await must(desk, 'settings.get', {})).backupsKept).toBe(14)
    expect((await must(desk, 'settings.update', { backupsKept: 3 })).backupsKept).toBe(3)
    const made: string[] = []
    for (let hour = 10; hour < 16; hour++) {
      desk.setTime(`2026-11-22T${hour}:00:00Z`)
      made.push((await must(desk, 'backups.make', {})).file)
    }
    expect(backupNames(desk.dataDir)).toEqual(made.slice(-3).sort())
    expect(auditOf(desk.db, 'backup.made').at(-1)!.detail.deleted).toEqual([made[2]])
    // Keeping one keeps the one just made.
    await must(desk, 'settings.update', { backupsKept: 1 })
    desk.setTime('2026-11-22T17:00:00Z')
    const last = (await must(desk, 'backups.make', {})).file
    expect(backupNames(desk.dataDir)).toEqual([last])
    expect(auditOf(desk.db, 'settings.update').map((e) => e.detail)).toEqual([
      { backupsKept: 3 },
      { backupsKept: 1 },
    ])
  })

  it.each([0, 101, 2.5, '14', null])(
    'refuses to keep %j backups and changes nothing',
    async (backupsKept) => {
      const desk = testDesk()
      await signIn(desk)
      const reply = await call(desk, 'settings.update', { backupsKept })
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      expect((await must(desk, 'settings.get', {})).backupsKept).toBe(14)
    },
  )

  it('is refused before sign-in', async () => {
    const desk = testDesk()
    expect(await call(desk, 'backups.make', {})).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    })
    expect(await call(desk, 'backups.list', {})).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    })
    expect(backupNames(desk.dataDir)).toEqual([])
  })

  it('that cannot be written says why, is audited and leaves no file', async () => {
    const desk = testDesk()
    await signIn(desk)
    writeFileSync(join(desk.dataDir, 'backups'), 'a file where the folder should be')
    const reply = await call(desk, 'backups.make', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'io' } })
    expect(reply.ok || reply.error.message).toMatch(/^The backup was not made: .*backups/)
    expect(auditOf(desk.db, 'backup.failed')).toEqual([
      { actor: 'Jo Example (Harbour)', detail: { reason: 'manual', why: expect.any(String) } },
    ])
  })
})

describe('the hand over', () => {
  it('makes a backup after it, named for the hand over, with the hand over in it', async () => {
    const desk = testDesk()
    await signIn(desk)
    await addIncident(desk)
    desk.setTime('2026-11-22T06:00:00Z')
    const result = await must(desk, 'shift.handOver', {
      formats: ['json'],
      statsOnly: false,
      outDir: tempDir(),
    })
    expect(result.backup).toMatchObject({
      made: { file: 'da-desk-2026-11-22T060000Z-handover.sqlite', reason: 'handover', good: true },
    })
    const path = join(desk.dataDir, 'backups', 'da-desk-2026-11-22T060000Z-handover.sqlite')
    const copy = rawDatabase(path)
    expect(copy.prepare(`SELECT ended_at FROM shifts`).pluck().all()).toEqual([
      '2026-11-22T06:00:00.000Z',
    ])
    copy.close()
    expect(auditOf(desk.db, 'backup.made')[0]!.detail).toMatchObject({ reason: 'handover' })
  })

  it('still hands over when the backup cannot be written, and says why', async () => {
    const desk = testDesk()
    await signIn(desk)
    await addIncident(desk)
    writeFileSync(join(desk.dataDir, 'backups'), 'a file where the folder should be')
    const out = tempDir()
    const result = await must(desk, 'shift.handOver', {
      formats: ['json'],
      statsOnly: false,
      outDir: out,
    })
    expect(result.backup).toEqual({ failed: expect.stringContaining('backups') })
    expect(result.handedOver).toBe(1)
    expect(result.shift!.endedAt).not.toBeNull()
    expect(readdirSync(out).length).toBe(2)
    expect(await must(desk, 'session.current', {})).toBeNull()
    expect(auditOf(desk.db, 'backup.failed')[0]!.detail).toMatchObject({ reason: 'handover' })
  })
})

describe('the daily backup', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  function appDesk(dataDir: string, clock: { now: number }): Desk {
    return openDesk({
      dataDir,
      key: TEST_KEY,
      watchInbox: false,
      dailyBackups: true,
      now: () => clock.now,
    })
  }

  it('is made at start-up when there is none or the newest is a day old, and not otherwise', async () => {
    const dataDir = tempDir()
    const clock = { now: Date.parse('2026-11-21T18:00:00Z') }
    await appDesk(dataDir, clock).close()
    expect(backupNames(dataDir)).toEqual(['da-desk-2026-11-21T180000Z-daily.sqlite'])
    clock.now = Date.parse('2026-11-22T17:59:59Z')
    await appDesk(dataDir, clock).close()
    expect(backupNames(dataDir)).toHaveLength(1)
    clock.now = Date.parse('2026-11-22T18:00:00Z')
    await appDesk(dataDir, clock).close()
    expect(backupNames(dataDir)).toEqual([
      'da-desk-2026-11-21T180000Z-daily.sqlite',
      'da-desk-2026-11-22T180000Z-daily.sqlite',
    ])
  })

  it('is checked for every hour while the desk runs, and no more once it is closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const dataDir = tempDir()
    const clock = { now: Date.parse('2026-11-21T18:00:00Z') }
    const desk = appDesk(dataDir, clock)
    // The copy is made on a worker thread: a busy machine may take a while.
    await vi.waitFor(() => expect(backupNames(dataDir)).toHaveLength(1), { timeout: 20_000 })
    clock.now = Date.parse('2026-11-22T18:30:00Z')
    // An hour passes at each try, until the check after the start-up backup has made one.
    await vi.waitFor(
      () => {
        vi.advanceTimersByTime(60 * 60_000)
        expect(backupNames(dataDir)).toEqual([
          'da-desk-2026-11-21T180000Z-daily.sqlite',
          'da-desk-2026-11-22T183000Z-daily.sqlite',
        ])
      },
      { timeout: 20_000 },
    )
    await desk.close()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('is not made by a desk that does not make daily backups (the CLI, most tests)', async () => {
    const desk = testDesk()
    await closeDesk(desk)
    expect(backupNames(desk.dataDir)).toEqual([])
  })
})
