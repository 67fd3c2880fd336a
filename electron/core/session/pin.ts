// The worker's PIN as the desk keeps it: a salted scrypt hash in memory, for the length of the
// session. The PIN itself is never stored, logged, audited or sent back to the page.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt's defaults (N = 16384, r = 8, p = 1): about 16 MiB and some tens of ms a try. */
const KEY_BYTES = 32
const SALT_BYTES = 16

export interface PinHash {
  readonly salt: Buffer
  readonly hash: Buffer
}

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  // Async: scrypt runs on libuv's thread pool, so the window is not held up while it works.
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_BYTES, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES)
  return { salt, hash: await derive(pin, salt) }
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  return timingSafeEqual(await derive(pin, stored.salt), stored.hash)
}
