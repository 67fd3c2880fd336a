// The single entry for calls from any host: checks the call name, validates the request against
// the shared schema, runs the handler and turns any exception into an 'internal' error value.
import { callRequests, isCallName } from '#shared/contract.ts'
import type { CallName, CallResults, ParsedRequest, Result } from '#shared/contract.ts'
import { fail } from './result.ts'

export type Handlers = {
  [N in CallName]: (
    request: ParsedRequest<N>,
  ) => Result<CallResults[N]> | Promise<Result<CallResults[N]>>
}

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  request: unknown,
  logError: (error: unknown) => void = console.error,
): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    // Not String(name): an object such as { toString: 1 } (which the IPC clone carries) throws.
    const shown = typeof name === 'string' ? name.slice(0, 60) : `(${typeof name}, not a name)`
    return fail('bad-request', `Unknown call: ${shown}`)
  }
  const parsed = callRequests[name].safeParse(request)
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'request'}: ${i.message}`)
    return fail('bad-request', `Invalid request for ${name}: ${issues.join('; ')}`)
  }
  try {
    const handler = handlers[name] as (request: unknown) => Promise<Result<unknown>>
    return await handler(parsed.data)
  } catch (error) {
    logError(error)
    return fail('internal', 'DA Desk could not complete that action. Nothing was lost; try again.')
  }
}
