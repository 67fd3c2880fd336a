// Encryption at rest, checked on the real files: what someone who copies the database (and its
// WAL) off the workstation can read, what a wrong key does, and the one-off encryption of a
// database written before DA Desk encrypted its data, including when it is interrupted.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { sql as auditChainSql } from '../../../electron/core/db/migrations/005_audit_chain.ts'
import {
  DatabaseKeyError,
  ENCRYPTION_STEPS,
  isPlainDatabase,
} from '../../../electron/core/db/encryption.ts'
import { verifyAuditChain } from '../../../electron/core/audit/verifyAuditChain.ts'
import { addIncident, must, signIn, testDesk } from '../../support/desk.ts'
import { rawDatabase, TEST_KEY, TEST_KEY_HEX } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const VICTIM = 'Riley Test'
const PHONE = '07700 900789'
const NOTE = 'Victim says the spare key is under the blue plant pot.'

/** Whether any of the texts appears in the file's bytes, as UTF-8 or UTF-16. */
function reveals(file: string, texts: string[]): string[] {
  const bytes = readFileSync(file)
  return texts.filter(
    (t) => bytes.includes(Buffer.from(t, 'utf8')) || bytes.includes(Buffer.from(t, 'utf16le')),
  )
}

const TABLES = ['incidents', 'sessions', 'notes', 'contact_attempts', 'incident_history']
/** Every row; compared with toMatchObject, since later migrations add columns. */
const rowsOf = (db: Database.Database) =>
  Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]))
const auditRowsOf = (db: Database.Database) =>
  db
    .prepare(
      `SELECT id, at, session_id, actor, action, incident_id, detail FROM audit_log ORDER BY id`,
    )
    .all()

/** The schema just before the audit chain: what every install so far has on disk. */
const BEFORE_CHAIN = migrations.indexOf(auditChainSql)

/**
 * A database as earlier versions left it when killed: plain, with its latest records still in
 * the WAL. Returns every row, as read before the copy was taken.
 */
function plainDatabase(file: string) {
  const source = `${file}.source`
  const db = new Database(source)
  db.pragma('journal_mode = WAL')
  for (const sql of migrations.slice(0, BEFORE_CHAIN)) db.exec(sql)
  db.pragma(`user_version = ${BEFORE_CHAIN}`)
  db.exec(`
    INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, source, summary,
      caller_role, victim_name, victim_phone, flags, extra, origin, progress, created_at)
    VALUES ('CL-20261121-0457', '2026-11-21T15:04:12.000Z', '2026-11-21T15:30:00.000Z', 1,
      'assigned', '999', 'Line went quiet.', 'victim', '${VICTIM}', '${PHONE}', '[]', '{}',
      'feed', 'reviewing', '2026-11-21T15:04:20.000Z');
    INSERT INTO sessions (worker_name, organisation, signed_in_at)
    VALUES ('Jo Example', 'Harbour', '2026-11-21T14:00:00.000Z');
    INSERT INTO notes (incident_id, at, author, text, tags, session_id)
    VALUES (1, '2026-11-21T15:21:00.000Z', 'Jo Example (Harbour)', '${NOTE}', '[]', 1);
    INSERT INTO audit_log (at, session_id, actor, action, incident_id, detail)
    VALUES ('2026-11-21T14:00:00.000Z', 1, 'Jo Example (Harbour)', 'session.signIn', NULL, '{}'),
      ('2026-11-21T15:21:00.000Z', 1, 'Jo Example (Harbour)', 'note.add', 1, '{"noteId":1}');
  `)
  const rows = { rows: rowsOf(db), audit: auditRowsOf(db) }
  copyFileSync(source, file)
  copyFileSync(`${source}-wal`, `${file}-wal`)
  db.close()
  rmSync(source)
  return rows
}

describe('the database on disk', () => {
  it('reveals no victim name, phone or note text in the file or its WAL without the key', async () => {
    const d = testDesk()
    await signIn(d)
    const id = await addIncident(d)
    await must(d, 'notes.add', {
      incidentId: id,
      text: NOTE,
      tags: [],
      actionOwner: null,
      amends: null,
    })
    // Copied while the app is running: the latest writes are still in the WAL.
    const copy = tempDir()
    const file = join(d.dataDir, 'da-desk.sqlite')
    copyFileSync(file, join(copy, 'da-desk.sqlite'))
    copyFileSync(`${file}-wal`, join(copy, 'da-desk.sqlite-wal'))
    expect(readFileSync(join(copy, 'da-desk.sqlite-wal')).length).toBeGreaterThan(0)

    for (const name of ['da-desk.sqlite', 'da-desk.sqlite-wal']) {
      expect(reveals(join(copy, name), [VICTIM, PHONE, NOTE, 'CL-20261121-0999'])).toEqual([])
    }
    expect(isPlainDatabase(join(copy, 'da-desk.sqlite'))).toBe(false)
    const withoutKey = new Database(join(copy, 'da-desk.sqlite'))
    expect(() => withoutKey.prepare('SELECT * FROM incidents').all()).toThrow(/not a database/)
    withoutKey.close()
    // The copy does hold the records: the key opens them.
    const withKey = rawDatabase(join(copy, 'da-desk.sqlite'))
    expect(withKey.prepare(`SELECT text FROM notes`).all()).toEqual([{ text: NOTE }])
    withKey.close()
  })

  it('refuses a wrong key with a clear message and leaves the files as they were', async () => {
    const d = testDesk()
    await signIn(d)
    await addIncident(d)
    const copy = tempDir()
    const file = join(copy, 'da-desk.sqlite')
    copyFileSync(join(d.dataDir, 'da-desk.sqlite'), file)
    copyFileSync(join(d.dataDir, 'da-desk.sqlite-wal'), `${file}-wal`)
    const before = [readFileSync(file), readFileSync(`${file}-wal`)]
    const wrong = Buffer.alloc(32, 1)
    expect(() => openDatabase(file, wrong)).toThrow(DatabaseKeyError)
    expect(() => openDatabase(file, wrong)).toThrow(/database key does not match/)
    expect([readFileSync(file), readFileSync(`${file}-wal`)]).toEqual(before)
    const right = openDatabase(file, TEST_KEY)
    expect(right.prepare(`SELECT victim_name FROM incidents`).get()).toEqual({
      victim_name: VICTIM,
    })
    right.close()
  })

  it('refuses a key that is not 32 bytes', () => {
    const file = join(tempDir(), 'desk.sqlite')
    expect(() => openDatabase(file, Buffer.alloc(16))).toThrow(/A database key is 32 bytes/)
    expect(existsSync(file)).toBe(false)
  })

  it('makes copies with VACUUM INTO (as backups are made) encrypted with the same key', () => {
    const dir = tempDir()
    const db = openDatabase(join(dir, 'desk.sqlite'), TEST_KEY)
    db.prepare(`INSERT INTO settings (key, value) VALUES ('secret', :value)`).run({
      value: JSON.stringify(NOTE),
    })
    db.prepare('VACUUM INTO :target').run({ target: join(dir, 'backup.sqlite') })
    db.close()
    expect(reveals(join(dir, 'backup.sqlite'), [NOTE])).toEqual([])
    const backup = rawDatabase(join(dir, 'backup.sqlite'))
    expect(backup.prepare(`SELECT value FROM settings`).get()).toEqual({
      value: JSON.stringify(NOTE),
    })
    backup.close()
  })
})

describe('a database written before encryption', () => {
  it('is encrypted in place on first open, keeping every row, and the plain text is gone', () => {
    const dir = tempDir()
    const file = join(dir, 'da-desk.sqlite')
    const before = plainDatabase(file)
    expect(reveals(`${file}-wal`, [VICTIM, NOTE])).toEqual([VICTIM, NOTE])
    expect(before.rows.notes).toHaveLength(1)

    const db = openDatabase(file, TEST_KEY)
    expect(rowsOf(db)).toMatchObject(before.rows)
    expect(auditRowsOf(db)).toEqual(before.audit)
    expect(verifyAuditChain(db)).toEqual({ intact: true, entries: 2, firstBad: null })
    db.close()

    expect(isPlainDatabase(file)).toBe(false)
    expect(readdirSync(dir).sort()).toEqual(['da-desk.sqlite'])
    expect(reveals(file, [VICTIM, PHONE, NOTE])).toEqual([])
  })

  it.each(ENCRYPTION_STEPS)(
    'loses nothing when the encryption is killed after the step “%s”',
    (step) => {
      const dir = tempDir()
      const file = join(dir, 'da-desk.sqlite')
      const before = plainDatabase(file).rows

      const child = spawnSync(process.execPath, [
        resolve(import.meta.dirname, '../../support/encryptUntilKilled.ts'),
        file,
        TEST_KEY_HEX,
        step,
      ])
      expect(child.signal).toBe('SIGKILL')

      // Either the old plain database or the new encrypted one, complete either way.
      const wasReplaced = !isPlainDatabase(file)
      expect(wasReplaced).toBe(step === 'replaced')
      const left = wasReplaced ? rawDatabase(file) : new Database(file)
      expect(left.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(rowsOf(left)).toEqual(before)
      left.close()

      // The next start finishes the job; nothing plain is left anywhere in the folder.
      const db = openDatabase(file, TEST_KEY)
      expect(rowsOf(db)).toMatchObject(before)
      db.close()
      for (const name of readdirSync(dir)) {
        expect({ name, revealed: reveals(join(dir, name), [VICTIM, PHONE, NOTE]) }).toEqual({
          name,
          revealed: [],
        })
      }
      expect(readdirSync(dir).filter((n) => n.includes('encrypting'))).toEqual([])
    },
  )
})
