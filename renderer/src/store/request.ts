// A call to the Node side from a store action: the value when it worked; otherwise the problem
// is shown to the worker (never swallowed) and the action gets undefined.
import type { CallName, CallRequest, CallResults } from '#shared/contract.ts'
import { call } from '../api.ts'
import type { DeskState } from './deskState.ts'

export async function request<N extends CallName>(
  get: () => DeskState,
  failure: string,
  name: N,
  body: CallRequest<N>,
): Promise<CallResults[N] | undefined> {
  const result = await call(name, body)
  if (result.ok) return result.value
  get().reportProblem(failure, result.error)
  return undefined
}
