// What the worker is looking at: queue filters, search text, the highlighted row, the shared
// clock for ages, privacy mode, and the one message shown at the bottom of the screen.
import type { ApiError } from '#shared/contract.ts'
import type { Grade } from '#shared/domain.ts'
import type { DeskSlice } from './deskState.ts'

/** The queue's progress tabs. */
export type ProgressFilter = 'open' | 'new' | 'active' | 'done'

export interface Notice {
  id: number
  severity: 'error' | 'success' | 'info'
  message: string
}

export interface UiSlice {
  progressFilter: ProgressFilter
  gradeFilter: Grade | 'all'
  searchText: string
  /** Only incidents with action notes not yet marked done. */
  actionsOnly: boolean
  /** Only incidents whose follow-up call is due today or overdue. */
  followUpsOnly: boolean
  /** The queue row highlighted by the keyboard (not necessarily open). */
  activeId: number | null
  /** One clock for every age on screen (and the escalation reminders), moved on every 30 s. */
  nowMs: number
  notice: Notice | null
  /** Privacy mode: names, phone numbers and addresses blanked on screen (Ctrl+Shift+H). */
  privacy: boolean
  setPrivacy(privacy: boolean): void
  setProgressFilter(filter: ProgressFilter): void
  setGradeFilter(grade: Grade | 'all'): void
  setSearchText(text: string): void
  setActionsOnly(actionsOnly: boolean): void
  setFollowUpsOnly(followUpsOnly: boolean): void
  setActiveId(id: number | null): void
  tick(nowMs: number): void
  tell(message: string, severity?: Notice['severity']): void
  reportProblem(failure: string, error: ApiError): void
  dismissNotice(): void
}

let noticeCount = 0

export const createUiSlice: DeskSlice<UiSlice> = (set, get) => ({
  progressFilter: 'open',
  gradeFilter: 'all',
  searchText: '',
  actionsOnly: false,
  followUpsOnly: false,
  activeId: null,
  nowMs: Date.now(),
  notice: null,
  privacy: false,
  setPrivacy: (privacy) => set({ privacy }),
  setProgressFilter: (progressFilter) => set({ progressFilter }),
  setGradeFilter: (gradeFilter) => set({ gradeFilter }),
  setSearchText: (searchText) => set({ searchText }),
  setActionsOnly: (actionsOnly) => set({ actionsOnly }),
  setFollowUpsOnly: (followUpsOnly) => set({ followUpsOnly }),
  setActiveId: (activeId) => set({ activeId }),
  tick: (nowMs) => {
    set({ nowMs })
    get().checkReminders(nowMs)
  },
  tell: (message, severity = 'info') => set({ notice: { id: ++noticeCount, severity, message } }),
  reportProblem: (failure, error) => {
    if (error.code === 'not-signed-in') {
      get().endSession()
      get().tell('You are no longer signed in. Please sign in again.', 'error')
      return
    }
    // Locked from elsewhere (another window, or before a reload): show the lock screen, no more.
    if (error.code === 'locked') {
      get().showLocked()
      return
    }
    const message = error.message.trim()
    get().tell(message ? `${failure}. ${message}` : `${failure}.`, 'error')
  },
  dismissNotice: () => set({ notice: null }),
})
