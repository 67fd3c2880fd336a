// SQL for what the worker records with the safe-contact script. Answers, judgements, referrals
// and outcomes are recorded once and never changed (the tables refuse it); the position is the
// one row per incident that moves.
import type { Db } from './openDatabase.ts'
import type {
  ContactOutcome,
  OutcomeRecord,
  Referral,
  ReferralDecision,
  ReferralService,
  RiskJudgement,
  ScriptAnswer,
} from '#shared/script.ts'

interface Recorded {
  incidentId: number
  at: string
  by: string
  sessionId: number | null
}

export interface NewScriptAnswer extends Recorded {
  scriptId: string
  scriptVersion: string
  questionId: string
  value: string
}

export interface NewRiskJudgement extends Recorded {
  high: boolean
  reason: string
}

export interface NewReferral extends Recorded {
  service: ReferralService
  otherService: string | null
  decision: ReferralDecision
  detail: string | null
}

export interface NewOutcome extends Recorded {
  outcome: ContactOutcome
  note: string | null
}

const selectAnswer = `
  SELECT id, incident_id AS incidentId, script_id AS scriptId, script_version AS scriptVersion,
         question_id AS questionId, value, at, recorded_by AS "by"
  FROM script_answers`
const selectJudgement = `
  SELECT id, incident_id AS incidentId, high, reason, at, recorded_by AS "by"
  FROM risk_judgements`
const selectReferral = `
  SELECT id, incident_id AS incidentId, service, other_service AS otherService, decision, detail,
         at, recorded_by AS "by"
  FROM referrals`
const selectOutcome = `
  SELECT id, incident_id AS incidentId, outcome, note, at, recorded_by AS "by"
  FROM contact_outcomes`

type JudgementRow = Omit<RiskJudgement, 'high'> & { high: number }
const toJudgement = ({ high, ...rest }: JudgementRow): RiskJudgement => ({
  ...rest,
  high: high === 1,
})

export function scriptQueries(db: Db) {
  const byIncident = <T>(select: string) =>
    db.prepare<{ incidentId: number }, T>(`${select} WHERE incident_id = :incidentId ORDER BY id`)
  const byId = <T>(select: string) => db.prepare<{ id: number }, T>(`${select} WHERE id = :id`)

  const insertAnswer = db.prepare(
    `INSERT INTO script_answers
       (incident_id, script_id, script_version, question_id, value, at, recorded_by, session_id)
     VALUES (:incidentId, :scriptId, :scriptVersion, :questionId, :value, :at, :by, :sessionId)`,
  )
  const insertJudgement = db.prepare(
    `INSERT INTO risk_judgements (incident_id, high, reason, at, recorded_by, session_id)
     VALUES (:incidentId, :high, :reason, :at, :by, :sessionId)`,
  )
  const insertReferral = db.prepare(
    `INSERT INTO referrals
       (incident_id, service, other_service, decision, detail, at, recorded_by, session_id)
     VALUES (:incidentId, :service, :otherService, :decision, :detail, :at, :by, :sessionId)`,
  )
  const insertOutcome = db.prepare(
    `INSERT INTO contact_outcomes (incident_id, outcome, note, at, recorded_by, session_id)
     VALUES (:incidentId, :outcome, :note, :at, :by, :sessionId)`,
  )
  const putPosition = db.prepare(
    `INSERT INTO script_positions (incident_id, step_id, at, recorded_by)
     VALUES (:incidentId, :stepId, :at, :by)
     ON CONFLICT (incident_id) DO UPDATE
       SET step_id = excluded.step_id, at = excluded.at, recorded_by = excluded.recorded_by`,
  )
  const position = db.prepare<{ incidentId: number }, { stepId: string }>(
    `SELECT step_id AS stepId FROM script_positions WHERE incident_id = :incidentId`,
  )
  const answer = byId<ScriptAnswer>(selectAnswer)
  const answers = byIncident<ScriptAnswer>(selectAnswer)
  const judgement = byId<JudgementRow>(selectJudgement)
  const judgements = byIncident<JudgementRow>(selectJudgement)
  const referral = byId<Referral>(selectReferral)
  const referrals = byIncident<Referral>(selectReferral)
  const outcome = byId<OutcomeRecord>(selectOutcome)
  const outcomes = byIncident<OutcomeRecord>(selectOutcome)
  const added = (info: { lastInsertRowid: number | bigint }) => ({
    id: Number(info.lastInsertRowid),
  })

  return {
    addAnswer(a: NewScriptAnswer): ScriptAnswer {
      return answer.get(added(insertAnswer.run(a)))!
    },
    addJudgement(j: NewRiskJudgement): RiskJudgement {
      return toJudgement(judgement.get(added(insertJudgement.run({ ...j, high: j.high ? 1 : 0 })))!)
    },
    addReferral(r: NewReferral): Referral {
      return referral.get(added(insertReferral.run(r)))!
    },
    addOutcome(o: NewOutcome): OutcomeRecord {
      return outcome.get(added(insertOutcome.run(o)))!
    },
    setPosition(p: { incidentId: number; stepId: string; at: string; by: string }): void {
      putPosition.run(p)
    },
    /** The step the worker is on, or null before the script was started. */
    position(incidentId: number): string | null {
      return position.get({ incidentId })?.stepId ?? null
    },
    /** Each list oldest first. */
    answersOf: (incidentId: number) => answers.all({ incidentId }),
    judgementsOf: (incidentId: number) => judgements.all({ incidentId }).map(toJudgement),
    referralsOf: (incidentId: number) => referrals.all({ incidentId }),
    outcomesOf: (incidentId: number) => outcomes.all({ incidentId }),
  }
}

export type ScriptQueries = ReturnType<typeof scriptQueries>
