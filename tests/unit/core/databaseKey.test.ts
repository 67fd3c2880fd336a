// Where each host gets the database key: the desktop app's operating-system-protected blob
// (with a stand-in for Electron's safeStorage), the CLI's environment and key files, and the
// Chromium host's own key file.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CHROMIUM_HOST_KEY_FILE,
  chromiumHostKey,
  desktopKey,
  explicitKey,
  PROTECTED_KEY_FILE,
} from '../../../electron/core/databaseKey.ts'
import type { KeyProtector } from '../../../electron/core/databaseKey.ts'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { TEST_KEY, TEST_KEY_HEX } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

/** A stand-in for safeStorage: reversible, and never the key's own text on disk. */
function fakeProtector(options: { available?: boolean; renew?: boolean } = {}) {
  const calls = { protect: 0 }
  const protector: KeyProtector = {
    available: async () => options.available ?? true,
    protect: async (text) => {
      calls.protect++
      return Buffer.from(`os:${Buffer.from(text).toString('base64')}`)
    },
    unprotect: async (blob) => {
      const text = blob.toString()
      if (!text.startsWith('os:')) throw new Error('cannot decrypt')
      return {
        text: Buffer.from(text.slice(3), 'base64').toString(),
        renew: options.renew ?? false,
      }
    },
  }
  return { protector, calls }
}

function encryptedDatabaseIn(dataDir: string) {
  openDatabase(join(dataDir, 'da-desk.sqlite'), TEST_KEY).close()
}

describe('the desktop app’s key', () => {
  it('is made on first run, kept only as a protected blob, and the same on the next run', async () => {
    const dataDir = tempDir()
    const { protector } = fakeProtector()
    const first = await desktopKey(dataDir, protector, {})
    expect(first).toHaveLength(32)
    expect(readdirSync(dataDir)).toEqual([PROTECTED_KEY_FILE])
    const blob = readFileSync(join(dataDir, PROTECTED_KEY_FILE))
    expect(blob.includes(first.toString('hex'))).toBe(false)
    expect(blob.includes(first)).toBe(false)
    expect(await desktopKey(dataDir, protector, {})).toEqual(first)
  })

  it('refuses to start, writing nothing, where the system cannot protect the key', async () => {
    const dataDir = tempDir()
    const { protector } = fakeProtector({ available: false })
    await expect(desktopKey(dataDir, protector, {})).rejects.toThrow(
      /no protected storage for its database key.*will not keep the key in plain text/s,
    )
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('uses a key file named by DA_DESK_KEY_FILE instead, even with no protection', async () => {
    const dataDir = tempDir()
    const keyFile = join(tempDir(), 'desk.key')
    writeFileSync(keyFile, `${TEST_KEY_HEX}\n`)
    const { protector } = fakeProtector({ available: false })
    expect(await desktopKey(dataDir, protector, { DA_DESK_KEY_FILE: keyFile })).toEqual(TEST_KEY)
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('never makes a new key over an encrypted database whose protected key is missing', async () => {
    const dataDir = tempDir()
    encryptedDatabaseIn(dataDir)
    const { protector, calls } = fakeProtector()
    await expect(desktopKey(dataDir, protector, {})).rejects.toThrow(
      /is encrypted, but its key .* is missing/,
    )
    expect(calls.protect).toBe(0)
    expect(existsSync(join(dataDir, PROTECTED_KEY_FILE))).toBe(false)
  })

  it('says so plainly when the blob was protected for another account', async () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, PROTECTED_KEY_FILE), 'someone else’s blob')
    await expect(desktopKey(dataDir, fakeProtector().protector, {})).rejects.toThrow(
      /cannot be unlocked by this Windows\/system account/,
    )
  })

  it('protects the key again when the system asks (its own key was rotated)', async () => {
    const dataDir = tempDir()
    const key = await desktopKey(dataDir, fakeProtector().protector, {})
    const { protector, calls } = fakeProtector({ renew: true })
    expect(await desktopKey(dataDir, protector, {})).toEqual(key)
    expect(calls.protect).toBe(1)
  })
})

describe('a key named on the command line or in the environment', () => {
  it('comes from --key-file, then DA_DESK_KEY_FILE, then DA_DESK_KEY', () => {
    const dir = tempDir()
    const one = join(dir, 'one.key')
    const two = join(dir, 'two.key')
    writeFileSync(one, '11'.repeat(32))
    writeFileSync(two, '22'.repeat(32))
    const env = { DA_DESK_KEY_FILE: two, DA_DESK_KEY: '33'.repeat(32) }
    expect(explicitKey(env, one)).toEqual(Buffer.alloc(32, 0x11))
    expect(explicitKey(env)).toEqual(Buffer.alloc(32, 0x22))
    expect(explicitKey({ DA_DESK_KEY: '33'.repeat(32) })).toEqual(Buffer.alloc(32, 0x33))
    expect(explicitKey({})).toBeNull()
  })

  it.each([
    ['too short', 'abc123'],
    ['not hexadecimal', 'z'.repeat(64)],
    ['a passphrase', 'correct horse battery staple'],
  ])('refuses a DA_DESK_KEY that is %s', (_why, value) => {
    expect(() => explicitKey({ DA_DESK_KEY: value })).toThrow(
      /DA_DESK_KEY does not hold a database key: a key is 64 hexadecimal characters/,
    )
  })

  it('says which key file cannot be read', () => {
    const missing = join(tempDir(), 'nope.key')
    expect(() => explicitKey({}, missing)).toThrow(
      `The key file ${missing} cannot be read (ENOENT)`,
    )
  })
})

describe('the Chromium host’s key', () => {
  it('is a key file it makes in its own data folder, readable by the user alone', () => {
    const dataDir = tempDir()
    const key = chromiumHostKey(dataDir, {})
    const file = join(dataDir, CHROMIUM_HOST_KEY_FILE)
    expect(readFileSync(file, 'utf8').trim()).toBe(key.toString('hex'))
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(chromiumHostKey(dataDir, {})).toEqual(key)
  })

  it('is the one named in the environment when there is one', () => {
    const dataDir = tempDir()
    expect(chromiumHostKey(dataDir, { DA_DESK_KEY: TEST_KEY_HEX })).toEqual(TEST_KEY)
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('is never made anew beside an encrypted database', () => {
    const dataDir = tempDir()
    encryptedDatabaseIn(dataDir)
    expect(() => chromiumHostKey(dataDir, {})).toThrow(/is encrypted, but its key .* is missing/)
  })
})
