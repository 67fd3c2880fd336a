// The key every test database is encrypted with (made up, never a real workstation's key), and a
// bare keyed connection for looking at or tampering with a database file as an outsider would.
import Database from 'better-sqlite3-multiple-ciphers'
import { applyKey } from '../../electron/core/db/encryption.ts'

export const TEST_KEY_HEX = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'
export const TEST_KEY = Buffer.from(TEST_KEY_HEX, 'hex')

/** The file opened with the key and nothing else: no migrations, no pragmas, no functions. */
export function rawDatabase(file: string, key: Buffer = TEST_KEY): Database.Database {
  const db = new Database(file)
  applyKey(db, key)
  return db
}
