// The handover record as CSV for a force's performance team: one row per incident, the columns
// below in this order (docs/handover.md describes each; a new column is only ever added at the
// end). It opens correctly in Excel: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
// quoting, and no cell can run as a formula.
import type { HandoverIncident, HandoverRecord } from '#shared/handover.ts'
import { formatDateTime } from '#shared/time.ts'
import { REACHED_OUTCOMES } from '#shared/followUp.ts'

const yesNo = (b: boolean) => (b ? 'yes' : 'no')
const time = (iso: string | null) => (iso === null ? '' : formatDateTime(iso))
/** A London calendar day (yyyy-MM-dd) as dd/MM/yyyy. */
const day = (date: string | null) => (date === null ? '' : date.split('-').reverse().join('/'))
const disclosures = (i: HandoverIncident) =>
  i.claresLawApplications.filter((a) => a.status === 'disclosure-given')
const visits = (i: HandoverIncident) => i.supportCar.taskings.flatMap((t) => t.visits)
const consented = (i: HandoverIncident, services: readonly string[]) =>
  yesNo(i.referrals.some((r) => r.decision === 'consented' && services.includes(r.service)))

/** What a row reads besides the incident: its people and location, and the export's marking. */
interface RowContext {
  victim: HandoverRecord['people'][number] | undefined
  location: HandoverRecord['locations'][number] | undefined
  marking: string
}

type Column = readonly [name: string, value: (i: HandoverIncident, c: RowContext) => string]

/**
 * The columns, in order. The personal ones (from victim_name to postcode) are empty in a
 * statistics-only export; the columns added since (Clare's Law, follow-ups and the support car) come after them.
 */
export const CSV_COLUMNS: readonly Column[] = [
  ['incident_ref', (i) => i.incidentRef],
  ['received_at', (i) => time(i.receivedAt)],
  ['source', (i) => i.source ?? ''],
  ['first_grade', (i) => String(i.firstGrade)],
  ['grade', (i) => String(i.grade)],
  ['regrades', (i) => i.regrades.map((g) => `${g.from}>${g.to}`).join('; ')],
  ['police_status', (i) => i.status],
  ['flags', (i) => i.flags.join('; ')],
  ['first_touched_at', (i) => time(i.firstTouchedAt)],
  ['last_touched_at', (i) => time(i.lastTouchedAt)],
  ['progress', (i) => i.progress],
  ['contact_attempts', (i) => String(i.attempts.length)],
  ['spoke_to_victim', (i) => yesNo(i.firstContactAt !== null)],
  ['first_contact_at', (i) => time(i.firstContactAt)],
  ['minutes_to_first_contact', (i) => String(i.minutesToFirstContact ?? '')],
  ['outcomes', (i) => [...new Set(i.outcomes.map((o) => o.outcome))].join('; ')],
  ['moved_to_safety', (i) => yesNo(i.outcomes.some((o) => o.outcome === 'moved-to-safety'))],
  ['risk_level', (i) => i.risk.level],
  ['dash_yes', (i) => String(i.risk.yesCount)],
  ['dash_answered', (i) => String(i.risk.answered)],
  ['high_risk_by_judgement', (i) => yesNo(i.risk.byJudgement)],
  ['marac_referral', (i) => consented(i, ['marac'])],
  ['da_service_referral', (i) => consented(i, ['da-service', 'idva', 'refuge'])],
  ['other_service_referral', (i) => consented(i, ['housing', 'childrens-services', 'other'])],
  ['clares_law_application', (i) => consented(i, ['clares-law-ask', 'clares-law-know'])],
  ['referrals', (i) => i.referrals.map((r) => `${r.service}: ${r.decision}`).join('; ')],
  ['escalations', (i) => String(i.escalations.length)],
  [
    'escalations_acknowledged',
    (i) => String(i.escalations.filter((e) => e.acknowledgement).length),
  ],
  [
    'escalations_upgraded',
    (i) => String(i.escalations.filter((e) => e.outcome?.outcome === 'upgraded').length),
  ],
  ['first_escalation_at', (i) => time(i.escalations[0]?.raisedAt ?? null)],
  ['minutes_to_first_escalation', (i) => String(i.escalations[0]?.minutesFromCall ?? '')],
  ['outstanding_actions', (i) => String(i.outstandingActions.length)],
  ['outstanding_action_owners', (i) => i.outstandingActions.map((a) => a.owner).join('; ')],
  ['previously_handed_over_at', (i) => time(i.previouslyHandedOverAt)],
  ['protective_marking', (_, c) => c.marking],
  ['victim_name', (_, c) => c.victim?.name ?? ''],
  ['victim_phone', (_, c) => c.victim?.phone ?? ''],
  ['address', (_, c) => c.location?.address ?? ''],
  ['postcode', (_, c) => c.location?.postcode ?? ''],
  ['clares_law_applications', (i) => String(i.claresLawApplications.length)],
  [
    'clares_law_statuses',
    (i) => i.claresLawApplications.map((a) => `${a.route}: ${a.status}`).join('; '),
  ],
  ['clares_law_disclosure', (i) => yesNo(disclosures(i).length > 0)],
  ['clares_law_idva_present', (i) => yesNo(disclosures(i).some((a) => a.idvaPresent === true))],
  [
    'clares_law_support_accepted',
    (i) => yesNo(disclosures(i).some((a) => a.supportAccepted === 'yes')),
  ],
  ['follow_ups', (i) => String(i.followUps.length)],
  ['follow_up_status', (i) => i.followUps.at(-1)?.status ?? ''],
  ['follow_up_due_on', (i) => day(i.followUps.at(-1)?.dueOn ?? null)],
  ['follow_up_calls', (i) => String(i.followUps.reduce((n, f) => n + f.calls.length, 0))],
  [
    'follow_up_reached',
    (i) =>
      yesNo(i.followUps.some((f) => f.calls.some((c) => REACHED_OUTCOMES.includes(c.outcome)))),
  ],
  ['support_car_tasked', (i) => yesNo(i.supportCar.taskings.length > 0)],
  ['support_car_visits', (i) => String(visits(i).length)],
  ['engaged_at_visit', (i) => yesNo(visits(i).some((v) => v.victimEngaged))],
  ['moved_to_safety_at_visit', (i) => yesNo(visits(i).some((v) => v.movedToSafety))],
  ['disclosure_at_visit', (i) => yesNo(visits(i).some((v) => v.disclosureGiven))],
]

/**
 * One cell: a value Excel would read as a formula (starting =, +, -, @, tab or carriage return)
 * gets a leading apostrophe so it stays text; then RFC 4180 quoting when needed.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function renderCsv(record: HandoverRecord): Buffer {
  const people = new Map(record.people.map((p) => [p.id, p]))
  const locations = new Map(record.locations.map((l) => [l.id, l]))
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')]
  for (const incident of record.incidents) {
    const context: RowContext = {
      victim: incident.victimId ? people.get(incident.victimId) : undefined,
      location: incident.locationId ? locations.get(incident.locationId) : undefined,
      marking: record.header.protectiveMarking,
    }
    lines.push(CSV_COLUMNS.map(([, value]) => csvCell(value(incident, context))).join(','))
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}
