// Where the database key comes from, the same way in every host:
// - the desktop app: 32 random bytes made on first run and kept only as a blob encrypted by the
//   operating system (Electron's safeStorage: DPAPI on Windows, the Keychain on macOS, a secret
//   store on Linux), never in plain text; no protection, no start (unless a key file is named);
// - the CLI and tests: DA_DESK_KEY (64 hex characters), DA_DESK_KEY_FILE or --key-file;
// - the Chromium host (development and tests only, never shipped): a plain key file it makes in
//   its own data folder.
// The key file format is the key as 64 hexadecimal characters (e.g. `openssl rand -hex 32`).
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { DatabaseKeyError, isPlainDatabase, KEY_BYTES } from './db/encryption.ts'
import { databaseFile } from './paths.ts'

export const KEY_ENV = 'DA_DESK_KEY'
export const KEY_FILE_ENV = 'DA_DESK_KEY_FILE'
/** The desktop app's key, encrypted by the operating system. */
export const PROTECTED_KEY_FILE = 'da-desk.key.protected'
/** The Chromium host's key, in plain text: a development and test host only. */
export const CHROMIUM_HOST_KEY_FILE = 'chromium-host.key'

const HEX_KEY = new RegExp(`^[0-9a-fA-F]{${KEY_BYTES * 2}}$`)

/** A key written as hexadecimal; `from` names where it came from, for the error. */
export function parseKey(text: string, from: string): Buffer {
  const hex = text.trim()
  if (!HEX_KEY.test(hex)) {
    throw new DatabaseKeyError(
      `${from} does not hold a database key: a key is ${KEY_BYTES * 2} hexadecimal characters ` +
        `(${KEY_BYTES} bytes), such as one made with \`openssl rand -hex ${KEY_BYTES}\`.`,
    )
  }
  return Buffer.from(hex, 'hex')
}

export function readKeyFile(file: string): Buffer {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DatabaseKeyError(`The key file ${file} cannot be read (${code}).`)
  }
  return parseKey(text, `The key file ${file}`)
}

/** The key named explicitly: a key file given, then DA_DESK_KEY_FILE, then DA_DESK_KEY. */
export function explicitKey(env: NodeJS.ProcessEnv, keyFile?: string): Buffer | null {
  const file = keyFile ?? env[KEY_FILE_ENV]
  if (file) return readKeyFile(file)
  const hex = env[KEY_ENV]
  return hex ? parseKey(hex, KEY_ENV) : null
}

/** Written beside, synced, then renamed into place: a reader never sees half a key. */
function writeFileAtomic(file: string, content: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  const fd = openSync(temporary, 'w', 0o600)
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, file)
}

/** An encrypted database whose key is nowhere: say so, never make a new key over it. */
function requireNoEncryptedDatabase(dataDir: string, keyFile: string): void {
  const database = databaseFile(dataDir)
  if (existsSync(database) && !isPlainDatabase(database)) {
    throw new DatabaseKeyError(
      `The database ${database} is encrypted, but its key (${keyFile}) is missing. Restore the ` +
        'key from the same backup as the database, or name the key with DA_DESK_KEY_FILE. ' +
        'Nothing was changed.',
    )
  }
}

/** The Chromium host's key: one named explicitly, else its own key file, made on first run. */
export function chromiumHostKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const named = explicitKey(env)
  if (named) return named
  const file = join(dataDir, CHROMIUM_HOST_KEY_FILE)
  if (existsSync(file)) return readKeyFile(file)
  requireNoEncryptedDatabase(dataDir, file)
  const key = randomBytes(KEY_BYTES)
  writeFileAtomic(file, `${key.toString('hex')}\n`)
  return key
}

/** The operating system's protection for the key (safeStorage, passed in by electron/main). */
export interface KeyProtector {
  /** False where nothing would protect the key (e.g. Linux with no secret store). */
  available(): Promise<boolean>
  protect(text: string): Promise<Buffer>
  /** `renew` when the system asks for the text to be protected again (its key was rotated). */
  unprotect(blob: Buffer): Promise<{ text: string; renew: boolean }>
}

/** The desktop app's key; DA_DESK_KEY_FILE, when set, is used instead of the protected blob. */
export async function desktopKey(
  dataDir: string,
  protector: KeyProtector,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Buffer> {
  const named = env[KEY_FILE_ENV]
  if (named) return readKeyFile(named)
  const file = join(dataDir, PROTECTED_KEY_FILE)
  if (!(await protector.available())) {
    throw new DatabaseKeyError(
      'This computer offers DA Desk no protected storage for its database key (Windows data ' +
        'protection, the macOS Keychain or a Linux secret store such as GNOME Keyring or ' +
        'KWallet), and DA Desk will not keep the key in plain text, so it has not started. ' +
        `Ask IT to enable one, or to supply the key in a protected file named by ${KEY_FILE_ENV}.`,
    )
  }
  if (existsSync(file)) {
    let unprotected: { text: string; renew: boolean }
    try {
      unprotected = await protector.unprotect(readFileSync(file))
    } catch {
      throw new DatabaseKeyError(
        `The database key in ${file} cannot be unlocked by this Windows/system account: it was ` +
          'protected for another user or computer. Sign in as the user who set DA Desk up, or ' +
          `ask IT for the key file and name it with ${KEY_FILE_ENV}. Nothing was changed.`,
      )
    }
    const key = parseKey(unprotected.text, `The protected key ${file}`)
    if (unprotected.renew) writeFileAtomic(file, await protector.protect(key.toString('hex')))
    return key
  }
  requireNoEncryptedDatabase(dataDir, file)
  const key = randomBytes(KEY_BYTES)
  writeFileAtomic(file, await protector.protect(key.toString('hex')))
  return key
}
