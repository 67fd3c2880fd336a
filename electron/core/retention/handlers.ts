// The retention calls (a preview for any period, audited; a purge now under the saved period) and
// the automatic purge: once when the desk has opened and then daily, for what is due under the
// saved period. An automatic run is the system's, not the signed-in worker's.
import type { Handlers } from '../api/dispatch.ts'
import { ok } from '../api/result.ts'
import { deskQueries } from '../db/deskQueries.ts'
import type { DeskContext } from '../deskContext.ts'
import { toIsoUtc } from '#shared/time.ts'
import { previewRetention, runRetention } from './retention.ts'
import type { PurgeTrigger } from './retention.ts'

type RetentionCall = 'retention.preview' | 'retention.run'

/** How often the desk looks whether a day has passed since the last automatic purge. */
const CHECK_EVERY_MS = 60 * 60_000
const DAY_MS = 24 * 60 * 60_000

export function retentionHandlers(context: DeskContext) {
  const { db, now, script, signedIn } = context
  const desk = deskQueries(db)
  const scope = () => ({
    db,
    now,
    months: context.settings().retentionMonths,
    inboxDir: context.settings().inboxDir,
  })

  /** Purges what is due under the saved period and tells the page about each incident. */
  function purge(trigger: PurgeTrigger, byWorker: boolean) {
    const result = runRetention({
      ...scope(),
      script,
      trigger,
      quietWhenNothing: !byWorker,
      audit: (detail) =>
        byWorker
          ? context.audit('retention.purged', null, detail)
          : desk.audit({
              at: toIsoUtc(now()),
              sessionId: null,
              actor: 'system',
              action: 'retention.purged',
              incidentId: null,
              detail,
            }),
    })
    for (const incident of result.purged) context.pushRecordAdded(incident.incidentId)
    return result
  }

  const handlers: Pick<Handlers, RetentionCall> = {
    'retention.preview': ({ months }) =>
      signedIn(() => {
        const preview = previewRetention({
          ...scope(),
          ...(months === undefined ? {} : { months }),
        })
        context.audit('retention.previewed', null, {
          months: preview.months,
          cutoff: preview.cutoff,
          due: preview.due.length,
          kept: preview.kept.length,
          feedFiles: preview.feedFiles,
        })
        return ok(preview)
      }),
    'retention.run': () => signedIn(() => ok(purge('worker', true))),
  }

  /**
   * Starts the automatic purge: once as soon as the desk has opened, then whenever a day has
   * passed by the desk's clock. Returns what stops it.
   */
  function schedule(): () => void {
    let lastRunAt = now()
    const runAutomatically = (trigger: PurgeTrigger) => {
      lastRunAt = now()
      try {
        purge(trigger, false)
      } catch (error) {
        // Never the worker's problem mid-shift: the next run tries again.
        console.error('DA Desk: the retention purge failed', error)
      }
    }
    const startUp = setTimeout(() => runAutomatically('start-up'), 0)
    const daily = setInterval(() => {
      if (now() - lastRunAt >= DAY_MS) runAutomatically('daily')
    }, CHECK_EVERY_MS)
    return () => {
      clearTimeout(startUp)
      clearInterval(daily)
    }
  }

  /** Purges what a new period makes due, as soon as it is saved. */
  const afterSettingsChange = () => purge('settings', true)

  return { handlers, schedule, afterSettingsChange }
}
