// Restoring a backup from Settings: the worker is signed out, the database in use is moved aside
// (never deleted) after a backup of it is made, the backup is copied in and opened, and the
// restore is in the restored database's audit log. Only a backup listed in the folder, named
// by its file name, can be restored; anything else is refused and changes nothing.
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addIncident, call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { auditOf, damagePages, incidentRefsIn, sha256 } from '../../support/backups.ts'

const folderOf = (desk: TestDesk) =>
  readdirSync(desk.dataDir).filter((f) => f.startsWith('da-desk'))

/** A desk with one incident in a backup made at 18:00 and a second added after it. */
async function deskWithLaterWork() {
  const desk = testDesk()
  await signIn(desk)
  await addIncident(desk, 'CL-20261121-0001')
  const backup = await must(desk, 'backups.make', {})
  desk.setTime('2026-11-21T19:15:00Z')
  await addIncident(desk, 'CL-20261121-0002')
  return { desk, backup }
}

describe('restoring a backup', () => {
  it('brings back the data as it was, keeps the replaced database, signs the worker out and says so', async () => {
    const { desk, backup } = await deskWithLaterWork()
    const db = join(desk.dataDir, 'da-desk.sqlite')
    desk.setTime('2026-11-21T19:20:00Z')
    const result = await must(desk, 'backups.restore', { file: backup.file })
    const aside = `${db}.replaced-2026-11-21T192000Z`
    expect(result.setAsideAs).toBe(aside)
    expect(result.message).toBe(
      'Restored the backup from 21/11/2026 18:00. Work recorded after it is not in this ' +
        `database; the replaced database was kept as ${aside}.`,
    )
    expect(result.restored).toMatchObject({ file: backup.file, reason: 'manual', good: true })
    // The restored database is the one in use: the later incident is not in it.
    expect(await must(desk, 'session.current', {})).toBeNull()
    await signIn(desk)
    expect((await must(desk, 'incidents.list', {})).map((r) => r.incidentRef)).toEqual([
      'CL-20261121-0001',
    ])
    expect(auditOf(desk.db, 'backup.restored')).toEqual([
      {
        actor: 'Jo Example (Harbour)',
        detail: {
          file: backup.file,
          madeAt: '2026-11-21T18:00:00.000Z',
          reason: 'manual',
          setAsideAs: aside,
        },
      },
    ])
    // The replaced database is kept, whole, with everything in it.
    expect(folderOf(desk)).toContain('da-desk.sqlite.replaced-2026-11-21T192000Z')
    expect(incidentRefsIn(aside)).toEqual(['CL-20261121-0001', 'CL-20261121-0002'])
    // And a backup of it was made first, so the restore can be undone from the same list.
    const list = await must(desk, 'backups.list', {})
    expect(list.backups.map((b) => b.file)).toEqual([
      'da-desk-2026-11-21T192000Z-before-restore.sqlite',
      backup.file,
    ])
    expect(incidentRefsIn(join(list.folder, list.backups[0]!.file))).toEqual([
      'CL-20261121-0001',
      'CL-20261121-0002',
    ])
  })

  it('can be undone by restoring the backup made before it', async () => {
    const { desk, backup } = await deskWithLaterWork()
    desk.setTime('2026-11-21T19:20:00Z')
    await must(desk, 'backups.restore', { file: backup.file })
    desk.setTime('2026-11-21T19:25:00Z')
    await signIn(desk)
    await must(desk, 'backups.restore', {
      file: 'da-desk-2026-11-21T192000Z-before-restore.sqlite',
    })
    await signIn(desk)
    expect((await must(desk, 'incidents.list', {})).map((r) => r.incidentRef).sort()).toEqual([
      'CL-20261121-0001',
      'CL-20261121-0002',
    ])
    expect(folderOf(desk).sort()).toEqual([
      'da-desk.sqlite',
      'da-desk.sqlite-shm',
      'da-desk.sqlite-wal',
      'da-desk.sqlite.replaced-2026-11-21T192000Z',
      'da-desk.sqlite.replaced-2026-11-21T192500Z',
    ])
  })

  it('keeps the backup being restored even when the one made first would rotate it out', async () => {
    const { desk, backup } = await deskWithLaterWork()
    await must(desk, 'settings.update', { backupsKept: 1 })
    desk.setTime('2026-11-21T19:20:00Z')
    await must(desk, 'backups.restore', { file: backup.file })
    await signIn(desk)
    expect((await must(desk, 'incidents.list', {})).map((r) => r.incidentRef)).toEqual([
      'CL-20261121-0001',
    ])
  })

  it.each([
    ['a path', '../da-desk.sqlite', 'bad-request'],
    ['an absolute path', '/etc/passwd', 'bad-request'],
    ['a path to a backup', 'backups/da-desk-2026-11-21T180000Z-manual.sqlite', 'bad-request'],
    ['a name with a path in it', 'da-desk-2026-11-21T180000Z-manual.sqlite/../x', 'bad-request'],
    ['the database itself', 'da-desk.sqlite', 'bad-request'],
    ['a backup that is not there', 'da-desk-2026-11-21T170000Z-daily.sqlite', 'not-found'],
    ['a number', 42, 'bad-request'],
  ])('refuses %s and changes nothing', async (_what, file, code) => {
    const { desk } = await deskWithLaterWork()
    const dbFile = join(desk.dataDir, 'da-desk.sqlite')
    const before = folderOf(desk).sort()
    const reply = await call(desk, 'backups.restore', { file })
    expect(reply).toMatchObject({ ok: false, error: { code } })
    expect(folderOf(desk).sort()).toEqual(before)
    expect(await must(desk, 'session.current', {})).not.toBeNull()
    expect(incidentRefsIn(dbFile)).toHaveLength(2)
    expect((await must(desk, 'backups.list', {})).backups).toHaveLength(1)
  })

  it('refuses a damaged backup, saying why, and changes nothing', async () => {
    const { desk, backup } = await deskWithLaterWork()
    const list = await must(desk, 'backups.list', {})
    const path = join(list.folder, backup.file)
    // Big enough to damage pages in the middle: a copy of a fuller database.
    for (let i = 3; i < 40; i++) {
      await must(desk, 'incidents.addManual', {
        record: {
          incidentRef: `CL-20261121-${String(i).padStart(4, '0')}`,
          receivedAt: '2026-11-21T17:40:00.000Z',
          grade: 3,
          summary: 'Long account of the call. '.repeat(60),
        },
      })
    }
    const fuller = await must(desk, 'backups.make', {})
    copyFileSync(join(list.folder, fuller.file), path)
    damagePages(path)
    const reply = await call(desk, 'backups.restore', { file: backup.file })
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(reply.ok || reply.error.message).toMatch(/^That backup cannot be restored: SQLite/)
    expect(await must(desk, 'session.current', {})).not.toBeNull()
    expect(folderOf(desk)).not.toContain(expect.stringContaining('replaced'))
    expect((await must(desk, 'incidents.list', {})).length).toBe(39)
  })

  it('refuses a file put in the folder that is not encrypted with this key', async () => {
    const { desk } = await deskWithLaterWork()
    const list = await must(desk, 'backups.list', {})
    const stranger = 'da-desk-2026-11-21T120000Z-daily.sqlite'
    writeFileSync(join(list.folder, stranger), Buffer.alloc(8192, 7))
    const before = sha256(join(desk.dataDir, 'da-desk.sqlite'))
    const reply = await call(desk, 'backups.restore', { file: stranger })
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(reply.ok || reply.error.message).toContain('the database key does not open it')
    expect(sha256(join(desk.dataDir, 'da-desk.sqlite'))).toBe(before)
  })

  it('is refused before sign-in', async () => {
    const { desk, backup } = await deskWithLaterWork()
    await must(desk, 'session.signOut', {})
    expect(await call(desk, 'backups.restore', { file: backup.file })).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    })
    expect(folderOf(desk)).not.toContain(expect.stringContaining('replaced'))
  })
})
