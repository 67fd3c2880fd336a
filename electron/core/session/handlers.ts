// Locking and unlocking the screen of the signed-in session. The audit log says when and why it
// locked, each unlock and each wrong PIN (never the PIN), and the sign-out after too many.
import { MAX_WRONG_PINS } from '#shared/domain.ts'
import type { Handlers } from '../api/dispatch.ts'
import { fail, ok } from '../api/result.ts'
import type { DeskContext } from '../deskContext.ts'
import type { SessionLock } from './sessionLock.ts'

type LockHandlers = Pick<Handlers, 'session.lock' | 'session.unlock'>

const signInAgain = 'You are no longer signed in. Please sign in again.'

export function lockHandlers(context: DeskContext, lock: SessionLock): LockHandlers {
  return {
    'session.lock': ({ reason }) =>
      context.signedIn(() => {
        if (lock.lock()) context.audit('session.lock', null, { reason })
        return ok(null)
      }),
    'session.unlock': async ({ pin }) => {
      if (!context.worker()) return fail('not-signed-in', signInAgain)
      const outcome = await lock.unlock(pin)
      switch (outcome.kind) {
        case 'unlocked':
          context.audit('session.unlock', null, {})
          return ok(null)
        case 'wrong':
          context.audit('session.unlockFailed', null, { attemptsLeft: outcome.attemptsLeft })
          return fail(
            'wrong-pin',
            `That PIN is not right. ${outcome.attemptsLeft} ` +
              `${outcome.attemptsLeft === 1 ? 'try' : 'tries'} left before you are signed out.`,
          )
        case 'too-many':
          context.audit('session.unlockFailed', null, { attemptsLeft: 0 })
          context.signOut(`${MAX_WRONG_PINS} wrong PINs`)
          return fail(
            'not-signed-in',
            `${MAX_WRONG_PINS} wrong PINs: you have been signed out. Everything you saved is ` +
              'kept; sign in again to carry on.',
          )
        case 'not-locked':
          return fail('bad-request', 'The screen is not locked.')
        case 'ended':
          return fail('not-signed-in', signInAgain)
      }
    },
  }
}
