// The escalation settings as stored, with the defaults a new workstation starts from; the desk
// and the CLI read them the same way.
import type { Settings } from '#shared/domain.ts'
import { GRADE_NAMES, GRADES } from '#shared/domain.ts'
import type { GradeTargets } from '#shared/escalation.ts'
import { DEFAULT_GRADE_TARGETS, DEFAULT_REMINDER_MINUTES } from '#shared/escalation.ts'
import type { DeskQueries } from '../db/deskQueries.ts'

export type EscalationSettings = Pick<
  Settings,
  'gradeTargets' | 'escalationReminderMinutes' | 'escalationReminderSound'
>

export function escalationSettings(desk: DeskQueries): EscalationSettings {
  return {
    gradeTargets: (desk.setting('gradeTargets') as GradeTargets | undefined) ?? {
      ...DEFAULT_GRADE_TARGETS,
    },
    escalationReminderMinutes:
      (desk.setting('escalationReminderMinutes') as number | undefined) ?? DEFAULT_REMINDER_MINUTES,
    // Off until the worker turns it on: a control room is full of alarms already.
    escalationReminderSound:
      (desk.setting('escalationReminderSound') as boolean | undefined) ?? false,
  }
}

/**
 * Why a set of attendance targets makes no sense, or null: a lower grade may not be due sooner
 * than a higher one, or the overdue rules would ask to "upgrade" to a slower response.
 */
export function gradeTargetsProblem(targets: GradeTargets): string | null {
  for (const lower of GRADES) {
    for (const higher of GRADES.filter((g) => g < lower)) {
      const slow = targets[lower]
      const fast = targets[higher]
      if (slow !== null && fast !== null && slow < fast) {
        return (
          `The grade ${lower} (${GRADE_NAMES[lower]}) target of ${slow} min cannot be shorter ` +
          `than the grade ${higher} (${GRADE_NAMES[higher]}) target of ${fast} min.`
        )
      }
    }
  }
  return null
}
