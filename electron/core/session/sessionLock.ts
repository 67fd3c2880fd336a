// The screen lock of the signed-in session: the PIN's hash, whether the screen is locked and how
// many wrong PINs were given since it locked. While it is locked the desk answers only the calls
// below and pushes only the events below: nothing in them names a victim or a suspect.
import type { CallName, EventName, Result } from '#shared/contract.ts'
import { MAX_WRONG_PINS } from '#shared/domain.ts'
import type { Handlers } from '../api/dispatch.ts'
import { fail } from '../api/result.ts'
import { pinMatches } from './pin.ts'
import type { PinHash } from './pin.ts'

/**
 * Every other call is refused while locked, so a call added later is refused until someone
 * decides it is safe to add here. Signing in is not here: a new sign-in would end the locked
 * session without its PIN, and the lock screen's own "Sign out" says what that loses.
 */
const CALLS_WHILE_LOCKED: ReadonlySet<CallName> = new Set<CallName>([
  'session.current',
  'session.lock',
  'session.unlock',
  'session.signOut',
  // The scripts' questions (the safe-contact and the follow-up script's), the feed's health and
  // the settings name no one; the shift names only its workers, and is answered before sign-in
  // too.
  'script.get',
  'followUps.script',
  'feed.health',
  'settings.get',
  'shift.current',
  'audit.status',
])

const EVENTS_WHILE_LOCKED: ReadonlySet<EventName> = new Set<EventName>(['feed.health'])

export type UnlockOutcome =
  | { kind: 'unlocked' }
  | { kind: 'wrong'; attemptsLeft: number }
  /** The last wrong PIN: the worker must be signed out. */
  | { kind: 'too-many' }
  | { kind: 'not-locked' }
  /** The session ended (or another began) while the PIN was being checked. */
  | { kind: 'ended' }

export interface SessionLock {
  /** A session began, unlocked, with the hash of its PIN. */
  begin(pin: PinHash): void
  /** The session ended: forgets the PIN's hash. */
  end(): void
  isLocked(): boolean
  /** Locks the screen; false when it was locked already. */
  lock(): boolean
  unlock(pin: string): Promise<UnlockOutcome>
  /** Whether an event may go to the page now. */
  mayPush(event: EventName): boolean
  /** The same handlers, refusing while locked every call not known to be free of personal data. */
  guard<H extends Partial<Handlers>>(handlers: H): H
}

/** What every call refused while the screen is locked answers. */
export const lockedRefusal = () => fail('locked', 'DA Desk is locked: enter your PIN to carry on.')

export function sessionLock(): SessionLock {
  let pinHash: PinHash | null = null
  let locked = false
  let wrongPins = 0

  return {
    begin(pin) {
      pinHash = pin
      locked = false
      wrongPins = 0
    },
    end() {
      pinHash = null
      locked = false
      wrongPins = 0
    },
    isLocked: () => locked,
    lock() {
      if (locked || !pinHash) return false
      locked = true
      wrongPins = 0
      return true
    },
    async unlock(pin) {
      const stored = pinHash
      if (!stored) return { kind: 'ended' }
      if (!locked) return { kind: 'not-locked' }
      const matches = await pinMatches(pin, stored)
      // Signed out, or unlocked by another try, while scrypt ran.
      if (pinHash !== stored) return { kind: 'ended' }
      if (!locked) return { kind: 'not-locked' }
      if (matches) {
        locked = false
        wrongPins = 0
        return { kind: 'unlocked' }
      }
      wrongPins++
      if (wrongPins >= MAX_WRONG_PINS) return { kind: 'too-many' }
      return { kind: 'wrong', attemptsLeft: MAX_WRONG_PINS - wrongPins }
    },
    mayPush: (event) => !locked || EVENTS_WHILE_LOCKED.has(event),
    guard<H extends Partial<Handlers>>(handlers: H): H {
      const guarded: Record<string, (request: never) => unknown> = {}
      for (const [name, handler] of Object.entries(handlers) as [
        CallName,
        (request: never) => Result<unknown> | Promise<Result<unknown>>,
      ][]) {
        guarded[name] = CALLS_WHILE_LOCKED.has(name)
          ? handler
          : (request) => (locked ? lockedRefusal() : handler(request))
      }
      return guarded as H
    },
  }
}
