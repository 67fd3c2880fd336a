// SQL for escalations and their lifecycle (raised, acknowledged, linked to a feed regrade,
// closed by an outcome), for dismissed suggestions, and for counting the earlier incidents the
// repeat-call rules look at. Every lifecycle step is a row of its own that the tables never let
// change; the regrade link is written by a trigger (migration 4) whichever way it arrives.
import type { Db } from './openDatabase.ts'
import { notDismissed, PARAMS, sameAddress, sameNameAndDob, samePhone } from './repeatKeys.ts'
import type { Grade } from '#shared/domain.ts'
import type {
  Escalation,
  EscalationOutcome,
  EscalationReason,
  SuggestionDismissal,
} from '#shared/escalation.ts'
import type { RepeatCounts } from '#shared/repeats.ts'

interface Recorded {
  at: string
  by: string
  sessionId: number | null
}

export interface NewEscalation extends Recorded {
  incidentId: number
  reasons: EscalationReason[]
  detail: string | null
  currentGrade: Grade
  recommendedGrade: Grade
  fromSuggestion: string[]
}

export interface NewAcknowledgement extends Recorded {
  escalationId: number
  controller: string
}

export interface NewEscalationOutcome extends Recorded {
  escalationId: number
  outcome: EscalationOutcome
  grade: Grade | null
  reason: string | null
}

export interface NewDismissal extends Recorded {
  incidentId: number
  ruleIds: string[]
  reason: string
}

/** The incident whose earlier call-outs are counted, and the start of the window (ISO UTC). */
export interface RepeatQuery {
  id: number
  receivedAt: string
  from: string
  address: string | null
  postcode: string | null
  victimPhone: string | null
  victimName: string | null
  victimDob: string | null
}

/** Incidents other than this one whose call came in within the window before its call. */
const earlier = `o.id <> :id AND o.received_at >= :from AND o.received_at < :receivedAt`

interface EscalationRow {
  id: number
  incidentId: number
  incidentRef: string
  callReceivedAt: string
  raisedAt: string
  raisedBy: string
  reasons: string
  detail: string | null
  currentGrade: number
  recommendedGrade: number
  fromSuggestion: string
  ackAt: string | null
  ackController: string | null
  ackBy: string | null
  regradeFrom: number | null
  regradeTo: number | null
  regradeAt: string | null
  outcome: string | null
  outcomeAt: string | null
  outcomeBy: string | null
  outcomeGrade: number | null
  outcomeReason: string | null
}

const selectEscalation = `
  SELECT e.id, e.incident_id AS incidentId, i.incident_ref AS incidentRef,
         i.received_at AS callReceivedAt, e.raised_at AS raisedAt, e.raised_by AS raisedBy,
         e.reasons, e.detail, e.current_grade AS currentGrade,
         e.recommended_grade AS recommendedGrade, e.from_suggestion AS fromSuggestion,
         a.at AS ackAt, a.controller AS ackController, a.recorded_by AS ackBy,
         r.from_grade AS regradeFrom, r.to_grade AS regradeTo, r.at AS regradeAt,
         o.outcome, o.at AS outcomeAt, o.recorded_by AS outcomeBy, o.grade AS outcomeGrade,
         o.reason AS outcomeReason
  FROM escalations e
  JOIN incidents i ON i.id = e.incident_id
  LEFT JOIN escalation_acknowledgements a ON a.escalation_id = e.id
  LEFT JOIN escalation_regrades r ON r.escalation_id = e.id
  LEFT JOIN escalation_outcomes o ON o.escalation_id = e.id`

function toEscalation(r: EscalationRow): Escalation {
  return {
    id: r.id,
    incidentId: r.incidentId,
    incidentRef: r.incidentRef,
    callReceivedAt: r.callReceivedAt,
    state: r.outcome !== null ? 'closed' : r.ackAt !== null ? 'acknowledged' : 'raised',
    raisedAt: r.raisedAt,
    raisedBy: r.raisedBy,
    reasons: JSON.parse(r.reasons) as EscalationReason[],
    detail: r.detail,
    currentGrade: r.currentGrade as Grade,
    recommendedGrade: r.recommendedGrade as Grade,
    fromSuggestion: JSON.parse(r.fromSuggestion) as string[],
    acknowledgement:
      r.ackAt === null ? null : { at: r.ackAt, controller: r.ackController!, recordedBy: r.ackBy! },
    linkedRegrade:
      r.regradeAt === null
        ? null
        : { from: r.regradeFrom as Grade, to: r.regradeTo as Grade, at: r.regradeAt },
    outcome:
      r.outcome === null
        ? null
        : {
            outcome: r.outcome as EscalationOutcome,
            at: r.outcomeAt!,
            by: r.outcomeBy!,
            grade: r.outcomeGrade as Grade | null,
            reason: r.outcomeReason,
          },
  }
}

interface DismissalRow extends Omit<SuggestionDismissal, 'ruleIds'> {
  ruleIds: string
}

export function escalationQueries(db: Db) {
  const insertEscalation = db.prepare(
    `INSERT INTO escalations (incident_id, raised_at, raised_by, session_id, reasons, detail,
                              current_grade, recommended_grade, from_suggestion)
     VALUES (:incidentId, :at, :by, :sessionId, :reasons, :detail, :currentGrade,
             :recommendedGrade, :fromSuggestion)`,
  )
  const insertAcknowledgement = db.prepare(
    `INSERT INTO escalation_acknowledgements (escalation_id, at, controller, recorded_by, session_id)
     VALUES (:escalationId, :at, :controller, :by, :sessionId)`,
  )
  const insertOutcome = db.prepare(
    `INSERT INTO escalation_outcomes (escalation_id, outcome, grade, reason, at, recorded_by,
                                      session_id)
     VALUES (:escalationId, :outcome, :grade, :reason, :at, :by, :sessionId)`,
  )
  const insertDismissal = db.prepare(
    `INSERT INTO suggestion_dismissals (incident_id, rule_ids, reason, at, recorded_by, session_id)
     VALUES (:incidentId, :ruleIds, :reason, :at, :by, :sessionId)`,
  )
  const byId = db.prepare<{ id: number }, EscalationRow>(`${selectEscalation} WHERE e.id = :id`)
  const ofIncident = db.prepare<{ incidentId: number }, EscalationRow>(
    `${selectEscalation} WHERE e.incident_id = :incidentId ORDER BY e.id`,
  )
  const raisedBetween = db.prepare<{ from: string; to: string }, EscalationRow>(
    `${selectEscalation} WHERE e.raised_at >= :from AND e.raised_at < :to ORDER BY e.raised_at, e.id`,
  )
  const selectDismissal = `
    SELECT id, incident_id AS incidentId, rule_ids AS ruleIds, reason, at, recorded_by AS "by"
    FROM suggestion_dismissals`
  const dismissalById = db.prepare<{ id: number }, DismissalRow>(
    `${selectDismissal} WHERE id = :id`,
  )
  const dismissalsOf = db.prepare<{ incidentId: number }, DismissalRow>(
    `${selectDismissal} WHERE incident_id = :incidentId ORDER BY id`,
  )
  // Matches the worker dismissed as not the same place or person are not counted.
  const atAddress = db.prepare<RepeatQuery, { n: number }>(
    `SELECT count(*) AS n FROM incidents o
     WHERE ${sameAddress('o', PARAMS)} AND ${earlier} AND ${notDismissed('o', ':id', 'address')}`,
  )
  const forVictim = db.prepare<RepeatQuery, { n: number }>(
    `SELECT count(*) AS n FROM incidents o
     WHERE (${samePhone('o', PARAMS)} OR ${sameNameAndDob('o', PARAMS)})
       AND ${earlier} AND ${notDismissed('o', ':id', 'victim')}`,
  )
  const toDismissal = ({ ruleIds, ...rest }: DismissalRow): SuggestionDismissal => ({
    ...rest,
    ruleIds: JSON.parse(ruleIds) as string[],
  })
  const added = (info: { lastInsertRowid: number | bigint }) => Number(info.lastInsertRowid)

  return {
    /** Adds the escalation; the database refuses a second open one on the incident. */
    raise(e: NewEscalation): number {
      return added(
        insertEscalation.run({
          ...e,
          reasons: JSON.stringify(e.reasons),
          fromSuggestion: JSON.stringify(e.fromSuggestion),
        }),
      )
    },
    acknowledge(a: NewAcknowledgement): void {
      insertAcknowledgement.run(a)
    },
    close(o: NewEscalationOutcome): void {
      insertOutcome.run(o)
    },
    dismiss(d: NewDismissal): SuggestionDismissal {
      const id = added(insertDismissal.run({ ...d, ruleIds: JSON.stringify(d.ruleIds) }))
      return toDismissal(dismissalById.get({ id })!)
    },
    get(id: number): Escalation | undefined {
      const r = byId.get({ id })
      return r && toEscalation(r)
    },
    /** Oldest first. */
    ofIncident: (incidentId: number) => ofIncident.all({ incidentId }).map(toEscalation),
    /** Raised at or after `from` and before `to` (ISO UTC), in the order raised. */
    raisedBetween: (from: string, to: string) => raisedBetween.all({ from, to }).map(toEscalation),
    /** Oldest first. */
    dismissalsOf: (incidentId: number) => dismissalsOf.all({ incidentId }).map(toDismissal),
    /** Earlier incidents at the same address and for the same victim, within the window, less
     * those dismissed as false matches. */
    repeatCounts: (q: RepeatQuery): RepeatCounts => ({
      earlierAtAddress: atAddress.get(q)!.n,
      earlierForVictim: forVictim.get(q)!.n,
    }),
  }
}

export type EscalationQueries = ReturnType<typeof escalationQueries>
