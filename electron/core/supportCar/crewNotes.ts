// The safe-contact notes the car's crew needs before they knock, pulled from what the desk
// recorded: when it is safe to make contact and how, whether the suspect was there, whether a
// code word was agreed, and the safeguarding notes. Each is the latest answer given; questions a
// service's own script does not have are simply not shown.
import type { ContactAttempt, Note } from '#shared/domain.ts'
import type { ContactScript, ScriptAnswer } from '#shared/script.ts'
import type { CrewNote } from '#shared/supportCar.ts'
import { formatDateTime } from '#shared/time.ts'

/** The safe-contact script's questions the crew needs, with the crew's name for each. */
const CREW_QUESTIONS: readonly { id: string; label: string }[] = [
  { id: 'unsafe-safe-time', label: 'Safe time to make contact' },
  { id: 'unsafe-method', label: 'How to get in touch' },
  { id: 'safety-suspect-near', label: 'Suspect there or nearby' },
  { id: 'now-suspect-where', label: 'Where the suspect is' },
  { id: 'unsafe-code-word', label: 'Code word agreed to end a call' },
  { id: 'plan-code-word', label: 'Code word with someone trusted' },
]

/** Safeguarding notes shown to the crew, newest first. */
const SAFEGUARDING_NOTES = 3

export function crewNotes(
  script: ContactScript,
  answers: readonly ScriptAnswer[],
  attempts: readonly ContactAttempt[],
  notes: readonly Note[],
): CrewNote[] {
  const questions = new Map(script.steps.flatMap((s) => s.questions.map((q) => [q.id, q])))
  const latest = new Map<string, ScriptAnswer>()
  for (const a of answers) latest.set(a.questionId, a)
  const result: CrewNote[] = []
  const callBack = attempts.findLast((a) => a.callBackAt !== null)
  if (callBack?.callBackAt) {
    result.push({
      label: 'Call-back agreed',
      value: formatDateTime(callBack.callBackAt),
      at: callBack.at,
    })
  }
  for (const { id, label } of CREW_QUESTIONS) {
    const question = questions.get(id)
    const answer = latest.get(id)
    if (!question || !answer) continue
    const value =
      question.kind === 'datetime'
        ? formatDateTime(answer.value)
        : question.kind === 'yes-no'
          ? answer.value === 'yes'
            ? 'Yes'
            : 'No'
          : (question.choices?.find((c) => c.value === answer.value)?.label ?? answer.value)
    result.push({ label, value, at: answer.at })
  }
  for (const note of notes
    .filter((n) => n.tags.includes('safeguarding'))
    .slice(-SAFEGUARDING_NOTES)
    .reverse()) {
    result.push({ label: 'Safeguarding note', value: note.text, at: note.at })
  }
  return result
}
