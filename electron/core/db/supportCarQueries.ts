// SQL for the support car (migration 13): taskings and how each ended, visits and the referrals
// they made, the open taskings the car's list is made of, the car's crew on a shift, and what the
// figures count of phone and visit work in a period.
import type { Db } from './openDatabase.ts'
import type { Referral } from '#shared/script.ts'
import type {
  CrewMember,
  CrewRole,
  SupportCarFigures,
  SupportCarTasking,
  SupportCarVisit,
  TaskingPriority,
  TaskingState,
} from '#shared/supportCar.ts'

interface Recorded {
  at: string
  by: string
  sessionId: number | null
}

export interface NewTasking extends Recorded {
  incidentId: number
  reason: string
  priority: TaskingPriority
}

export interface NewVisit extends Recorded {
  incidentId: number
  taskingId: number
  visitedAt: string
  officer: string | null
  idva: string | null
  victimEngaged: boolean
  safetyPlanAgreed: boolean
  movedToSafety: boolean
  disclosureGiven: boolean
  notes: string | null
}

export interface NewClosure extends Recorded {
  taskingId: number
  kind: Exclude<TaskingState, 'open'>
  reason: string | null
  visitId: number | null
}

interface TaskingRow {
  id: number
  incidentId: number
  reason: string
  priority: string
  taskedAt: string
  taskedBy: string
  kind: string | null
  closedAt: string | null
  closedBy: string | null
  closedReason: string | null
}

/** A visit as stored; the handover record reads the same columns. */
export interface VisitRow {
  id: number
  incidentId: number
  taskingId: number
  visitedAt: string
  officer: string | null
  idva: string | null
  victimEngaged: number
  safetyPlanAgreed: number
  movedToSafety: number
  disclosureGiven: number
  notes: string | null
  recordedAt: string
  recordedBy: string
}

const selectTasking = `
  SELECT t.id, t.incident_id AS incidentId, t.reason, t.priority, t.at AS taskedAt,
         t.recorded_by AS taskedBy, c.kind, c.at AS closedAt, c.recorded_by AS closedBy,
         c.reason AS closedReason
  FROM support_car_taskings t
  LEFT JOIN support_car_tasking_closures c ON c.tasking_id = t.id`

const selectVisit = `
  SELECT id, incident_id AS incidentId, tasking_id AS taskingId, visited_at AS visitedAt, officer,
         idva, victim_engaged AS victimEngaged, safety_plan_agreed AS safetyPlanAgreed,
         moved_to_safety AS movedToSafety, disclosure_given AS disclosureGiven, notes,
         at AS recordedAt, recorded_by AS recordedBy
  FROM support_car_visits`

/** Consented referrals in the period, each with whether a visit made it. */
const referralsIn = `
  SELECT r.incident_id, r.service,
    EXISTS (SELECT 1 FROM support_car_visit_referrals l WHERE l.referral_id = r.id) AS via_visit
  FROM referrals r
  WHERE r.decision = 'consented' AND r.at >= :from AND r.at < :to`

/** Incidents counted by phone, by visit, and in all (each once). */
const byRoute = (name: string, phone: string, visit: string) => `
  ${name}_phone AS (${phone}), ${name}_visit AS (${visit})`
const routeCounts = (name: string) => `
  (SELECT count(DISTINCT incident_id) FROM ${name}_phone) AS ${name}Phone,
  (SELECT count(DISTINCT incident_id) FROM ${name}_visit) AS ${name}Visit,
  (SELECT count(*) FROM (SELECT incident_id FROM ${name}_phone
                          UNION SELECT incident_id FROM ${name}_visit)) AS ${name}Total`

const DA_SERVICES = `'da-service', 'idva', 'refuge'`
const OTHER_SERVICES = `'housing', 'childrens-services', 'other'`

type FiguresRow = Record<
  `${'engaged' | 'da' | 'other' | 'safety'}${'Phone' | 'Visit' | 'Total'}`,
  number
> & { taskings: number; visits: number; disclosures: number }

export function supportCarQueries(db: Db) {
  const insertTasking = db.prepare(
    `INSERT INTO support_car_taskings (incident_id, reason, priority, at, recorded_by, session_id)
     VALUES (:incidentId, :reason, :priority, :at, :by, :sessionId)`,
  )
  const insertVisit = db.prepare(
    `INSERT INTO support_car_visits (incident_id, tasking_id, visited_at, officer, idva,
       victim_engaged, safety_plan_agreed, moved_to_safety, disclosure_given, notes, at,
       recorded_by, session_id)
     VALUES (:incidentId, :taskingId, :visitedAt, :officer, :idva, :victimEngaged,
       :safetyPlanAgreed, :movedToSafety, :disclosureGiven, :notes, :at, :by, :sessionId)`,
  )
  const insertClosure = db.prepare(
    `INSERT INTO support_car_tasking_closures (tasking_id, kind, reason, visit_id, at, recorded_by,
       session_id)
     VALUES (:taskingId, :kind, :reason, :visitId, :at, :by, :sessionId)`,
  )
  const insertVisitReferral = db.prepare(
    `INSERT INTO support_car_visit_referrals (visit_id, referral_id)
     VALUES (:visitId, :referralId)`,
  )
  const taskingById = db.prepare<{ id: number }, TaskingRow>(`${selectTasking} WHERE t.id = :id`)
  const taskingsOf = db.prepare<{ incidentId: number }, TaskingRow>(
    `${selectTasking} WHERE t.incident_id = :incidentId ORDER BY t.id`,
  )
  const openTaskings = db.prepare<[], TaskingRow>(
    `${selectTasking} WHERE c.id IS NULL ORDER BY t.id`,
  )
  const visitsOfTasking = db.prepare<{ taskingId: number }, VisitRow>(
    `${selectVisit} WHERE tasking_id = :taskingId ORDER BY visited_at, id`,
  )
  const visitsOfIncident = db.prepare<{ incidentId: number }, VisitRow>(
    `${selectVisit} WHERE incident_id = :incidentId ORDER BY visited_at, id`,
  )
  const visitById = db.prepare<{ id: number }, VisitRow>(`${selectVisit} WHERE id = :id`)
  const referralsOfVisit = db.prepare<{ visitId: number }, Referral>(
    `SELECT r.id, r.incident_id AS incidentId, r.service, r.other_service AS otherService,
            r.decision, r.detail, r.at, r.recorded_by AS "by"
     FROM support_car_visit_referrals l JOIN referrals r ON r.id = l.referral_id
     WHERE l.visit_id = :visitId ORDER BY r.id`,
  )
  const insertCrew = db.prepare(
    `INSERT INTO shift_crew (shift_id, name, role, at, recorded_by, session_id)
     VALUES (:shiftId, :name, :role, :at, :by, :sessionId)`,
  )
  const crewOf = db.prepare<{ shiftId: number }, CrewMember & { role: string }>(
    `SELECT id, name, role, at AS addedAt FROM shift_crew WHERE shift_id = :shiftId ORDER BY id`,
  )
  const crewMember = db.prepare<{ shiftId: number; name: string; role: string }, { id: number }>(
    `SELECT id FROM shift_crew WHERE shift_id = :shiftId AND name = :name AND role = :role`,
  )
  const figures = db.prepare<{ from: string; to: string }, FiguresRow>(
    `WITH
     -- By when each visit was recorded, like the referrals it made (a visit attended yesterday
     -- and recorded today counts today, with its referrals).
     visits AS (SELECT * FROM support_car_visits WHERE at >= :from AND at < :to),
     refs AS (${referralsIn}),
     ${byRoute(
       'engaged',
       `SELECT incident_id FROM contact_attempts
        WHERE result = 'spoke-to-victim' AND at >= :from AND at < :to`,
       `SELECT incident_id FROM visits WHERE victim_engaged = 1`,
     )},
     ${byRoute(
       'da',
       `SELECT incident_id FROM refs WHERE service IN (${DA_SERVICES}) AND NOT via_visit`,
       `SELECT incident_id FROM refs WHERE service IN (${DA_SERVICES}) AND via_visit`,
     )},
     ${byRoute(
       'other',
       `SELECT incident_id FROM refs WHERE service IN (${OTHER_SERVICES}) AND NOT via_visit`,
       `SELECT incident_id FROM refs WHERE service IN (${OTHER_SERVICES}) AND via_visit`,
     )},
     ${byRoute(
       'safety',
       `SELECT incident_id FROM contact_outcomes
        WHERE outcome = 'moved-to-safety' AND at >= :from AND at < :to`,
       `SELECT incident_id FROM visits WHERE moved_to_safety = 1`,
     )}
     SELECT
       (SELECT count(*) FROM support_car_taskings WHERE at >= :from AND at < :to) AS taskings,
       (SELECT count(*) FROM visits) AS visits,
       (SELECT count(*) FROM visits WHERE disclosure_given = 1) AS disclosures,
       ${routeCounts('engaged')}, ${routeCounts('da')}, ${routeCounts('other')},
       ${routeCounts('safety')}`,
  )

  const toVisit = (r: VisitRow): SupportCarVisit => ({
    ...r,
    victimEngaged: r.victimEngaged === 1,
    safetyPlanAgreed: r.safetyPlanAgreed === 1,
    movedToSafety: r.movedToSafety === 1,
    disclosureGiven: r.disclosureGiven === 1,
    referrals: referralsOfVisit.all({ visitId: r.id }),
  })
  const toTasking = (r: TaskingRow): SupportCarTasking => ({
    id: r.id,
    incidentId: r.incidentId,
    reason: r.reason,
    priority: r.priority as TaskingPriority,
    taskedAt: r.taskedAt,
    taskedBy: r.taskedBy,
    state: (r.kind ?? 'open') as TaskingState,
    closedAt: r.closedAt,
    closedBy: r.closedBy,
    standDownReason: r.kind === 'stood-down' ? r.closedReason : null,
    visits: visitsOfTasking.all({ taskingId: r.id }).map(toVisit),
  })
  const route = (f: FiguresRow, name: 'engaged' | 'da' | 'other' | 'safety') => ({
    byPhone: f[`${name}Phone`],
    byVisit: f[`${name}Visit`],
    total: f[`${name}Total`],
  })

  return {
    task: (t: NewTasking): number => Number(insertTasking.run(t).lastInsertRowid),
    addVisit(v: NewVisit): number {
      return Number(
        insertVisit.run({
          ...v,
          victimEngaged: Number(v.victimEngaged),
          safetyPlanAgreed: Number(v.safetyPlanAgreed),
          movedToSafety: Number(v.movedToSafety),
          disclosureGiven: Number(v.disclosureGiven),
        }).lastInsertRowid,
      )
    },
    linkReferral(visitId: number, referralId: number): void {
      insertVisitReferral.run({ visitId, referralId })
    },
    close(c: NewClosure): void {
      insertClosure.run(c)
    },
    tasking(id: number): SupportCarTasking | undefined {
      const r = taskingById.get({ id })
      return r && toTasking(r)
    },
    /** Oldest first. */
    ofIncident: (incidentId: number) => taskingsOf.all({ incidentId }).map(toTasking),
    /** Every visit on the incident, in the order they were made. */
    visitsOf: (incidentId: number) => visitsOfIncident.all({ incidentId }).map(toVisit),
    /** The taskings neither stood down nor completed. */
    open: () => openTaskings.all().map(toTasking),
    visit(id: number): SupportCarVisit | undefined {
      const r = visitById.get({ id })
      return r && toVisit(r)
    },
    addCrew(c: Recorded & { shiftId: number; name: string; role: CrewRole }): void {
      insertCrew.run(c)
    },
    hasCrewMember: (shiftId: number, name: string, role: CrewRole) =>
      crewMember.get({ shiftId, name, role }) !== undefined,
    crew: (shiftId: number): CrewMember[] =>
      crewOf.all({ shiftId }).map((m) => ({ ...m, role: m.role as CrewRole })),
    /** Records made from `from` (inclusive) to `to` (exclusive); visits by when they were made. */
    figures(from: string, to: string): SupportCarFigures {
      const f = figures.get({ from, to })!
      return {
        taskings: f.taskings,
        visits: f.visits,
        engaged: route(f, 'engaged'),
        referredToDaServices: route(f, 'da'),
        referredToOtherServices: route(f, 'other'),
        movedToSafety: route(f, 'safety'),
        disclosuresAtVisits: f.disclosures,
      }
    },
  }
}

export type SupportCarQueries = ReturnType<typeof supportCarQueries>
