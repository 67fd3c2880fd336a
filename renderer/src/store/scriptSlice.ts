// The guided safe-contact script: the script in force (data from the Node side, loaded once per
// sign-in) and what the worker records with it on the open incident. Each answer is saved as it
// is given; the step the worker is on is saved as they move, so an interrupted call resumes
// there. Risk is counted on the Node side: after an answer the open incident is reloaded.
import type { ApiError, CallRequest } from '#shared/contract.ts'
import type { IncidentDetail } from '#shared/domain.ts'
import type { ContactScript, ScriptRecord } from '#shared/script.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

export interface ScriptSlice {
  script: ContactScript | null
  /** The step last moved to, which wins over a reload that was under way as the worker moved. */
  stepShown: { incidentId: number; stepId: string } | null
  loadScript(): Promise<void>
  /** Saves one answer; resolves to the problem when it was refused, for the question to show. */
  answerQuestion(incidentId: number, questionId: string, value: string): Promise<ApiError | null>
  /** Moves the open incident's script to a step (shown at once, saved for a later resume). */
  setScriptStep(incidentId: number, stepId: string): Promise<void>
  judgeRisk(judgement: CallRequest<'risk.judge'>): Promise<ApiError | null>
  addReferral(referral: CallRequest<'referrals.add'>): Promise<ApiError | null>
  recordOutcome(outcome: CallRequest<'contact.recordOutcome'>): Promise<ApiError | null>
}

export const createScriptSlice: DeskSlice<ScriptSlice> = (set, get) => {
  /** Changes the open incident's script record, if that incident is still open. */
  function patch(incidentId: number, change: (script: ScriptRecord) => Partial<ScriptRecord>) {
    const detail: IncidentDetail | null = get().detail
    if (!detail || detail.row.id !== incidentId) return
    set({ detail: { ...detail, script: { ...detail.script, ...change(detail.script) } } })
  }

  function refused(error: ApiError): ApiError {
    if (error.code === 'not-signed-in') get().reportProblem('', error)
    return error
  }

  return {
    script: null,
    stepShown: null,
    loadScript: async () => {
      const script = await request(get, 'Could not load the contact script', 'script.get', {})
      if (script) set({ script })
    },
    answerQuestion: async (incidentId, questionId, value) => {
      const script = get().script
      if (!script) return { code: 'internal', message: 'The contact script is not loaded yet.' }
      const result = await call('script.answer', {
        incidentId,
        scriptVersion: script.version,
        questionId,
        value,
      })
      if (!result.ok) return refused(result.error)
      const answer = result.value
      patch(incidentId, (s) => ({ answers: [...s.answers, answer] }))
      // The risk count comes from the Node side.
      get().reloadSelectedSoon()
      return null
    },
    setScriptStep: async (incidentId, stepId) => {
      set({ stepShown: { incidentId, stepId } })
      patch(incidentId, () => ({ stepId }))
      await request(get, 'Could not save the step you are on', 'script.setStep', {
        incidentId,
        stepId,
      })
    },
    judgeRisk: async (judgement) => {
      const result = await call('risk.judge', judgement)
      if (!result.ok) return refused(result.error)
      const judged = result.value
      patch(judged.incidentId, (s) => ({ judgements: [...s.judgements, judged] }))
      get().reloadSelectedSoon()
      get().tell('Professional judgement recorded.', 'success')
      return null
    },
    addReferral: async (referral) => {
      const result = await call('referrals.add', referral)
      if (!result.ok) return refused(result.error)
      const added = result.value
      patch(added.incidentId, (s) => ({ referrals: [...s.referrals, added] }))
      get().reloadSelectedSoon()
      return null
    },
    recordOutcome: async (outcome) => {
      const result = await call('contact.recordOutcome', outcome)
      if (!result.ok) return refused(result.error)
      const recorded = result.value
      patch(recorded.incidentId, (s) => ({ outcomes: [...s.outcomes, recorded] }))
      get().reloadSelectedSoon()
      return null
    },
  }
}
