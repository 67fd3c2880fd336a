// Finding the way through the script from its data: the latest answer to each question, where
// "Next" and "Back" go (an answer with a branch takes it), and the steps the stepper shows (the
// main path, with a branch step only once it is taken).
import type {
  ContactScript,
  RiskLevel,
  ScriptAnswer,
  ScriptRecord,
  ScriptStep,
} from '#shared/script.ts'

/** The latest answer to each question (a changed answer is a new record). */
export function latestAnswers(answers: readonly ScriptAnswer[]): Map<string, ScriptAnswer> {
  const latest = new Map<string, ScriptAnswer>()
  const ordered = [...answers].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id)
  for (const answer of ordered) latest.set(answer.questionId, answer)
  return latest
}

export function stepById(script: ContactScript, id: string | null): ScriptStep | undefined {
  return script.steps.find((step) => step.id === id)
}

/** The step the worker is on: where they stopped, or the start. */
export function currentStep(script: ContactScript, record: ScriptRecord): ScriptStep | undefined {
  return stepById(script, record.stepId) ?? stepById(script, script.firstStep) ?? script.steps[0]
}

/** Where "Next" goes from a step: the branch an answer takes, else the step's next. */
export function nextStepId(step: ScriptStep, latest: Map<string, ScriptAnswer>): string | null {
  for (const question of step.questions) {
    const value = latest.get(question.id)?.value
    const branch = value === undefined ? undefined : question.branches?.[value]
    if (branch) return branch
  }
  return step.next ?? null
}

/** The steps walked from the start to `untilId` by the answers given (at most once each). */
export function takenPath(
  script: ContactScript,
  latest: Map<string, ScriptAnswer>,
  untilId: string,
): ScriptStep[] {
  const path: ScriptStep[] = []
  let step = stepById(script, script.firstStep)
  while (step && !path.includes(step)) {
    path.push(step)
    if (step.id === untilId) break
    step = stepById(script, nextStepId(step, latest))
  }
  return path
}

/** The steps the stepper shows: the main path (each step's next, from the start), with a branch
 * step put after the step it branches from, once it is taken (or is where the worker is). */
export function shownSteps(
  script: ContactScript,
  latest: Map<string, ScriptAnswer>,
  currentId: string,
): ScriptStep[] {
  const main: ScriptStep[] = []
  let step = stepById(script, script.firstStep)
  while (step && !main.includes(step)) {
    main.push(step)
    step = stepById(script, step.next ?? null)
  }
  const shown: ScriptStep[] = []
  for (const mainStep of main) {
    shown.push(mainStep)
    for (const question of mainStep.questions) {
      const value = latest.get(question.id)?.value
      for (const [answer, target] of Object.entries(question.branches ?? {})) {
        const branch = stepById(script, target)
        if (!branch || main.includes(branch) || shown.includes(branch)) continue
        if (answer === value || target === currentId) shown.push(branch)
      }
    }
  }
  const current = stepById(script, currentId)
  if (current && !shown.includes(current)) shown.push(current)
  return shown
}

/** Where "Back" goes: the step before this one on the way the answers took, else the one
 * before it in the stepper. */
export function previousStepId(
  script: ContactScript,
  latest: Map<string, ScriptAnswer>,
  currentId: string,
): string | null {
  const path = takenPath(script, latest, currentId)
  const at = path.findIndex((step) => step.id === currentId)
  if (at > 0) return path[at - 1]?.id ?? null
  const shown = shownSteps(script, latest, currentId)
  const index = shown.findIndex((step) => step.id === currentId)
  return index > 0 ? (shown[index - 1]?.id ?? null) : null
}

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  standard: 'Standard',
  medium: 'Medium',
  high: 'High',
}

/** The DASH questions of the script, in order. */
export function dashQuestionIds(script: ContactScript): Set<string> {
  return new Set(
    script.steps.flatMap((step) =>
      step.questions.filter((q) => q.kind === 'dash').map((q) => q.id),
    ),
  )
}

/** The level a count of yes answers falls in, by the script's bands and threshold. */
export function levelForCount(script: ContactScript, yes: number): RiskLevel {
  if (yes >= script.highRiskYes) return 'high'
  let level: RiskLevel = 'standard'
  let best = -1
  for (const band of script.bands) {
    if (yes >= band.minYes && band.minYes > best) {
      level = band.level
      best = band.minYes
    }
  }
  return level
}

export interface RiskChange {
  at: string
  by: string
  level: RiskLevel
  yesCount: number
  answerId: number
}

/** Each time the DASH count moved the risk level (for the timeline), oldest first. */
export function riskChanges(script: ContactScript, answers: readonly ScriptAnswer[]): RiskChange[] {
  const dash = dashQuestionIds(script)
  const values = new Map<string, string>()
  const changes: RiskChange[] = []
  let level: RiskLevel = 'standard'
  const ordered = [...answers].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id)
  for (const answer of ordered) {
    if (!dash.has(answer.questionId)) continue
    values.set(answer.questionId, answer.value)
    const yesCount = [...values.values()].filter((v) => v === 'yes').length
    const now = levelForCount(script, yesCount)
    if (now !== level) {
      changes.push({ at: answer.at, by: answer.by, level: now, yesCount, answerId: answer.id })
      level = now
    }
  }
  return changes
}
