// da-desk backup, backups and restore: encrypted backups beside the database or in a folder
// named, the list with each backup checked, and a restore that refuses a damaged backup, a backup
// the key does not open, and a database in use, changing nothing; otherwise it keeps the database
// it replaces.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditOf, damagePages, incidentRefsIn, sha256 } from '../../support/backups.ts'
import { cli } from '../../support/cli.ts'
import { rawDatabase } from '../../support/databaseKey.ts'
import { addIncident, closeDesk, must, signIn, testDesk } from '../../support/desk.ts'
import { tempDir } from '../../support/tempDir.ts'

/** A closed database with one incident in it, and the folder it is in. */
async function database(ref = 'CL-20261121-0001') {
  const desk = testDesk()
  await signIn(desk)
  await addIncident(desk, ref)
  await closeDesk(desk)
  return { dir: desk.dataDir, db: join(desk.dataDir, 'da-desk.sqlite') }
}

const auditIn = (file: string, action: string) => {
  const db = rawDatabase(file)
  try {
    return auditOf(db, action)
  } finally {
    db.close()
  }
}

describe('da-desk backup and backups', () => {
  it('backs the database up, encrypted, into the backups folder beside it, audited, and lists it', async () => {
    const { dir, db } = await database()
    const run = cli(['backup', '--db', db])
    expect(run.code, run.err).toBe(0)
    const [file] = readdirSync(join(dir, 'backups'))
    expect(file).toMatch(/^da-desk-\d{4}-\d{2}-\d{2}T\d{6}Z-manual\.sqlite$/)
    const path = join(dir, 'backups', file!)
    expect(run.out).toContain(`Backup made: ${path} (`)
    expect(readFileSync(path).includes(Buffer.from('Riley Test'))).toBe(false)
    expect(incidentRefsIn(path)).toEqual(['CL-20261121-0001'])
    expect(auditIn(db, 'backup.made')).toEqual([
      {
        actor: expect.stringMatching(/^command line \(/),
        detail: expect.objectContaining({ file, reason: 'manual', sha256: sha256(path) }),
      },
    ])

    const listed = cli(['backups', '--db', db, '--json'])
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.out)).toEqual({
      folder: join(dir, 'backups'),
      backups: [expect.objectContaining({ file, reason: 'manual', good: true, problem: null })],
    })
    const table = cli(['backups', '--db', db])
    expect(table.out).toMatch(/Backed up by hand +\d+ bytes {2}good {2}da-desk-/)
    expect(table.out).toContain('1 backup(s)')
  })

  it('writes to the folder named with --out, and deletes nothing there', async () => {
    const { db } = await database()
    const out = tempDir()
    const runs = [1, 2].map(() => cli(['backup', '--db', db, '--out', out]))
    expect(runs.map((r) => r.code)).toEqual([0, 0])
    expect(readdirSync(out)).toHaveLength(2)
  })

  it('fails (exit 1) on a damaged database, saying so, and leaves it as it was', async () => {
    const desk = testDesk()
    await signIn(desk)
    for (let i = 1; i <= 30; i++) await addIncident(desk, `CL-20261121-${1000 + i}`)
    await closeDesk(desk)
    const db = join(desk.dataDir, 'da-desk.sqlite')
    damagePages(db)
    const before = sha256(db)
    const run = cli(['backup', '--db', db])
    expect(run.code).toBe(1)
    expect(run.err).toMatch(/is damaged: SQLite/)
    expect(sha256(db)).toBe(before)
  })
})

describe('da-desk restore', () => {
  it('replaces the database with the backup, keeps the one it replaced, and audits it in the restored one', async () => {
    const { dir, db } = await database()
    cli(['backup', '--db', db])
    const [file] = readdirSync(join(dir, 'backups'))
    const backup = join(dir, 'backups', file!)
    // Work after the backup, which the restore takes away.
    const desk = testDesk(dir)
    await signIn(desk)
    await addIncident(desk, 'CL-20261121-0002')
    await closeDesk(desk)

    const run = cli(['restore', '--db', db, '--from', backup])
    expect(run.code, run.err).toBe(0)
    const aside = readdirSync(dir).find((f) => f.startsWith('da-desk.sqlite.replaced-'))!
    expect(run.out).toBe(
      `Restored ${backup} as ${db}.\nThe database it replaced was kept as ${join(dir, aside)}.\n`,
    )
    expect(incidentRefsIn(db)).toEqual(['CL-20261121-0001'])
    expect(incidentRefsIn(join(dir, aside))).toEqual(['CL-20261121-0001', 'CL-20261121-0002'])
    expect(auditIn(db, 'backup.restored')).toEqual([
      {
        actor: expect.stringMatching(/^command line \(/),
        detail: { file: backup, setAsideAs: join(dir, aside) },
      },
    ])
  })

  it('refuses a damaged backup (exit 1) and changes nothing', async () => {
    const { dir, db } = await database()
    const big = testDesk()
    await signIn(big)
    for (let i = 1; i <= 30; i++) await addIncident(big, `CL-20261121-${1000 + i}`)
    const made = await must(big, 'backups.make', {})
    const backup = join(dir, 'damaged-copy.sqlite')
    copyFileSync(join(big.dataDir, 'backups', made.file), backup)
    damagePages(backup)
    const before = sha256(db)
    const run = cli(['restore', '--db', db, '--from', backup])
    expect(run.code).toBe(1)
    expect(run.err).toMatch(
      /^da-desk: The backup .* cannot be restored: SQLite .* Nothing was changed\./,
    )
    expect(sha256(db)).toBe(before)
    expect(readdirSync(dir).filter((f) => f.includes('replaced'))).toEqual([])
  })

  it('refuses a backup the key does not open (exit 1) and changes nothing', async () => {
    const { db } = await database()
    const other = await database('CL-20261121-0009')
    const backup = join(tempDir(), 'other.sqlite')
    copyFileSync(other.db, backup)
    const before = sha256(db)
    const run = cli(['restore', '--db', db, '--from', backup], { DA_DESK_KEY: 'cd'.repeat(32) })
    expect(run.code).toBe(1)
    expect(run.err).toContain('the database key does not open it')
    expect(sha256(db)).toBe(before)
  })

  it('refuses while DA Desk has the database open (exit 1) and changes nothing', async () => {
    const { dir, db } = await database()
    cli(['backup', '--db', db])
    const backup = join(dir, 'backups', readdirSync(join(dir, 'backups'))[0]!)
    const desk = testDesk(dir)
    const run = cli(['restore', '--db', db, '--from', backup])
    expect(run.code).toBe(1)
    expect(run.err).toContain('is in use (is DA Desk open?)')
    expect(readdirSync(dir).filter((f) => f.includes('replaced'))).toEqual([])
    await closeDesk(desk)
  })

  it.each([
    [['restore', '--db', 'x.sqlite'], /Give --from BACKUP/],
    [['restore', '--from', 'a', 'b'], /Unexpected argument: b/],
    [['backup', '--nonsense'], /Unknown option/],
  ])('exits 2 with usage for %j', (args, message) => {
    const run = cli(args)
    expect(run.code).toBe(2)
    expect(run.err).toMatch(message)
  })

  it('fails (exit 1) when the backup is not there', async () => {
    const { db } = await database()
    const run = cli(['restore', '--db', db, '--from', join(tempDir(), 'none.sqlite')])
    expect(run.code).toBe(1)
    expect(run.err).toMatch(/No backup at .*none\.sqlite\. Nothing was changed\./)
  })
})
