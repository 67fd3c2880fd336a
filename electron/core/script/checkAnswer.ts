// Whether a value is an answer a question can take, by its kind; the one rule the desk applies
// before storing an answer and the start-up check applies to the script's branches.
import { z } from 'zod'
import { DASH_ANSWERS } from '#shared/script.ts'
import type { ScriptQuestion } from '#shared/script.ts'
import { toIsoUtc } from '#shared/time.ts'

export const ANSWER_MAX_CHARS = 2000

const instant = z.iso.datetime({ offset: true })

/** The values a question of this kind accepts, or null when it takes free text or a time. */
export function answerValues(question: ScriptQuestion): readonly string[] | null {
  switch (question.kind) {
    case 'yes-no':
      return ['yes', 'no']
    case 'dash':
      return DASH_ANSWERS
    case 'choice':
      return (question.choices ?? []).map((c) => c.value)
    default:
      return null
  }
}

export type CheckedAnswer = { ok: true; value: string } | { ok: false; problem: string }

/** The value as it is stored (a time in UTC), or why the question cannot take it. */
export function checkAnswer(question: ScriptQuestion, value: string): CheckedAnswer {
  const values = answerValues(question)
  if (values !== null) {
    return values.includes(value)
      ? { ok: true, value }
      : { ok: false, problem: `The answer must be one of: ${values.join(', ')}.` }
  }
  if (question.kind === 'datetime') {
    return instant.safeParse(value).success
      ? { ok: true, value: toIsoUtc(Date.parse(value)) }
      : { ok: false, problem: 'The answer must be a date and time with a time zone.' }
  }
  if (value.length === 0) return { ok: false, problem: 'The answer is empty.' }
  if (value.length > ANSWER_MAX_CHARS) {
    return { ok: false, problem: `The answer can be at most ${ANSWER_MAX_CHARS} characters.` }
  }
  return { ok: true, value }
}
