// The rules that light up the escalate button: one table, as data, that the page, the Node side
// and the CLI all run, so a suggestion on screen and one in an export always agree. Each rule
// looks at what the app knows about an incident (EscalationFacts) and names the grade the risk it
// sees warrants; the advice is the rules that warrant more than the incident's grade.
// docs/escalation-rules.md lists the table for workers and managers. No Node or DOM imports.
import type { Grade, KnownFlag } from './domain.ts'
import type {
  EscalationAdvice,
  EscalationFacts,
  EscalationReason,
  EscalationSuggestion,
  GradeTargets,
} from './escalation.ts'

export interface EscalationRule {
  id: string
  reason: EscalationReason
  /** What the worker is told when it fires, e.g. "strangulation disclosed". */
  text: string
  warrants: Grade
  test(facts: EscalationFacts, now: number, targets: GradeTargets): boolean
  /** The words for this incident, where they say more than `text` (how late, how many calls). */
  describe?(facts: EscalationFacts, now: number, targets: GradeTargets): string
}

/** A repeat call-out counts when it came in this long before the incident's own call. */
export const REPEAT_WINDOW_DAYS = 365
/** Earlier incidents that make this one a third call-out, a trigger in many areas. */
const REPEAT_EARLIER = 2

const flagRule = (
  flag: KnownFlag,
  reason: EscalationReason,
  text: string,
  warrants: Grade,
): EscalationRule => ({
  id: `flag-${flag}`,
  reason,
  text,
  warrants,
  test: (facts) => facts.flags.includes(flag),
})

const answerRule = (
  questionId: string,
  values: readonly string[],
  reason: EscalationReason,
  text: string,
  warrants: Grade,
): EscalationRule => ({
  id: `answer-${questionId}`,
  reason,
  text,
  warrants,
  test: (facts) => {
    const answer = facts.answers[questionId]
    return answer !== undefined && values.includes(answer)
  },
})

/** Whole minutes from the call to `now`. */
const minutesSinceCall = (facts: EscalationFacts, now: number) =>
  Math.floor((now - Date.parse(facts.receivedAt)) / 60_000)

/** "23 min", "1 h 05 min", "2 h": a span of minutes for the button. */
function minutesText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const rest = minutes % 60
  return `${Math.floor(minutes / 60)} h${rest ? ` ${String(rest).padStart(2, '0')} min` : ''}`
}

/** Minutes past the grade's attendance target, or null when it has none or is not yet past. */
function minutesOverdue(facts: EscalationFacts, now: number, targets: GradeTargets) {
  const target = targets[facts.grade]
  if (target === null) return null
  const past = minutesSinceCall(facts, now) - target
  return past > 0 ? { past, target } : null
}

/**
 * Police still on the way past the grade's attendance target: one grade up. A rule per grade, so
 * each names the grade it warrants; grade 1 has nowhere higher to go.
 */
const overdueRule = (grade: 2 | 3 | 4): EscalationRule => ({
  id: `overdue-grade-${grade}`,
  reason: 'response-overdue',
  text: `response overdue: past the grade ${grade} attendance target`,
  warrants: (grade - 1) as Grade,
  test: (facts, now, targets) =>
    facts.grade === grade &&
    (facts.status === 'open' || facts.status === 'assigned') &&
    minutesOverdue(facts, now, targets) !== null,
  describe: (facts, now, targets) => {
    const overdue = minutesOverdue(facts, now, targets)
    return overdue
      ? `response overdue: ${minutesText(overdue.past)} past the ${overdue.target} min target`
      : `response overdue: past the grade ${grade} attendance target`
  },
})

const repeatRule = (
  id: string,
  count: (facts: EscalationFacts) => number,
  where: string,
): EscalationRule => ({
  id,
  reason: 'repeat-incidents',
  text: `third call-out in 12 months ${where}`,
  warrants: 2,
  test: (facts) => count(facts) >= REPEAT_EARLIER,
  describe: (facts) => `${count(facts) + 1} call-outs in 12 months ${where}`,
})

/** The table. Order is the order the button names reasons in when they warrant the same grade. */
export const ESCALATION_RULES: readonly EscalationRule[] = [
  // What the call handler recorded (feed flags).
  flagRule('weapon', 'weapon', 'weapon reported in the call', 1),
  flagRule('suspect-on-scene', 'suspect-present', 'suspect on scene', 1),
  flagRule('strangulation', 'strangulation', 'strangulation reported in the call', 2),
  flagRule('threats-to-kill', 'threats-to-kill', 'threats to kill reported in the call', 2),
  flagRule('injury', 'injury', 'injury reported in the call', 2),
  flagRule('children-present', 'children-at-risk', 'children present', 2),
  // What the victim told the worker (safe-contact script answers, the latest to each question).
  answerRule('safety-suspect-near', ['yes'], 'suspect-present', 'suspect with the victim', 1),
  answerRule(
    'now-suspect-where',
    ['in-the-home', 'nearby'],
    'suspect-present',
    'suspect present or nearby',
    1,
  ),
  // The script tells the worker to tell the controller at once; no reason fits better.
  answerRule('now-urgent-help', ['yes'], 'vulnerability', 'victim needs urgent help now', 1),
  answerRule('now-weapons', ['yes'], 'weapon', 'weapons in the house', 2),
  answerRule('now-injured', ['yes'], 'injury', 'victim hurt now', 2),
  answerRule('now-children', ['yes'], 'children-at-risk', 'children with the victim', 2),
  answerRule('dash-strangulation', ['yes'], 'strangulation', 'strangulation disclosed', 2),
  answerRule('dash-threats-to-kill', ['yes'], 'threats-to-kill', 'threats to kill disclosed', 2),
  answerRule('dash-weapons', ['yes'], 'weapon', 'weapon used before', 2),
  {
    id: 'dash-high-risk',
    reason: 'vulnerability',
    text: 'DASH high risk',
    warrants: 2,
    test: (facts) => facts.riskLevel === 'high',
  },
  repeatRule('repeat-address', (f) => f.earlierAtAddress, 'to this address'),
  repeatRule('repeat-victim', (f) => f.earlierForVictim, 'for this victim'),
  {
    id: 'contact-lost',
    reason: 'unable-to-talk',
    text: 'victim unable to talk / line dropped',
    warrants: 2,
    test: (facts) =>
      facts.lastAttemptResult === 'call-dropped' || facts.lastAttemptResult === 'unsafe-to-talk',
  },
  overdueRule(2),
  overdueRule(3),
  overdueRule(4),
]

/** Every rule id, for checking the ids a request names. */
export const ESCALATION_RULE_IDS: ReadonlySet<string> = new Set(ESCALATION_RULES.map((r) => r.id))

/** Police have been or the incident is over: too late for a quicker response. */
const finished = (facts: EscalationFacts) =>
  facts.status === 'attended' || facts.status === 'closed'

/**
 * What the rules advise for one incident at `now`: the rules not dismissed on it that warrant a
 * grade above (numerically below) its own, highest first; null when none do or when police have
 * attended or closed it. A suggestion only lights the button; it never escalates by itself.
 */
export function suggestEscalation(
  facts: EscalationFacts,
  now: number,
  targets: GradeTargets,
  dismissedRuleIds: readonly string[],
): EscalationAdvice | null {
  if (finished(facts)) return null
  const suggestions: EscalationSuggestion[] = ESCALATION_RULES.filter(
    (rule) =>
      rule.warrants < facts.grade &&
      !dismissedRuleIds.includes(rule.id) &&
      rule.test(facts, now, targets),
  )
    .map((rule) => ({
      ruleId: rule.id,
      reason: rule.reason,
      text: rule.describe?.(facts, now, targets) ?? rule.text,
      warrants: rule.warrants,
    }))
    // Stable: rules warranting the same grade keep the table's order.
    .sort((a, b) => a.warrants - b.warrants)
  const first = suggestions[0]
  if (!first) return null
  const texts = [...new Set(suggestions.map((s) => s.text))]
  return {
    suggestions,
    recommendedGrade: first.warrants,
    reasons: [...new Set(suggestions.map((s) => s.reason))],
    summary: `${texts.join('; ')}; grade ${facts.grade}`,
  }
}
