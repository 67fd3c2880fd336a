// Who is signed in, and whether the audit log was intact when DA Desk started. Everything else on
// the page waits for a worker to sign in.
import type { ApiError } from '#shared/contract.ts'
import type { AuditStatus, Session } from '#shared/domain.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

export interface SessionSlice {
  session: Session | null
  /** False until the Node side has said whether someone is already signed in. */
  sessionChecked: boolean
  /** Loaded at sign-in; null until then. */
  auditStatus: AuditStatus | null
  checkSession(): Promise<void>
  /** Resolves to the problem when sign-in was refused, for the form to show. */
  signIn(workerName: string, organisation: string): Promise<ApiError | null>
  signOut(): Promise<void>
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
    checkSession: async () => {
      // The theme belongs to the workstation: it applies on the sign-in screen too.
      const [session] = await Promise.all([
        request(get, 'Could not check who is signed in', 'session.current', {}),
        get().loadSettings(),
      ])
      set({ session: session ?? null, sessionChecked: true })
      // Signed in: the desk, with its shift. Not: the shift a sign-in would join, if any.
      await (session ? loadDesk() : get().loadShift())
    },
    signIn: async (workerName, organisation) => {
      const result = await call('session.signIn', { workerName, organisation })
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
    endSession: () => {
      set({
        session: null,
        sessionChecked: true,
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
