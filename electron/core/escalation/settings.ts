// The escalation settings as stored, with the defaults a new workstation starts from; the desk
// and the CLI read them the same way.
import type { Settings } from '#shared/domain.ts'
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
