// The page's only door to the Node side: window.daDesk, put there by the preload (Electron) or
// the Chromium host. Store actions call these; components never do.
import type {
  CallName,
  CallRequest,
  CallResults,
  DaDeskApi,
  EventName,
  EventPayloads,
  Result,
} from '#shared/contract.ts'

declare global {
  interface Window {
    daDesk?: DaDeskApi
  }
}

const notConnected = {
  ok: false,
  error: {
    code: 'internal',
    message: 'DA Desk is not connected to its data. Close the app and open it again.',
  },
} as const

export async function call<N extends CallName>(
  name: N,
  request: CallRequest<N>,
): Promise<Result<CallResults[N]>> {
  const desk = window.daDesk
  if (!desk) return notConnected
  try {
    return await desk.call(name, request)
  } catch {
    // The bridge itself failed (not a handler's answer): say so rather than hang the page.
    return {
      ok: false,
      error: { code: 'internal', message: 'The request did not reach DA Desk. Try again.' },
    }
  }
}

export function on<E extends EventName>(
  event: E,
  listener: (payload: EventPayloads[E]) => void,
): () => void {
  const desk = window.daDesk
  if (!desk) return () => {}
  return desk.on(event, listener)
}
