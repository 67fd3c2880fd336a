// How the support car's records read on screen: a visit in one line, and who attended.
import { REFERRAL_SERVICE_LABELS } from '#shared/script.ts'
import type { SupportCarVisit } from '#shared/supportCar.ts'

/** "PC 4410 Ellis and Sam Rivers (IDVA)", or whichever of them attended. */
export function attendedBy(v: Pick<SupportCarVisit, 'officer' | 'idva'>): string {
  return [v.officer, v.idva && `${v.idva} (IDVA)`].filter(Boolean).join(' and ')
}

/** What happened at a visit, in the words the published figures use. */
export function visitOutcomes(v: SupportCarVisit): string {
  const outcomes = [
    v.victimEngaged ? 'Victim engaged' : 'Victim not engaged',
    v.safetyPlanAgreed && 'safety plan agreed',
    v.movedToSafety && 'moved to safety',
    v.disclosureGiven && 'Clare’s Law disclosure given',
    v.referrals.length > 0 &&
      `referred to ${v.referrals.map((r) => REFERRAL_SERVICE_LABELS[r.service]).join(', ')}`,
  ]
  return outcomes.filter(Boolean).join(' · ')
}
