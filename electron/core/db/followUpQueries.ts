// SQL for follow-up calls: scheduling, closures, calls and answers are recorded once and never
// changed (the tables refuse it). A follow-up is open while it has no closure.
import type { Db } from './openDatabase.ts'
import type {
  FollowUp,
  FollowUpAnswer,
  FollowUpCall,
  FollowUpOutcome,
  FollowUpStatus,
} from '#shared/followUp.ts'
import type { RiskLevel } from '#shared/script.ts'

interface Recorded {
  at: string
  by: string
  sessionId: number | null
}

export interface NewFollowUp extends Recorded {
  incidentId: number
  dueOn: string
  riskLevel: RiskLevel
  reason: string | null
  replaces: number | null
}

export interface NewFollowUpClosure extends Recorded {
  followUpId: number
  kind: Exclude<FollowUpStatus, 'open'>
  reason: string | null
}

export interface NewFollowUpCall extends Recorded {
  followUpId: number
  outcome: FollowUpOutcome
  tryAgainOn: string | null
  note: string | null
}

export interface NewFollowUpAnswer extends Recorded {
  followUpId: number
  scriptId: string
  scriptVersion: string
  questionId: string
  value: string
}

type FollowUpRow = Omit<FollowUp, 'calls' | 'answers' | 'dueOn' | 'status'> & {
  status: FollowUpStatus | null
}

const selectFollowUp = `
  SELECT f.id, f.incident_id AS incidentId, i.incident_ref AS incidentRef,
         f.due_on AS scheduledFor, f.risk_level AS riskLevel, f.reason, f.replaces,
         f.at AS scheduledAt, f.recorded_by AS scheduledBy, c.kind AS status,
         c.reason AS closedReason
  FROM follow_ups f
  JOIN incidents i ON i.id = f.incident_id
  LEFT JOIN follow_up_closures c ON c.follow_up_id = f.id`
const selectCall = `
  SELECT id, follow_up_id AS followUpId, outcome, try_again_on AS tryAgainOn, note, at,
         recorded_by AS "by"
  FROM follow_up_calls`
const selectAnswer = `
  SELECT id, follow_up_id AS followUpId, script_id AS scriptId, script_version AS scriptVersion,
         question_id AS questionId, value, at, recorded_by AS "by"
  FROM follow_up_answers`

export function followUpQueries(db: Db) {
  const insertFollowUp = db.prepare(
    `INSERT INTO follow_ups (incident_id, due_on, risk_level, reason, replaces, at, recorded_by,
       session_id)
     VALUES (:incidentId, :dueOn, :riskLevel, :reason, :replaces, :at, :by, :sessionId)`,
  )
  const insertClosure = db.prepare(
    `INSERT INTO follow_up_closures (follow_up_id, kind, reason, at, recorded_by, session_id)
     VALUES (:followUpId, :kind, :reason, :at, :by, :sessionId)`,
  )
  const insertCall = db.prepare(
    `INSERT INTO follow_up_calls (follow_up_id, outcome, try_again_on, note, at, recorded_by,
       session_id)
     VALUES (:followUpId, :outcome, :tryAgainOn, :note, :at, :by, :sessionId)`,
  )
  const insertAnswer = db.prepare(
    `INSERT INTO follow_up_answers (follow_up_id, script_id, script_version, question_id, value,
       at, recorded_by, session_id)
     VALUES (:followUpId, :scriptId, :scriptVersion, :questionId, :value, :at, :by, :sessionId)`,
  )
  const byId = db.prepare<{ id: number }, FollowUpRow>(`${selectFollowUp} WHERE f.id = :id`)
  const ofIncident = db.prepare<{ incidentId: number }, FollowUpRow>(
    `${selectFollowUp} WHERE f.incident_id = :incidentId ORDER BY f.id`,
  )
  const open = db.prepare<Record<string, never>, FollowUpRow>(
    `${selectFollowUp} WHERE c.id IS NULL ORDER BY f.id`,
  )
  const calls = db.prepare<{ followUpId: number }, FollowUpCall>(
    `${selectCall} WHERE follow_up_id = :followUpId ORDER BY id`,
  )
  const call = db.prepare<{ id: number }, FollowUpCall>(`${selectCall} WHERE id = :id`)
  const answers = db.prepare<{ followUpId: number }, FollowUpAnswer>(
    `${selectAnswer} WHERE follow_up_id = :followUpId ORDER BY id`,
  )
  const answer = db.prepare<{ id: number }, FollowUpAnswer>(`${selectAnswer} WHERE id = :id`)

  const whole = (row: FollowUpRow): FollowUp => {
    const made = calls.all({ followUpId: row.id })
    return {
      ...row,
      status: row.status ?? 'open',
      dueOn: made.filter((c) => c.tryAgainOn !== null).at(-1)?.tryAgainOn ?? row.scheduledFor,
      calls: made,
      answers: answers.all({ followUpId: row.id }),
    }
  }
  const id = (info: { lastInsertRowid: number | bigint }) => Number(info.lastInsertRowid)

  return {
    add(f: NewFollowUp): FollowUp {
      return whole(byId.get({ id: id(insertFollowUp.run(f)) })!)
    },
    close(c: NewFollowUpClosure): void {
      insertClosure.run(c)
    },
    addCall(c: NewFollowUpCall): FollowUpCall {
      return call.get({ id: id(insertCall.run(c)) })!
    },
    addAnswer(a: NewFollowUpAnswer): FollowUpAnswer {
      return answer.get({ id: id(insertAnswer.run(a)) })!
    },
    get(followUpId: number): FollowUp | undefined {
      const row = byId.get({ id: followUpId })
      return row && whole(row)
    },
    /** Every follow-up of an incident, oldest first. */
    ofIncident: (incidentId: number) => ofIncident.all({ incidentId }).map(whole),
    /** The incident's open follow-up, if any (there is at most one). */
    openOf: (incidentId: number) =>
      ofIncident
        .all({ incidentId })
        .filter((f) => f.status === null)
        .map(whole)[0],
    /** Every open follow-up. */
    open: () => open.all({}).map(whole),
  }
}

export type FollowUpQueries = ReturnType<typeof followUpQueries>
