// The scheme's figures for a shift or any period (definitions in docs/handover.md). Counts are
// made per shift and added up, so a period's figures are the sum of the shifts that started in
// it; the medians are taken over the events themselves, since medians do not add.
import type { ContactScript, RiskLevel } from '#shared/script.ts'
import type { FiguresPeriod, ShiftFigures, WeeklyFigures } from '#shared/handover.ts'
import { formatDateTime, londonDate, londonMidnight } from '#shared/time.ts'
import type {
  HandoverQueries,
  RiskRule,
  ShiftCounts,
  ShiftSelection,
  TimedEvent,
} from '../db/handoverQueries.ts'

/**
 * Which DASH answers count and which numbers of yes answers make the counted level high, worked
 * out from the script's bands exactly as riskSummary does (a judgement can make any count high;
 * the query adds that).
 */
export function riskRule(script: ContactScript): RiskRule {
  const dashIds = script.steps.flatMap((s) =>
    s.questions.filter((q) => q.kind === 'dash').map((q) => q.id),
  )
  const highCounts: number[] = []
  for (let yes = 0; yes <= dashIds.length; yes++) {
    let level: RiskLevel = 'standard'
    for (const band of script.bands) if (yes >= band.minYes) level = band.level
    if (yes >= script.highRiskYes || level === 'high') highCounts.push(yes)
  }
  return { scriptId: script.id, scriptVersion: script.version, dashIds, highCounts }
}

/** Minutes from the call to the event; an event typed before the call came in counts as 0. */
const minutesOf = (e: TimedEvent) =>
  Math.max(0, (Date.parse(e.at) - Date.parse(e.receivedAt)) / 60_000)

/** The middle value (the mean of the middle two for an even count), to a tenth of a minute. */
export function medianMinutes(events: readonly TimedEvent[]): number | null {
  if (events.length === 0) return null
  const sorted = events.map(minutesOf).sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return Math.round(median * 10) / 10
}

type Count = Exclude<keyof ShiftCounts, 'shiftId'>
const COUNTS: readonly Count[] = [
  'incidentsReviewed',
  'victimsContacted',
  'contactAttempts',
  'highRiskVictims',
  'maracReferrals',
  'daServiceReferrals',
  'otherServiceReferrals',
  'movedToSafety',
  'claresLawApplications',
  'escalationsRaised',
  'escalationsAcknowledged',
  'escalationsUpgraded',
]

/** The figures of a set of shifts: their counts added up, the medians over their events. */
function combine(
  counts: readonly ShiftCounts[],
  firstContacts: readonly TimedEvent[],
  escalations: readonly TimedEvent[],
): ShiftFigures {
  const sum = Object.fromEntries(
    COUNTS.map((k) => [k, counts.reduce((n, c) => n + c[k], 0)]),
  ) as Record<Count, number>
  return {
    ...sum,
    medianMinutesToFirstContact: medianMinutes(firstContacts),
    firstContacts: firstContacts.length,
    medianMinutesToEscalation: medianMinutes(escalations),
  }
}

/** The figures for the shifts a selection names. */
export function figuresFor(
  queries: HandoverQueries,
  selection: ShiftSelection,
  rule: RiskRule,
): ShiftFigures {
  return combine(
    queries.counts(selection, rule),
    queries.firstContacts(selection),
    queries.escalationsRaised(selection),
  )
}

/** Week boundaries: `from`, each Monday 00:00 London after it, then `to`. */
function weekBounds(from: string, to: string): { weekOf: string; from: string; to: string }[] {
  const start = londonDate(from)
  let monday = londonMidnight(start.year, start.month, start.day - (start.weekday - 1))
  let begin = from
  const weeks = []
  for (;;) {
    const d = londonDate(monday)
    const next = londonMidnight(d.year, d.month, d.day + 7)
    const end = Date.parse(next) < Date.parse(to) ? next : to
    weeks.push({ weekOf: formatDateTime(monday).slice(0, 10), from: begin, to: end })
    if (end === to) return weeks
    begin = monday = next
  }
}

/**
 * A period's figures and its weekly series. Each shift counts in the period (and the week) in
 * which it started; a shift still open counts up to `asAt`.
 */
export function figuresPeriod(
  queries: HandoverQueries,
  period: { from: string; to: string; asAt: string },
  rule: RiskRule,
): FiguresPeriod {
  const selection: ShiftSelection = { shiftId: null, ...period }
  const counts = queries.counts(selection, rule)
  const firstContacts = queries.firstContacts(selection)
  const escalations = queries.escalationsRaised(selection)
  const shifts = queries.shiftsStarted(period.from, period.to)
  const startOf = new Map(shifts.map((s) => [s.id, Date.parse(s.startedAt)]))
  const weeks: WeeklyFigures[] = weekBounds(period.from, period.to).map((week) => {
    const from = Date.parse(week.from)
    const to = Date.parse(week.to)
    const inWeek = (shiftId: number) => {
      const t = startOf.get(shiftId)!
      return t >= from && t < to
    }
    return {
      ...week,
      shifts: shifts.filter((s) => inWeek(s.id)).length,
      figures: combine(
        counts.filter((c) => inWeek(c.shiftId)),
        firstContacts.filter((e) => inWeek(e.shiftId)),
        escalations.filter((e) => inWeek(e.shiftId)),
      ),
    }
  })
  return {
    from: period.from,
    to: period.to,
    shifts: shifts.length,
    figures: combine(counts, firstContacts, escalations),
    weeks,
  }
}
