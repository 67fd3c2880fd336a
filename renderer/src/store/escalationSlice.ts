// Escalations: raising one, the controller's acknowledgement, the outcome, and setting the app's
// suggestion aside, each recorded on the Node side (which checks the lifecycle too). Also the
// reminder that brings an unacknowledged escalation back to the worker every few minutes: which
// reminders are on screen, and when each escalation was last brought back.
import type { ApiError, CallRequest } from '#shared/contract.ts'
import type { QueueRow } from '#shared/domain.ts'
import {
  DEFAULT_REMINDER_MINUTES,
  ESCALATION_OUTCOME_LABELS,
  nextReminderAt,
  type Escalation,
  type OpenEscalationMark,
} from '#shared/escalation.ts'
import { call } from '../api.ts'
import { playReminderSound } from '../escalation/reminderSound.ts'
import type { DeskSlice } from './deskState.ts'

export interface EscalationSlice {
  /** Reminders on screen: escalation id → the moment it (last) appeared. */
  reminders: ReadonlyMap<number, number>
  /** When each unacknowledged escalation was last brought back (shown or set aside), by id. */
  remindedAt: ReadonlyMap<number, number>
  raiseEscalation(request: CallRequest<'escalations.raise'>): Promise<ApiError | null>
  acknowledgeEscalation(escalationId: number, controller: string): Promise<ApiError | null>
  recordEscalationOutcome(
    request: CallRequest<'escalations.recordOutcome'>,
  ): Promise<ApiError | null>
  dismissSuggestion(request: CallRequest<'escalations.dismissSuggestion'>): Promise<ApiError | null>
  /** Shows the reminders that are due at `nowMs` (the page clock) and plans the next one. */
  checkReminders(nowMs: number): void
  /** Sets a reminder aside: it comes back one interval from now if still unacknowledged. */
  dismissReminder(escalationId: number, nowMs: number): void
  /** Opens an incident from an escalation (top bar, reminder), making sure its row is in sight. */
  showEscalatedIncident(incidentId: number): void
}

/** The queue rows with an escalation still awaiting the controller's acknowledgement. */
export function unacknowledged(
  rows: Iterable<QueueRow>,
): { row: QueueRow; mark: OpenEscalationMark }[] {
  const found: { row: QueueRow; mark: OpenEscalationMark }[] = []
  for (const row of rows) {
    const mark = row.openEscalation
    if (mark && mark.acknowledgedAt === null) found.push({ row, mark })
  }
  return found
}

export const createEscalationSlice: DeskSlice<EscalationSlice> = (set, get) => {
  let reminderTimer: ReturnType<typeof setTimeout> | null = null

  /** Puts the escalation into the open incident's record at once (the Node side's events then
   * reload the incident and its queue row). */
  function patch(escalation: Escalation): void {
    const detail = get().detail
    if (!detail || detail.row.id !== escalation.incidentId) return
    const known = detail.escalation.escalations
    const escalations = known.some((e) => e.id === escalation.id)
      ? known.map((e) => (e.id === escalation.id ? escalation : e))
      : [...known, escalation]
    set({ detail: { ...detail, escalation: { ...detail.escalation, escalations } } })
    get().reloadSelectedSoon()
  }

  function refused(error: ApiError): ApiError {
    if (error.code === 'not-signed-in') get().reportProblem('', error)
    return error
  }

  return {
    reminders: new Map(),
    remindedAt: new Map(),
    raiseEscalation: async (request) => {
      const result = await call('escalations.raise', request)
      if (!result.ok) return refused(result.error)
      patch(result.value)
      get().tell(`Escalation raised on ${result.value.incidentRef}.`, 'success')
      return null
    },
    acknowledgeEscalation: async (escalationId, controller) => {
      const result = await call('escalations.acknowledge', { escalationId, controller })
      if (!result.ok) return refused(result.error)
      patch(result.value)
      get().tell(
        `Acknowledgement by ${result.value.acknowledgement?.controller} recorded.`,
        'success',
      )
      return null
    },
    recordEscalationOutcome: async (request) => {
      const result = await call('escalations.recordOutcome', request)
      if (!result.ok) return refused(result.error)
      patch(result.value)
      const outcome = result.value.outcome
      if (outcome)
        get().tell(`Outcome recorded: ${ESCALATION_OUTCOME_LABELS[outcome.outcome]}.`, 'success')
      return null
    },
    dismissSuggestion: async (request) => {
      const result = await call('escalations.dismissSuggestion', request)
      if (!result.ok) return refused(result.error)
      const dismissal = result.value
      const detail = get().detail
      if (detail && detail.row.id === dismissal.incidentId) {
        const dismissals = [...detail.escalation.dismissals, dismissal]
        set({ detail: { ...detail, escalation: { ...detail.escalation, dismissals } } })
      }
      get().tell('Suggestion dismissed; your reason is recorded.', 'success')
      return null
    },
    checkReminders: (nowMs) => {
      const minutes = get().settings?.escalationReminderMinutes ?? DEFAULT_REMINDER_MINUTES
      const waiting = unacknowledged(get().rowsById.values())
      const reminders = new Map<number, number>()
      const remindedAt = new Map<number, number>()
      let due = false
      let next = Number.POSITIVE_INFINITY
      for (const { mark } of waiting) {
        const last = get().remindedAt.get(mark.id) ?? null
        const at = nextReminderAt({ state: 'raised', raisedAt: mark.raisedAt }, minutes, last)
        if (at === null) continue
        const shown = get().reminders.get(mark.id)
        if (at <= nowMs) {
          due = true
          reminders.set(mark.id, nowMs)
          remindedAt.set(mark.id, nowMs)
          next = Math.min(next, nowMs + minutes * 60_000)
        } else {
          if (shown !== undefined) reminders.set(mark.id, shown)
          if (last !== null) remindedAt.set(mark.id, last)
          next = Math.min(next, at)
        }
      }
      // Acknowledged and closed escalations drop out of both.
      set({ reminders, remindedAt })
      if (due && get().settings?.escalationReminderSound) playReminderSound()
      // The 30-second clock would be up to 30 s late: wake exactly when the next one is due.
      if (reminderTimer) clearTimeout(reminderTimer)
      reminderTimer = null
      if (Number.isFinite(next)) {
        reminderTimer = setTimeout(() => get().tick(Date.now()), Math.max(0, next - Date.now()))
      }
    },
    dismissReminder: (escalationId, nowMs) => {
      const reminders = new Map(get().reminders)
      reminders.delete(escalationId)
      set({ reminders, remindedAt: new Map(get().remindedAt).set(escalationId, nowMs) })
      get().checkReminders(nowMs)
    },
    showEscalatedIncident: (incidentId) => {
      const row = get().rowsById.get(incidentId)
      if (!row) return
      // Every filter that could hide the row is set so that it shows.
      if (get().searchText !== '') get().setSearchText('')
      if (get().gradeFilter !== 'all' && get().gradeFilter !== row.grade)
        get().setGradeFilter('all')
      if (get().progressFilter !== 'open') get().setProgressFilter('open')
      get().setActiveId(incidentId)
      void get().openIncident(incidentId)
    },
  }
}
