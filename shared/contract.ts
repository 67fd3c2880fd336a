// The whole API between the page and the Node side: every call's name, its request schema and
// its result type, and every pushed event. Electron main, the Chromium host and the tests all
// serve this one table; the page sees it as window.daDesk.
import { z } from 'zod'
import type {
  FeedHealth,
  IncidentDetail,
  QuarantinedFile,
  QueueRow,
  Rejection,
  Session,
  Settings,
} from './domain.ts'
import { PROGRESS } from './domain.ts'

const none = z.strictObject({})
const id = z.number().int().positive()
const text = (max: number) => z.string().trim().min(1).max(max)

export const callRequests = {
  'session.current': none,
  'session.signIn': z.strictObject({ workerName: text(100), organisation: text(100) }),
  'session.signOut': none,
  'incidents.list': none,
  'incidents.get': z.strictObject({ id }),
  'incidents.setProgress': z.strictObject({ id, progress: z.enum(PROGRESS) }),
  /** A hand-typed incident: the same shape and validation as one feed record. */
  'incidents.addManual': z.strictObject({ record: z.record(z.string(), z.unknown()) }),
  'feed.health': none,
  'feed.quarantined': none,
  'settings.get': none,
  'settings.update': z.strictObject({
    inboxDir: z.string().trim().min(1).max(1000).optional(),
    theme: z.enum(['dark', 'light']).optional(),
  }),
} as const

export interface CallResults {
  'session.current': Session | null
  'session.signIn': Session
  'session.signOut': null
  'incidents.list': QueueRow[]
  'incidents.get': IncidentDetail
  'incidents.setProgress': QueueRow
  'incidents.addManual': QueueRow
  'feed.health': FeedHealth
  'feed.quarantined': QuarantinedFile[]
  'settings.get': Settings
  'settings.update': Settings
}

export type CallName = keyof typeof callRequests
export type CallRequest<N extends CallName> = z.input<(typeof callRequests)[N]>
export type ParsedRequest<N extends CallName> = z.output<(typeof callRequests)[N]>

export interface EventPayloads {
  /** Rows that were added or changed; `flashIds` are the ones to highlight briefly. */
  'incidents.changed': { rows: QueueRow[]; flashIds: number[] }
  'feed.health': FeedHealth
}
export type EventName = keyof EventPayloads

/** The closed set of error codes a call can return. */
export const ERROR_CODES = [
  'bad-request',
  'invalid-record',
  'not-found',
  'not-signed-in',
  'io',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /** Field-level problems, for forms (same shape as feed rejections). */
  issues?: Rejection[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** The one object the preload (or the Chromium host) puts on window.daDesk. */
export interface DaDeskApi {
  call<N extends CallName>(name: N, request: CallRequest<N>): Promise<Result<CallResults[N]>>
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(callRequests, name)
}
