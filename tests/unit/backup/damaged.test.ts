// A database SQLite finds damaged at start-up: the desk starts in a damaged state, leaves the file
// exactly as it was, refuses every call but its status and the backups with 'database-damaged',
// and restores a backup by moving the damaged file aside (never overwriting or deleting it).
import { closeSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.ts'
import { DamagedDatabaseError, openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { call, closeDesk, must, signIn, TEST_PIN, testDesk } from '../../support/desk.ts'
import { auditOf, damagePages, incidentRefsIn, sha256 } from '../../support/backups.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'

/** A data folder with 30 incidents, one backup of them, and then a damaged database. */
async function damagedDataFolder() {
  const desk = testDesk()
  await signIn(desk)
  for (let i = 1; i <= 30; i++) {
    await must(desk, 'incidents.addManual', {
      record: {
        incidentRef: `CL-20261121-${String(i).padStart(4, '0')}`,
        receivedAt: '2026-11-21T17:40:00.000Z',
        grade: 3,
        summary: 'Long account of the call. '.repeat(60),
      },
    })
  }
  const backup = await must(desk, 'backups.make', {})
  await closeDesk(desk)
  const file = join(desk.dataDir, 'da-desk.sqlite')
  damagePages(file)
  return { dataDir: desk.dataDir, file, backup, hash: sha256(file) }
}

describe('a damaged database at start-up', () => {
  it('starts the desk damaged, says what and where, refuses other calls and leaves the file as it was', async () => {
    const { dataDir, file, hash } = await damagedDataFolder()
    const desk = testDesk(dataDir)
    const status = await must(desk, 'desk.status', {})
    expect(status).toEqual({ state: 'damaged', file, problem: expect.stringMatching(/^SQLite/) })
    for (const [name, request] of [
      ['session.current', {}],
      ['session.signIn', { workerName: 'Jo Example', organisation: 'Harbour', pin: TEST_PIN }],
      ['settings.get', {}],
      ['incidents.list', {}],
      ['backups.make', {}],
    ] as const) {
      expect(await call(desk, name, request), name).toMatchObject({
        ok: false,
        error: { code: 'database-damaged' },
      })
    }
    // The recovery screen lists the backups before anyone can sign in.
    const list = await must(desk, 'backups.list', {})
    expect(list.backups.map((b) => [b.reason, b.good])).toEqual([['manual', true]])
    await closeDesk(desk)
    expect(sha256(file)).toBe(hash)
    expect(readdirSync(dataDir).filter((f) => f.includes('.damaged-'))).toEqual([])
  })

  it('is restored from a backup: the damaged file is moved aside unchanged and the backup opens', async () => {
    const { dataDir, file, backup, hash } = await damagedDataFolder()
    const desk = testDesk(dataDir)
    desk.setTime('2026-11-21T21:05:00Z')
    const result = await must(desk, 'backups.restore', { file: backup.file })
    const aside = `${file}.damaged-2026-11-21T210500Z`
    expect(result.setAsideAs).toBe(aside)
    expect(result.message).toBe(
      'Restored the backup from 21/11/2026 18:00. Work recorded after it is not in this ' +
        `database; the damaged database was kept as ${aside}.`,
    )
    expect(sha256(aside)).toBe(hash)
    expect(await must(desk, 'desk.status', {})).toEqual({ state: 'ready' })
    await signIn(desk)
    expect((await must(desk, 'incidents.list', {})).length).toBe(30)
    expect(auditOf(desk.db, 'backup.restored')).toEqual([
      {
        actor: 'system (recovery screen)',
        detail: {
          file: backup.file,
          madeAt: '2026-11-21T18:00:00.000Z',
          reason: 'manual',
          setAsideAs: aside,
        },
      },
    ])
    await closeDesk(desk)
    // The next start finds the restored database intact.
    const again = testDesk(dataDir)
    expect(await must(again, 'desk.status', {})).toEqual({ state: 'ready' })
    expect(incidentRefsIn(file)).toHaveLength(30)
  })

  it('is refused by openDatabase with what SQLite found, writing nothing (the CLI says so)', async () => {
    const { file, hash } = await damagedDataFolder()
    expect(() => openDatabase(file, TEST_KEY)).toThrow(DamagedDatabaseError)
    expect(sha256(file)).toBe(hash)
  })

  it('with its first page damaged, which reads like a wrong key, is found damaged because the key opens a backup', async () => {
    const { dataDir, file, backup } = await damagedDataFolder()
    // The page's encrypted content, after its salt: SQLCipher's HMAC check fails on page 1.
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, 200)
    closeSync(fd)
    const hash = sha256(file)
    expect(() => openDatabase(file, TEST_KEY)).toThrow(/key does not match/)

    const desk = testDesk(dataDir)
    expect(await must(desk, 'desk.status', {})).toEqual({
      state: 'damaged',
      file,
      problem:
        'its first page cannot be read with the database key, which does open the backup ' +
        `${backup.file}, so the file is damaged`,
    })
    await must(desk, 'backups.restore', { file: backup.file })
    expect(
      sha256(
        readdirSync(dataDir)
          .map((f) => join(dataDir, f))
          .find((f) => f.includes('.damaged-'))!,
      ),
    ).toBe(hash)
    await signIn(desk)
    expect((await must(desk, 'incidents.list', {})).length).toBe(30)
  })

  it('with the wrong key is still a key problem, not damage, and starts nothing', async () => {
    const { dataDir, file, hash } = await damagedDataFolder()
    expect(() =>
      openDesk({ dataDir, key: Buffer.alloc(32, 1), watchInbox: false, dailyBackups: true }),
    ).toThrow(/key does not match/)
    expect(sha256(file)).toBe(hash)
    expect(existsSync(join(dataDir, 'backups'))).toBe(true)
    expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(1)
  })
})
