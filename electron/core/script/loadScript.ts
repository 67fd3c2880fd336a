// Reads the safe-contact script (a data file a service can adapt) and checks it at start-up: its
// shape, and that it hangs together — unique ids, every branch and next step real, choices only
// on choice questions. A broken file stops the desk with a message naming the problem, rather
// than leaving a worker mid-call with a question that leads nowhere.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { RISK_LEVELS } from '#shared/script.ts'
import type { ContactScript } from '#shared/script.ts'
import { answerValues } from './checkAnswer.ts'

export class ScriptFileError extends Error {}

const name = z.string().trim().min(1).max(80)
const wording = z.string().trim().min(1).max(1000)

const questionSchema = z.strictObject({
  id: name,
  text: wording,
  kind: z.enum(['yes-no', 'dash', 'choice', 'text', 'datetime']),
  choices: z
    .array(z.strictObject({ value: name, label: wording }))
    .min(1)
    .optional(),
  branches: z.record(z.string(), name).optional(),
  hint: wording.optional(),
})

const scriptSchema = z.strictObject({
  id: name,
  version: z.string().trim().min(1).max(40),
  title: wording,
  wordingNote: wording,
  highRiskYes: z.number().int().positive(),
  bands: z.array(z.strictObject({ level: z.enum(RISK_LEVELS), minYes: z.number().int().min(0) })),
  firstStep: name,
  steps: z
    .array(
      z.strictObject({
        id: name,
        title: wording,
        guidance: z.array(wording),
        questions: z.array(questionSchema),
        next: name.optional(),
        role: z.enum(['risk', 'referrals', 'close', 'end-unsafe']).optional(),
      }),
    )
    .min(1),
})

/** Everything wrong with how the script hangs together; empty when nothing is. */
function problems(script: ContactScript): string[] {
  const found: string[] = []
  const stepIds = new Set<string>()
  const questionIds = new Set<string>()
  for (const step of script.steps) {
    if (stepIds.has(step.id)) found.push(`step id "${step.id}" is used twice`)
    stepIds.add(step.id)
    for (const q of step.questions) {
      // Answers are stored by question id, so a question id must be unique in the whole script.
      if (questionIds.has(q.id)) found.push(`question id "${q.id}" is used twice`)
      questionIds.add(q.id)
    }
  }
  if (!stepIds.has(script.firstStep)) {
    found.push(`firstStep "${script.firstStep}" is not a step in the script`)
  }
  for (const step of script.steps) {
    if (step.next !== undefined && !stepIds.has(step.next)) {
      found.push(`step "${step.id}" goes next to "${step.next}", which is not a step`)
    }
    for (const q of step.questions) {
      const where = `question "${q.id}" in step "${step.id}"`
      if (q.kind === 'choice' && !q.choices) found.push(`${where} is a choice with no choices`)
      if (q.kind !== 'choice' && q.choices) {
        found.push(`${where} has choices but is a ${q.kind} question`)
      }
      if (q.kind === 'dash' && step.role !== 'risk') {
        found.push(`${where} is a DASH question outside the risk step`)
      }
      const values = answerValues(q)
      for (const [value, target] of Object.entries(q.branches ?? {})) {
        if (!stepIds.has(target)) {
          found.push(`${where} branches on "${value}" to "${target}", which is not a step`)
        }
        if (values === null || !values.includes(value)) {
          found.push(`${where} branches on "${value}", which is not one of its answers`)
        }
      }
    }
  }
  const bands = script.bands
  if (bands[0]?.minYes !== 0) found.push('the first risk band must start at 0 yes answers')
  if (bands.some((b, i) => i > 0 && b.minYes <= bands[i - 1]!.minYes)) {
    found.push('risk bands must be in order of minYes, each higher than the last')
  }
  const high = bands.find((b) => b.level === 'high')
  if (high?.minYes !== script.highRiskYes) {
    found.push(`the high risk band must start at highRiskYes (${script.highRiskYes})`)
  }
  return found
}

/** Loads and checks the script file; throws ScriptFileError naming the file and the problem. */
export function loadScript(file: string): ContactScript {
  const broken = (why: string) =>
    new ScriptFileError(`DA Desk cannot start: the safe-contact script ${file} ${why}`)
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw broken(
      code ? `could not be read (${code}).` : `is not valid JSON (${(error as Error).message}).`,
    )
  }
  const parsed = scriptSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || 'file'}: ${i.message}`)
    throw broken(`is not in the script format: ${issues.join('; ')}.`)
  }
  const script: ContactScript = parsed.data
  const found = problems(script)
  if (found.length > 0) throw broken(`is broken: ${found.join('; ')}.`)
  return script
}
