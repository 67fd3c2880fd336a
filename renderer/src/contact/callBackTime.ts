// The call-back time a victim agrees ("when is it safe for me to ring?"), typed as dd/MM/yyyy
// HH:mm in London time or set with "in 15 min" buttons, and which results it belongs to.
import type { ContactResult } from '#shared/domain.ts'
import { formatDateTime, parseLondonDateTime, toIsoUtc } from '#shared/time.ts'
import { formatWhen } from '../app/formatWhen.ts'

/** Results after which someone agreed a time to ring back (the victim, or a third party). */
export const AGREED_CALL_BACK_RESULTS: readonly ContactResult[] = [
  'unsafe-to-talk',
  'spoke-to-third-party',
]

/** Results after which the worker may set a time to try again (it brings the incident to the
 * top of the queue when it comes). Not after a wrong number, a refusal, or a conversation. */
export const RETRY_RESULTS: readonly ContactResult[] = ['no-answer', 'engaged', 'call-dropped']

/** Results where a voicemail might tempt the worker: none is left unless agreed as safe. */
export const NO_VOICEMAIL_RESULTS: readonly ContactResult[] = ['no-answer', 'engaged']

export const QUICK_CALL_BACKS = [
  { label: 'In 15 min', minutes: 15 },
  { label: 'In 30 min', minutes: 30 },
  { label: 'In 1 hour', minutes: 60 },
] as const

/** The time `minutes` from now, as the worker would type it: rounded up to the next whole
 * minute, so "in 15 min" is never read back as 14. */
export function callBackIn(minutes: number, nowMs: number): string {
  return formatDateTime(toIsoUtc(Math.ceil((nowMs + minutes * 60_000) / 60_000) * 60_000))
}

export type CallBackCheck = { iso: string | null; problem: null } | { iso: null; problem: string }

/** A typed call-back time as ISO UTC (null when none was typed), or what is wrong with it. */
export function checkCallBack(typed: string, nowMs: number): CallBackCheck {
  if (typed.trim() === '') return { iso: null, problem: null }
  const iso = parseLondonDateTime(typed)
  if (!iso) {
    return {
      iso: null,
      problem: `Type the time as dd/mm/yyyy hh:mm, e.g. ${callBackIn(30, nowMs)}.`,
    }
  }
  // A minute's grace: "in 15 min" chosen, then the form left open for a while, is still fine.
  if (Date.parse(iso) < nowMs - 60_000) {
    return { iso: null, problem: 'That time has already passed. Choose a time from now on.' }
  }
  return { iso, problem: null }
}

/** "16:30 today (in 25 min)", to read back what was typed. */
export function callBackWords(iso: string, nowMs: number): string {
  const minutes = Math.floor((Date.parse(iso) - nowMs) / 60_000)
  const when = formatWhen(iso, nowMs)
  const today = !when.includes('/')
  const away =
    minutes <= 0
      ? 'now'
      : minutes < 60
        ? `in ${minutes} min`
        : `in ${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
  return `${when}${today ? ' today' : ''} (${away})`
}
