// One incident's timeline for the notes pane: its rapport notes, its call attempts and follow-up
// calls, the feed's regrades, what the contact script recorded that matters later (risk level changes,
// professional judgements, referrals and outcomes) and each step of its escalations and the
// suggestions dismissed, merged in time order (oldest first, so the newest sits just above the
// note being written).
import type { ContactAttempt, HistoryEntry, IncidentDetail, Note } from '#shared/domain.ts'
import type { ContactScript, OutcomeRecord, Referral, RiskJudgement } from '#shared/script.ts'
import type { SuggestionDismissal } from '#shared/escalation.ts'
import { escalationSteps, type EscalationStepRecord } from '../escalation/escalationWords.ts'
import { riskChanges, type RiskChange } from '../script/scriptPath.ts'
import { followUpCallEntries, type FollowUpCallEntry } from './followUpCallEntries.ts'

export type TimelineEntry =
  | { kind: 'note'; key: string; at: string; note: Note }
  | { kind: 'attempt'; key: string; at: string; attempt: ContactAttempt }
  | FollowUpCallEntry
  | { kind: 'regrade'; key: string; at: string; regrade: HistoryEntry }
  | { kind: 'risk'; key: string; at: string; change: RiskChange }
  | { kind: 'judgement'; key: string; at: string; judgement: RiskJudgement }
  | { kind: 'referral'; key: string; at: string; referral: Referral }
  | { kind: 'outcome'; key: string; at: string; outcome: OutcomeRecord }
  | { kind: 'escalation'; key: string; at: string; step: EscalationStepRecord }
  | { kind: 'dismissal'; key: string; at: string; dismissal: SuggestionDismissal }

/** The risk level changes need the script (its DASH questions and bands); without it, none. */
export function timelineEntries(
  detail: IncidentDetail,
  script: ContactScript | null = null,
): TimelineEntry[] {
  const record = detail.script
  const entries: TimelineEntry[] = [
    ...detail.notes.map((note) => ({
      kind: 'note' as const,
      key: `note-${note.id}`,
      at: note.at,
      note,
    })),
    ...detail.attempts.map((attempt) => ({
      kind: 'attempt' as const,
      key: `attempt-${attempt.id}`,
      at: attempt.at,
      attempt,
    })),
    ...followUpCallEntries(detail),
    ...detail.history
      .filter((entry) => entry.kind === 'regrade')
      .map((regrade) => ({
        kind: 'regrade' as const,
        key: `regrade-${regrade.id}`,
        at: regrade.at,
        regrade,
      })),
    ...(script ? riskChanges(script, record.answers) : []).map((change) => ({
      kind: 'risk' as const,
      key: `risk-${change.answerId}`,
      at: change.at,
      change,
    })),
    ...record.judgements.map((judgement) => ({
      kind: 'judgement' as const,
      key: `judgement-${judgement.id}`,
      at: judgement.at,
      judgement,
    })),
    ...record.referrals.map((referral) => ({
      kind: 'referral' as const,
      key: `referral-${referral.id}`,
      at: referral.at,
      referral,
    })),
    ...record.outcomes.map((outcome) => ({
      kind: 'outcome' as const,
      key: `outcome-${outcome.id}`,
      at: outcome.at,
      outcome,
    })),
    ...detail.escalation.escalations.flatMap(escalationSteps).map((step) => ({
      kind: 'escalation' as const,
      key: step.key,
      at: step.at,
      step,
    })),
    ...detail.escalation.dismissals.map((dismissal) => ({
      kind: 'dismissal' as const,
      key: `dismissal-${dismissal.id}`,
      at: dismissal.at,
      dismissal,
    })),
  ]
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key))
}

/** The corrections filed for each note, oldest first, by the id of the note they correct. */
export function correctionsByNote(notes: readonly Note[]): Map<number, Note[]> {
  const corrections = new Map<number, Note[]>()
  for (const note of [...notes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    if (note.amends === null) continue
    corrections.set(note.amends, [...(corrections.get(note.amends) ?? []), note])
  }
  return corrections
}

/** The id of a note's element in the timeline, to move focus to it. */
export function noteElementId(noteId: number): string {
  return `timeline-note-${noteId}`
}
