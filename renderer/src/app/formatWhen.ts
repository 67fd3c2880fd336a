// Times in lists, as a worker reads them: HH:mm for today, dd/MM/yyyy HH:mm for any other day
// (London time), and HH:mm:ss for "saved at" messages.
import { formatDateTime, TIME_ZONE } from '#shared/time.ts'

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** "15:42" today in London; "20/11/2026 23:10" on any other day. */
export function formatWhen(iso: string, nowMs: number): string {
  const at = formatDateTime(iso)
  const today = formatDateTime(new Date(nowMs).toISOString())
  return at.slice(0, 10) === today.slice(0, 10) ? at.slice(11) : at
}

/** HH:mm:ss in London. */
export function formatClock(iso: string): string {
  return clockFormat.format(new Date(iso))
}
