// The scheme's figures for a shift or any period (definitions in docs/handover.md). Counts are
// made per shift and added up, so a period's figures are the sum of the shifts that started in
// it; the medians are taken over the events themselves, since medians do not add, and the
// follow-ups open at the end are counted at the end of the shift, week or period.
import type { ContactScript, RiskLevel } from '#shared/script.ts'
import type { FiguresPeriod, ShiftFigures, WeeklyFigures } from '#shared/handover.ts'
import { formatDateTime, londonDate, londonMidnight } from '#shared/time.ts'
import { followUpsOpenAt } from '../followUps/figures.ts'
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

/** The middle value (the mean of the middle two for an even count), to a tenth of a minute. */
export function medianMinutes(events: readonly TimedEvent[]): number | null {
  if (events.length === 0) return null
  const sorted = Float64Array.from(events, (e) => e.minutes).sort()
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
  'claresLawReferrals',
  'claresLawDisclosures',
  'claresLawDisclosuresWithIdva',
  'claresLawSupportAccepted',
  'claresLawSupportAcceptedWithIdva',
  'followUpsScheduled',
  'followUpCalls',
  'followUpsReached',
  'escalationsRaised',
  'escalationsAcknowledged',
  'escalationsUpgraded',
]

/**
 * The figures of a set of shifts: their counts added up, the medians over their events, and the
 * follow-ups open at `end`.
 */
function combine(
  queries: HandoverQueries,
  counts: readonly ShiftCounts[],
  firstContacts: readonly TimedEvent[],
  escalations: readonly TimedEvent[],
  end: string,
): ShiftFigures {
  const sum = Object.fromEntries(
    COUNTS.map((k) => [k, counts.reduce((n, c) => n + c[k], 0)]),
  ) as Record<Count, number>
  const open = followUpsOpenAt(queries, end)
  return {
    ...sum,
    medianMinutesToFirstContact: medianMinutes(firstContacts),
    firstContacts: firstContacts.length,
    medianMinutesToEscalation: medianMinutes(escalations),
    followUpsOpenAtEnd: open.open,
    followUpsOverdueAtEnd: open.overdue,
  }
}

const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b)

/** The figures for the shifts a selection names. */
export function figuresFor(
  queries: HandoverQueries,
  selection: ShiftSelection,
  rule: RiskRule,
): ShiftFigures {
  // A shift ends when it was handed over (an open one is read up to asAt); a period at its end.
  const end =
    selection.shiftId === null
      ? earlier(selection.to, selection.asAt)
      : (queries.shift(selection.shiftId)?.endedAt ?? selection.asAt)
  return combine(
    queries,
    queries.counts(selection, rule),
    queries.firstContacts(selection),
    queries.escalationsRaised(selection),
    end,
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
  const bounds = weekBounds(period.from, period.to)
  const ends = bounds.map((week) => Date.parse(week.to))
  // Each shift's week, found once; then every count and event goes straight to its week.
  const weekOf = new Map<number, number>()
  for (const s of shifts) {
    const t = Date.parse(s.startedAt)
    weekOf.set(
      s.id,
      ends.findIndex((end) => t < end),
    )
  }
  const byWeek = bounds.map(() => ({
    shifts: 0,
    counts: [] as ShiftCounts[],
    firstContacts: [] as TimedEvent[],
    escalations: [] as TimedEvent[],
  }))
  const week = (shiftId: number) => byWeek[weekOf.get(shiftId)!]!
  for (const s of shifts) week(s.id).shifts++
  for (const c of counts) week(c.shiftId).counts.push(c)
  for (const e of firstContacts) week(e.shiftId).firstContacts.push(e)
  for (const e of escalations) week(e.shiftId).escalations.push(e)
  const weeks: WeeklyFigures[] = bounds.map((bound, i) => {
    const w = byWeek[i]!
    return {
      ...bound,
      shifts: w.shifts,
      figures: combine(
        queries,
        w.counts,
        w.firstContacts,
        w.escalations,
        earlier(bound.to, period.asAt),
      ),
    }
  })
  return {
    from: period.from,
    to: period.to,
    shifts: shifts.length,
    figures: combine(queries, counts, firstContacts, escalations, earlier(period.to, period.asAt)),
    weeks,
  }
}
