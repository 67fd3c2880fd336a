// One export at a time. A second hand over started while one is being written (a double click,
// or a second window) would choose the same free file names and overwrite the first one's
// files, and when its own record then failed (the shift already ended) it would delete them.
// So while one export is being written, every other is refused with the 'busy' code.
import type { Result } from '#shared/contract.ts'
import { fail } from '../api/result.ts'

/** Wraps export handlers; `what` names the export in the refusal ("A hand over"). */
export function oneExportAtATime() {
  let running: string | null = null
  return <Q, T>(what: string, handler: (request: Q) => Result<T> | Promise<Result<T>>) =>
    async (request: Q): Promise<Result<T>> => {
      if (running !== null) {
        return fail(
          'busy',
          `${running} is already being written: wait for it to finish, then try again.`,
        )
      }
      running = what
      try {
        return await handler(request)
      } finally {
        running = null
      }
    }
}
