// The command line and the encrypted database: where it takes the key from, what it says when
// there is none or the wrong one, `audit verify` and its exit codes, and its own audit entries.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../../support/cli.ts'
import { rawDatabase, TEST_KEY_HEX } from '../../support/databaseKey.ts'
import { closeDesk, signIn, testDesk } from '../../support/desk.ts'
import { tempDir } from '../../support/tempDir.ts'

function feedFile(dir: string): string {
  const file = join(dir, 'one.json')
  writeFileSync(
    file,
    JSON.stringify({
      incidentRef: 'CL-7',
      receivedAt: '2026-11-21T15:00:00Z',
      grade: 1,
      summary: 'x',
      victim: { name: 'Riley Test' },
    }),
  )
  return file
}

describe('da-desk and the database key', () => {
  it('works with the key in DA_DESK_KEY, DA_DESK_KEY_FILE or --key-file', () => {
    const dir = tempDir()
    const db = join(dir, 'desk.sqlite')
    const keyFile = join(dir, 'desk.key')
    writeFileSync(keyFile, `${TEST_KEY_HEX}\n`)
    expect(cli(['ingest', '--db', db, feedFile(dir)]).code).toBe(0)
    const noKey = { DA_DESK_KEY: '' }
    expect(cli(['incidents', '--db', db], { ...noKey, DA_DESK_KEY_FILE: keyFile }).out).toMatch(
      /^CL-7 /m,
    )
    expect(cli(['incidents', '--db', db, '--key-file', keyFile], noKey).out).toMatch(/^CL-7 /m)
  })

  it('exits 2 saying where a key can come from when none is given, and creates nothing', () => {
    const dir = tempDir()
    const db = join(dir, 'desk.sqlite')
    const run = cli(['ingest', '--db', db, feedFile(dir)], { DA_DESK_KEY: '' })
    expect(run.code).toBe(2)
    expect(run.err).toMatch(
      /The database is encrypted and needs its key: give --key-file FILE, or set DA_DESK_KEY_FILE/,
    )
    expect(existsSync(db)).toBe(false)
  })

  it('exits 1 when the key does not match the database', () => {
    const dir = tempDir()
    const db = join(dir, 'desk.sqlite')
    cli(['ingest', '--db', db, feedFile(dir)])
    const run = cli(['incidents', '--db', db], { DA_DESK_KEY: 'ab'.repeat(32) })
    expect(run.code).toBe(1)
    expect(run.err).toMatch(/the database key does not match the database/i)
  })

  it('records what it read and changed in the audit log, as the command line', () => {
    const dir = tempDir()
    const db = join(dir, 'desk.sqlite')
    cli(['ingest', '--db', db, feedFile(dir)])
    cli(['incidents', '--db', db, '--json'])
    const raw = rawDatabase(db)
    const rows = raw.prepare(`SELECT actor, action, detail FROM audit_log ORDER BY id`).all()
    raw.close()
    expect(rows).toEqual([
      {
        actor: expect.stringMatching(/^command line \(.+\)$/),
        action: 'cli.ingest',
        detail: '{"file":"one.json","accepted":1,"updated":0,"rejected":0,"error":null}',
      },
      {
        actor: expect.stringMatching(/^command line \(.+\)$/),
        action: 'cli.incidents',
        detail: '{"incidents":1,"json":true}',
      },
    ])
  })
})

describe('da-desk audit verify', () => {
  async function deskFolder(): Promise<string> {
    const d = testDesk()
    d.setTime('2026-11-21T18:00:00Z')
    await signIn(d)
    d.setTime('2026-11-21T18:05:00Z')
    await signIn(d, 'Sam Example')
    await closeDesk(d)
    return join(d.dataDir, 'da-desk.sqlite')
  }

  it('exits 0 and counts the entries when the chain is intact', async () => {
    const db = await deskFolder()
    const run = cli(['audit', 'verify', '--db', db])
    expect(run).toMatchObject({ code: 0, out: 'Audit log intact: 6 entries\n' })
    // Checking adds nothing to the log it checks.
    expect(cli(['audit', 'verify', '--db', db]).out).toBe('Audit log intact: 6 entries\n')
  })

  it('exits 4 naming the first bad entry, its time and what is wrong with it', async () => {
    const db = await deskFolder()
    const raw = rawDatabase(db)
    raw.exec(`DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET actor = 'Nobody (Harbour)' WHERE id = 3`)
    raw.close()
    const run = cli(['audit', 'verify', '--db', db])
    expect(run.code).toBe(4)
    expect(run.out).toBe(
      'Audit log broken at entry 3 (21/11/2026 18:05): it was changed after it was written. ' +
        '3 entries checked up to there.\n',
    )
  })

  it.each([[['audit']], [['audit', 'check']], [['audit', 'verify', 'extra']]])(
    'exits 2 with usage for %j',
    (args) => {
      const run = cli(args)
      expect(run.code).toBe(2)
      expect(run.err).toMatch(/Usage: da-desk/)
    },
  )
})
