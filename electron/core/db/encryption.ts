// Encryption at rest: the SQLCipher-compatible settings every connection applies before anything
// else, and the one-off, crash-safe encryption of a database written before DA Desk encrypted
// its data (every install before this version).
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'

type Connection = Database.Database

/** The key is 32 random bytes, used as a raw SQLCipher key (no passphrase derivation). */
export const KEY_BYTES = 32

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** A key that does not open the database, or no usable key at all. */
export class DatabaseKeyError extends Error {}

/**
 * SQLCipher 4 page format (AES-256, HMAC-SHA512 on every page) with the key given as raw bytes,
 * which skips the passphrase derivation: the key is already random.
 */
export function applyKey(db: Connection, key: Buffer): void {
  requireKeyLength(key)
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma('legacy = 4')
  db.pragma(`key = "x'${key.toString('hex')}'"`)
}

/** Checked before any file is opened, so a bad key creates nothing. */
export function requireKeyLength(key: Buffer): void {
  if (key.length !== KEY_BYTES) {
    throw new DatabaseKeyError(`A database key is ${KEY_BYTES} bytes; this one is ${key.length}.`)
  }
}

/** Whether the file is an SQLite database stored in plain text (its header says so). */
export function isPlainDatabase(file: string): boolean {
  if (!existsSync(file)) return false
  const header = Buffer.alloc(PLAIN_HEADER.length)
  const fd = openSync(file, 'r')
  try {
    const read = readSync(fd, header, 0, header.length, 0)
    return read === header.length && header.equals(PLAIN_HEADER)
  } finally {
    closeSync(fd)
  }
}

/** The steps of encryptInPlace, in order; a test stops the process after each. */
export const ENCRYPTION_STEPS = [
  'checkpointed',
  'copied',
  'synced',
  'verified',
  'replaced',
] as const
export type EncryptionStep = (typeof ENCRYPTION_STEPS)[number]

/** Files an interrupted encryption may leave beside the database: encrypted or empty, never plain. */
const workFiles = (file: string) => {
  const copy = `${file}.encrypting`
  const scratch = `${file}.encrypting-scratch`
  return { copy, scratch, all: [copy, `${copy}-journal`, scratch, `${scratch}-journal`] }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Every table's row count, to check that the encrypted copy holds everything. */
function rowCounts(db: Connection): Record<string, number> {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
    )
    .all()
  return Object.fromEntries(
    tables.map(({ name }) => {
      const quoted = `"${name.replaceAll('"', '""')}"`
      const row = db.prepare(`SELECT count(*) AS n FROM ${quoted}`).get() as { n: number }
      return [name, row.n]
    }),
  )
}

/**
 * Encrypts a plain database in place. Killed at any moment, it leaves either the old plain
 * database or the new encrypted one, each complete, and never a plain copy:
 *
 * 1. checkpointed: the WAL is folded into the file and removed (a plain WAL left beside the
 *    encrypted file would be read as part of it);
 * 2. copied: VACUUM INTO writes an encrypted copy beside it (the target takes the key of the
 *    connection's main database, a keyed scratch file that stays empty);
 * 3. synced: the copy is on disk;
 * 4. verified: the copy opens with the key, passes integrity_check and has every row;
 * 5. replaced: the copy is renamed over the plain file (atomic) and the folder synced.
 *
 * Leftovers of an interrupted run are removed before the next one starts.
 */
export function encryptInPlace(
  file: string,
  key: Buffer,
  onStep: (step: EncryptionStep) => void = () => {},
): void {
  requireKeyLength(key)
  const work = workFiles(file)
  for (const leftover of work.all) rmSync(leftover, { force: true })

  const plain = new Database(file)
  let expected: { version: number; rows: Record<string, number> }
  try {
    const [checkpoint] = plain.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
    if (checkpoint && checkpoint.busy !== 0) {
      throw new Error(
        `The database ${file} is in use by another program, so it could not be encrypted. ` +
          'Close every other copy of DA Desk and try again; nothing was changed.',
      )
    }
    plain.pragma('journal_mode = DELETE')
    expected = {
      version: plain.pragma('user_version', { simple: true }) as number,
      rows: rowCounts(plain),
    }
  } finally {
    plain.close()
  }
  rmSync(`${file}-shm`, { force: true })
  onStep('checkpointed')
  try {
    makeEncryptedCopy(file, key, expected, onStep)
  } catch (error) {
    for (const leftover of work.all) rmSync(leftover, { force: true })
    throw error
  }
  renameSync(work.copy, file)
  // Windows cannot open a folder to sync it; its rename is durable once it returns.
  if (process.platform !== 'win32') fsyncPath(dirname(file))
  onStep('replaced')
}

/** Steps 2 to 4: the encrypted copy, on disk and checked against what the original holds. */
function makeEncryptedCopy(
  file: string,
  key: Buffer,
  expected: { version: number; rows: Record<string, number> },
  onStep: (step: EncryptionStep) => void,
): void {
  const work = workFiles(file)
  const scratch = new Database(work.scratch)
  try {
    applyKey(scratch, key)
    scratch.prepare(`ATTACH DATABASE :file AS plain KEY ''`).run({ file })
    scratch.prepare('VACUUM plain INTO :target').run({ target: work.copy })
    scratch.exec('DETACH DATABASE plain')
  } finally {
    scratch.close()
  }
  rmSync(work.scratch, { force: true })
  onStep('copied')

  fsyncPath(work.copy)
  onStep('synced')

  const copy = new Database(work.copy, { readonly: true })
  try {
    applyKey(copy, key)
    const integrity = copy.pragma('integrity_check', { simple: true })
    const version = copy.pragma('user_version', { simple: true }) as number
    const rows = rowCounts(copy)
    if (
      isPlainDatabase(work.copy) ||
      integrity !== 'ok' ||
      version !== expected.version ||
      JSON.stringify(rows) !== JSON.stringify(expected.rows)
    ) {
      throw new Error(
        `The encrypted copy of ${file} did not match the original, so the original was kept ` +
          'as it was.',
      )
    }
  } finally {
    copy.close()
  }
  if (existsSync(`${file}-wal`)) {
    throw new Error(
      `The database ${file} was opened by another program while it was being encrypted; the ` +
        'original was kept as it was. Close every other copy of DA Desk and try again.',
    )
  }
  onStep('verified')
}
