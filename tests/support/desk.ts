// A desk on a fresh data folder with a clock the test moves, closed after each test; and the
// calls the page makes, through the same dispatch every host uses.
import { afterEach } from 'vitest'
import { openDesk } from '../../electron/core/desk.ts'
import type { Desk } from '../../electron/core/desk.ts'
import { dispatch } from '../../electron/core/api/dispatch.ts'
import type { CallName, CallResults, EventName, EventPayloads } from '../../shared/contract.ts'
import { tempDir } from './tempDir.ts'
import { TEST_KEY } from './databaseKey.ts'

const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

export interface TestDesk extends Desk {
  /** Moves the desk's clock; it starts at 2026-11-21 18:00 UTC. */
  setTime(iso: string): void
  /** Every event the desk pushed, in order. */
  events: { event: EventName; payload: EventPayloads[EventName] }[]
}

export function testDesk(dataDir = tempDir()): TestDesk {
  let nowMs = Date.parse('2026-11-21T18:00:00Z')
  const desk = openDesk({ dataDir, now: () => nowMs, watchInbox: false, key: TEST_KEY })
  opened.push(desk)
  const events: TestDesk['events'] = []
  desk.onEvent((event, payload) => events.push({ event, payload }))
  return Object.assign(desk, {
    setTime: (iso: string) => {
      nowMs = Date.parse(iso)
    },
    events,
  })
}

/** Closes a desk before the test ends, e.g. to reopen its data folder. */
export async function closeDesk(desk: Desk): Promise<void> {
  const i = opened.indexOf(desk)
  if (i >= 0) opened.splice(i, 1)
  await desk.close()
}

/** A call with untrusted input, as the page would send it. */
export const call = (desk: Desk, name: unknown, request: unknown) =>
  dispatch(desk.handlers, name, request, () => {})

/** A call that must succeed; its value. */
export async function must<N extends CallName>(
  desk: Desk,
  name: N,
  request: unknown,
): Promise<CallResults[N]> {
  const result = await call(desk, name, request)
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`)
  return result.value as CallResults[N]
}

/** The PIN every test worker signs in with, unless a test gives another. */
export const TEST_PIN = '2468'

export async function signIn(
  desk: Desk,
  workerName = 'Jo Example',
  organisation = 'Harbour',
  pin = TEST_PIN,
) {
  return must(desk, 'session.signIn', { workerName, organisation, pin })
}

/** Types an incident in by hand and returns its id. */
export async function addIncident(desk: Desk, ref = 'CL-20261121-0999'): Promise<number> {
  const row = await must(desk, 'incidents.addManual', {
    record: {
      incidentRef: ref,
      receivedAt: '2026-11-21T17:40:00.000Z',
      grade: 2,
      summary: 'Caller whispering, partner in the next room.',
      victim: { name: 'Riley Test', phone: '07700 900789' },
    },
  })
  return row.id
}
