// The worker's settings: where the feed inbox is, the colour theme, the quick phrases for notes,
// and for escalations the force's attendance target per grade and the reminder's interval and
// sound, how soon the screen locks, and the handover record's header (service, force), marking
// and export folder.
import type { Settings, Theme } from '#shared/domain.ts'
import type { GradeTargets } from '#shared/escalation.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

export type HandoverSettings = Pick<
  Settings,
  'serviceName' | 'forceName' | 'protectiveMarking' | 'exportDir'
>

export interface SettingsSlice {
  settings: Settings | null
  theme: Theme
  loadSettings(): Promise<void>
  /** Applies the theme at once, then saves it. */
  setTheme(theme: Theme): Promise<void>
  /** Resolves to the reason when the folder was refused, for the form to show. */
  saveInboxDir(inboxDir: string): Promise<string | null>
  /** Resolves to the reason when the list was refused, for the form to show. */
  saveQuickPhrases(quickPhrases: string[]): Promise<string | null>
  /** Resolves to the reason when they were refused, for the form to show. */
  saveEscalationTimes(
    gradeTargets: GradeTargets,
    escalationReminderMinutes: number,
  ): Promise<string | null>
  setReminderSound(escalationReminderSound: boolean): Promise<void>
  /** Resolves to the reason when it was refused, for the form to show. */
  saveLockAfterMinutes(lockAfterMinutes: number): Promise<string | null>
  /** Saves the fields given; resolves to the reason when they were refused, for the form. */
  saveHandoverSettings(update: Partial<HandoverSettings>): Promise<string | null>
}

export const createSettingsSlice: DeskSlice<SettingsSlice> = (set, get) => ({
  settings: null,
  theme: 'dark',
  loadSettings: async () => {
    const settings = await request(get, 'Could not load your settings', 'settings.get', {})
    if (settings) set({ settings, theme: settings.theme })
  },
  setTheme: async (theme) => {
    set({ theme })
    const settings = await request(get, 'The theme was changed but not saved', 'settings.update', {
      theme,
    })
    if (settings) set({ settings })
  },
  saveInboxDir: async (inboxDir) => {
    const result = await call('settings.update', { inboxDir })
    if (!result.ok) return result.error.message
    set({ settings: result.value })
    get().tell('Inbox folder saved.', 'success')
    void get().loadHealth()
    return null
  },
  saveQuickPhrases: async (quickPhrases) => {
    const result = await call('settings.update', { quickPhrases })
    if (!result.ok) return result.error.message
    set({ settings: result.value })
    return null
  },
  saveEscalationTimes: async (gradeTargets, escalationReminderMinutes) => {
    const result = await call('settings.update', { gradeTargets, escalationReminderMinutes })
    if (!result.ok) return result.error.message
    set({ settings: result.value })
    get().tell('Attendance targets and reminder interval saved.', 'success')
    // A new interval applies to the reminders from now on.
    get().tick(Date.now())
    return null
  },
  setReminderSound: async (escalationReminderSound) => {
    // The box follows the click at once; the saved settings then replace it, or it goes back.
    const before = get().settings
    if (before) set({ settings: { ...before, escalationReminderSound } })
    const settings = await request(get, 'The reminder sound was not changed', 'settings.update', {
      escalationReminderSound,
    })
    set({ settings: settings ?? before })
  },
  saveLockAfterMinutes: async (lockAfterMinutes) => {
    const result = await call('settings.update', { lockAfterMinutes })
    if (!result.ok) return result.error.message
    // The idle timer starts again from now with the new time.
    set({ settings: result.value })
    get().tell(`DA Desk now locks after ${lockAfterMinutes} min without activity.`, 'success')
    return null
  },
  saveHandoverSettings: async (update) => {
    const result = await call('settings.update', update)
    if (!result.ok) return result.error.message
    set({ settings: result.value })
    get().tell('Handover settings saved.', 'success')
    return null
  },
})
