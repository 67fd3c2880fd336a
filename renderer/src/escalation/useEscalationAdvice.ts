// The app's suggestion for the open incident: the shared rules run on what the Node side gathered
// (feed flags, script answers, risk, calls, repeat call-outs), at the page clock's time so that
// "response overdue" lights up while the incident is open, with the force's attendance targets,
// leaving out the rules the worker dismissed here. None while an escalation is open.
import { useMemo } from 'react'
import type { IncidentDetail } from '#shared/domain.ts'
import { DEFAULT_GRADE_TARGETS, openEscalation, type EscalationAdvice } from '#shared/escalation.ts'
import { suggestEscalation } from '#shared/escalationRules.ts'
import { useDesk } from '../store/useDesk.ts'

export function useEscalationAdvice(detail: IncidentDetail): EscalationAdvice | null {
  const nowMs = useDesk((s) => s.nowMs)
  const targets = useDesk((s) => s.settings?.gradeTargets ?? DEFAULT_GRADE_TARGETS)
  const { escalations, facts, dismissals } = detail.escalation
  return useMemo(() => {
    if (openEscalation(escalations)) return null
    const dismissed = dismissals.flatMap((d) => d.ruleIds)
    return suggestEscalation(facts, nowMs, targets, dismissed)
  }, [escalations, facts, dismissals, nowMs, targets])
}
