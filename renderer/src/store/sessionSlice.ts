// Who is signed in, whether the screen is locked, and whether the audit log was intact when DA
// Desk started. Everything else on the page waits for a worker to sign in, and for the PIN.
import type { ApiError } from '#shared/contract.ts'
import type { AuditStatus, LockReason, Session } from '#shared/domain.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

export interface SessionSlice {
  session: Session | null
  /** False until the Node side has said whether someone is already signed in. */
  sessionChecked: boolean
  /** Loaded at sign-in; null until then. */
  auditStatus: AuditStatus | null
  /** The lock screen is up; the desk under it is kept as it was, hidden. */
  locked: boolean
  checkSession(): Promise<void>
  /** Resolves to the problem when sign-in was refused, for the form to show. */
  signIn(workerName: string, organisation: string, pin: string): Promise<ApiError | null>
  signOut(): Promise<void>
  /** Blanks the screen at once, saves the note being typed, then locks the session. */
  lock(reason: LockReason): Promise<void>
  /** Shows the lock screen for a session the Node side already holds locked. */
  showLocked(): void
  /** Resolves to what to tell the worker when the PIN was refused; null once unlocked. */
  unlock(pin: string): Promise<string | null>
  /** Signs out from the lock screen, no PIN needed: what was not saved is lost. */
  signOutLocked(): Promise<void>
  /** Forgets everything shown for the last worker. */
  endSession(): void
}

export const createSessionSlice: DeskSlice<SessionSlice> = (set, get) => {
  async function loadDesk(): Promise<void> {
    await Promise.all([
      get().loadQueue(),
      get().loadHealth(),
      get().loadSettings(),
      get().loadScript(),
      loadAuditStatus(),
      get().loadShift(),
      get().loadFollowUps(),
      get().loadSupportCar(),
    ])
  }

  async function loadAuditStatus(): Promise<void> {
    const auditStatus = await request(get, 'Could not check the audit log', 'audit.status', {})
    if (auditStatus) set({ auditStatus })
  }

  return {
    session: null,
    sessionChecked: false,
    auditStatus: null,
    locked: false,
    checkSession: async () => {
      // The theme belongs to the workstation: it applies on the sign-in screen too.
      const [current] = await Promise.all([
        request(get, 'Could not check who is signed in', 'session.current', {}),
        get().loadSettings(),
      ])
      if (current) {
        const { locked, ...session } = current
        set({ session, locked, sessionChecked: true })
        // Locked (a reload while locked): the desk loads once the PIN is given.
        if (!locked) await loadDesk()
        return
      }
      set({ session: null, sessionChecked: true })
      // The shift a sign-in would join, if any.
      await get().loadShift()
    },
    signIn: async (workerName, organisation, pin) => {
      const result = await call('session.signIn', { workerName, organisation, pin })
      if (!result.ok) return result.error
      set({ session: result.value })
      await loadDesk()
      return null
    },
    signOut: async () => {
      await get().flushDraft()
      // Signing out clears the screen: never with a note on it that is not saved anywhere.
      if (get().hasUnsavedNotes()) {
        get().tell(
          'Not signed out: a note you are writing has not been saved. File it, shorten it or ' +
            'clear it first.',
          'error',
        )
        return
      }
      const result = await request(get, 'Could not sign out', 'session.signOut', {})
      if (result !== undefined) get().endSession()
    },
    lock: async (reason) => {
      if (get().locked) return
      // Nothing personal stays on screen while the note being typed is saved.
      set({ locked: true, notice: null })
      await get().flushDraft()
      const result = await call('session.lock', { reason })
      if (!result.ok && result.error.code !== 'locked') {
        get().reportProblem('Could not lock DA Desk', result.error)
      }
    },
    showLocked: () => set({ locked: true, notice: null }),
    unlock: async (pin) => {
      const result = await call('session.unlock', { pin })
      if (!result.ok) {
        const { code, message } = result.error
        if (code === 'wrong-pin') return message
        if (code === 'not-signed-in') {
          get().endSession()
          get().tell(message, 'error')
          return null
        }
        // Perhaps unlocked already (a second press of Unlock): carry on if so.
        const current = await call('session.current', {})
        if (!current.ok || !current.value || current.value.locked) {
          return `Could not unlock. ${message}`
        }
      }
      set({ locked: false })
      // Changes held back while locked: the queue, the shift and the open incident as they are now.
      await Promise.all([loadDesk(), get().reloadSelected()])
      return null
    },
    signOutLocked: async () => {
      const result = await request(get, 'Could not sign out', 'session.signOut', {})
      if (result !== undefined) get().endSession()
    },
    endSession: () => {
      set({
        session: null,
        sessionChecked: true,
        locked: false,
        privacy: false,
        auditStatus: null,
        activeId: null,
        searchText: '',
        handoverPreview: null,
        figures: null,
        figuresExport: null,
      })
      get().clearSelection()
      get().clearQueue()
      void get().loadShift()
    },
  }
}
