// SQL for shifts, the figures a set of shifts adds up to, the records a handover gathers, and the
// handover exports with the incidents each handed over. A record belongs to a shift through the
// session that made it, and only when it was made within the shift's window.
import type { Db } from './openDatabase.ts'
import type { Shift } from '#shared/handover.ts'
import { REACHED_OUTCOMES } from '#shared/followUp.ts'
import { CREW_ROLE_LABELS } from '#shared/supportCar.ts'
import type { VisitRow } from './supportCarQueries.ts'
import type { SupportCarFigures } from '#shared/supportCar.ts'
import { supportCarQueries } from './supportCarQueries.ts'

interface ShiftRow {
  id: number
  startedAt: string
  endedAt: string | null
  handedOverBy: string | null
  workers: string
  crew: string
}

const selectShift = `
  SELECT s.id, s.started_at AS startedAt, s.ended_at AS endedAt,
    s.handed_over_by AS handedOverBy,
    (SELECT json_group_array(w.actor) FROM (
       SELECT x.worker_name || ' (' || x.organisation || ')' AS actor, min(x.id) AS first
       FROM shift_sessions m JOIN sessions x ON x.id = m.session_id
       WHERE m.shift_id = s.id GROUP BY actor ORDER BY first) w) AS workers,
    -- The support car's crew added to the shift (migration 13), after those who signed in.
    (SELECT json_group_array(c.name || ' (' || CASE c.role WHEN 'officer'
       THEN '${CREW_ROLE_LABELS.officer}' ELSE '${CREW_ROLE_LABELS.idva}' END || ')')
     FROM (SELECT name, role FROM shift_crew WHERE shift_id = s.id ORDER BY id) c) AS crew
  FROM shifts s`

const toShift = ({ workers, crew, ...s }: ShiftRow): Shift => ({
  ...s,
  workers: [...(JSON.parse(workers) as string[]), ...(JSON.parse(crew) as string[])],
})

/**
 * Which shifts: one by id, or every shift that started in [from, to). Open shifts run to :asAt.
 * `ss` is each of their sessions with the window a record must fall in to count for the shift.
 */
const shiftSet = `
  sh AS (
    SELECT id, started_at AS s_from, coalesce(ended_at, :asAt) AS s_to FROM shifts
    WHERE (:shiftId IS NOT NULL AND id = :shiftId)
       OR (:shiftId IS NULL AND started_at >= :from AND started_at < :to)),
  ss AS (
    SELECT m.session_id, sh.id AS shift_id, sh.s_from, sh.s_to
    FROM sh JOIN shift_sessions m ON m.shift_id = sh.id)`

const inWindow = (t: string) => `${t}.session_id = ss.session_id
  AND ${t}.at >= ss.s_from AND ${t}.at <= ss.s_to`

/**
 * Minutes from the call (incident `i`) to an instant, as Date.parse would make them: whole
 * milliseconds apart, divided; an instant before the call counts as 0.
 */
const minutesFromCall = (at: string) =>
  `max(0, round((unixepoch(${at}, 'subsec') - unixepoch(i.received_at, 'subsec')) * 1000)) / 60000.0`

/** Any audited act of a shift's worker on an incident (records, progress, views) touches it. */
const touched = `
  SELECT ss.shift_id, ss.s_to, a.incident_id, min(a.at) AS first_at, max(a.at) AS last_at
  FROM ss JOIN audit_log a ON ${inWindow('a')}
  WHERE a.incident_id IS NOT NULL
  GROUP BY ss.shift_id, a.incident_id`

/** The shifts to count: one shift, or those that started in a period. */
export interface ShiftSelection {
  shiftId: number | null
  from: string
  to: string
  /** Where an open shift's window ends, and the instant records are read as at. */
  asAt: string
}

/** Per-shift counts; a figure for several shifts is their sum. */
export interface ShiftCounts {
  shiftId: number
  incidentsReviewed: number
  victimsContacted: number
  contactAttempts: number
  highRiskVictims: number
  maracReferrals: number
  daServiceReferrals: number
  otherServiceReferrals: number
  claresLawApplications: number
  claresLawReferrals: number
  claresLawDisclosures: number
  claresLawDisclosuresWithIdva: number
  claresLawSupportAccepted: number
  claresLawSupportAcceptedWithIdva: number
  followUpsScheduled: number
  followUpCalls: number
  followUpsReached: number
  movedToSafety: number
  escalationsRaised: number
  escalationsAcknowledged: number
  escalationsUpgraded: number
}

/** Follow-ups still open at an instant, and those of them due before its London day. */
export interface FollowUpsOpen {
  open: number
  overdue: number
}

/** One event a median is taken over: its shift, and the minutes from the call to it. */
export interface TimedEvent {
  shiftId: number
  /** Never below 0: an event typed before the call came in counts as 0. */
  minutes: number
}

/** What the high-risk count needs from the script: which answers count and which counts are high. */
export interface RiskRule {
  scriptId: string
  scriptVersion: string
  dashIds: string[]
  /** The numbers of yes answers that make the counted level high. */
  highCounts: number[]
}

/** A touched incident of a shift: its first and last touch in the window. */
export interface Touch {
  shiftId: number
  incidentId: number
  firstAt: string
  lastAt: string
}

export interface NewHandoverExport {
  at: string
  scope: 'shift' | 'period'
  shiftId: number | null
  from: string
  to: string
  statisticsOnly: boolean
  handsOver: boolean
  folder: string
  manifest: unknown
  exportedBy: string
  sessionId: number | null
}

/** Incident ids as one JSON parameter, so a batch is one statement whatever its size. */
const ids = (list: readonly number[]) => JSON.stringify(list)
const idIn = (column: string) => `${column} IN (SELECT value FROM json_each(:ids))`

export function handoverQueries(db: Db) {
  const openShift = db.prepare<[], ShiftRow>(`${selectShift} WHERE s.ended_at IS NULL`)
  const shiftById = db.prepare<{ id: number }, ShiftRow>(`${selectShift} WHERE s.id = :id`)
  const shiftsStarted = db.prepare<{ from: string; to: string }, ShiftRow>(
    `${selectShift} WHERE s.started_at >= :from AND s.started_at < :to ORDER BY s.started_at, s.id`,
  )
  const insertShift = db.prepare(`INSERT INTO shifts (started_at) VALUES (:at)`)
  const joinShift = db.prepare(
    `INSERT INTO shift_sessions (session_id, shift_id) VALUES (:sessionId, :shiftId)`,
  )
  const endShift = db.prepare(
    `UPDATE shifts SET ended_at = :at, handed_over_by = :by WHERE id = :id AND ended_at IS NULL`,
  )
  const lastActivity = db.prepare<{ id: number }, { at: string | null }>(
    `SELECT max(at) AS at FROM (
       SELECT a.at FROM shift_sessions m JOIN audit_log a ON a.session_id = m.session_id
       WHERE m.shift_id = :id
       UNION ALL SELECT x.signed_in_at FROM shift_sessions m JOIN sessions x ON x.id = m.session_id
       WHERE m.shift_id = :id
       UNION ALL SELECT x.signed_out_at FROM shift_sessions m JOIN sessions x ON x.id = m.session_id
       WHERE m.shift_id = :id)`,
  )
  // The incidents the selected shifts touched are worked out once per call into a table of this
  // connection's own, which the counts then read (it is the costliest part of a year's figures).
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS figures_touched (
    shift_id INTEGER NOT NULL, s_to TEXT NOT NULL, incident_id INTEGER NOT NULL,
    first_at TEXT NOT NULL, last_at TEXT NOT NULL, PRIMARY KEY (shift_id, incident_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS temp.figures_touched_by_incident ON figures_touched (incident_id)`)
  const clearTouched = db.prepare(`DELETE FROM temp.figures_touched`)
  const fillTouched = db.prepare<ShiftSelection>(
    `INSERT INTO temp.figures_touched (shift_id, s_to, incident_id, first_at, last_at)
     WITH ${shiftSet} ${touched}`,
  )
  const touches = db.prepare<[], Touch>(
    `SELECT shift_id AS shiftId, incident_id AS incidentId, first_at AS firstAt, last_at AS lastAt
     FROM temp.figures_touched ORDER BY first_at, incident_id`,
  )
  const reviewedCounts = db.prepare<[], { shiftId: number; n: number }>(
    `SELECT shift_id AS shiftId, count(*) AS n FROM temp.figures_touched GROUP BY shift_id`,
  )
  /** Fills the touched table for a selection and runs `read` on it, in one transaction. */
  const withTouched = <T>(selection: ShiftSelection, read: () => T): T =>
    db.transaction(() => {
      clearTouched.run()
      fillTouched.run(selection)
      try {
        return read()
      } finally {
        clearTouched.run()
      }
    })()
  const attemptCounts = db.prepare<
    ShiftSelection,
    { shiftId: number; attempts: number; spoke: number }
  >(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId, count(*) AS attempts,
       count(DISTINCT CASE WHEN c.result = 'spoke-to-victim' THEN c.incident_id END) AS spoke
     FROM ss JOIN contact_attempts c ON ${inWindow('c')}
     GROUP BY ss.shift_id`,
  )
  // A referral counts when the victim consented; each kind once per incident per shift.
  const consented = (services: string) =>
    `count(DISTINCT CASE WHEN r.decision = 'consented' AND r.service IN (${services})
                    THEN r.incident_id END)`
  const referralCounts = db.prepare<
    ShiftSelection,
    { shiftId: number; marac: number; da: number; other: number; claresLaw: number }
  >(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId,
       ${consented(`'marac'`)} AS marac,
       ${consented(`'da-service', 'idva', 'refuge'`)} AS da,
       ${consented(`'housing', 'childrens-services', 'other'`)} AS other,
       ${consented(`'clares-law-ask', 'clares-law-know'`)} AS claresLaw
     FROM ss JOIN referrals r ON ${inWindow('r')}
     GROUP BY ss.shift_id`,
  )
  const safetyCounts = db.prepare<ShiftSelection, { shiftId: number; n: number }>(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId, count(DISTINCT o.incident_id) AS n
     FROM ss JOIN contact_outcomes o ON ${inWindow('o')}
     WHERE o.outcome = 'moved-to-safety'
     GROUP BY ss.shift_id`,
  )
  const inRaisedWindow = `e.session_id = ss.session_id
       AND e.raised_at >= ss.s_from AND e.raised_at <= ss.s_to`
  const raisedCounts = db.prepare<ShiftSelection, { shiftId: number; n: number }>(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId, count(*) AS n
     FROM ss JOIN escalations e ON ${inRaisedWindow}
     GROUP BY ss.shift_id`,
  )
  const raised = db.prepare<ShiftSelection, TimedEvent>(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId, ${minutesFromCall('e.raised_at')} AS minutes
     FROM ss JOIN escalations e ON ${inRaisedWindow}
     JOIN incidents i INDEXED BY incidents_received ON i.id = e.incident_id`,
  )
  const acknowledgedCounts = db.prepare<ShiftSelection, { shiftId: number; n: number }>(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId, count(*) AS n
     FROM ss JOIN escalation_acknowledgements k ON ${inWindow('k')}
     GROUP BY ss.shift_id`,
  )
  const upgradedCounts = db.prepare<ShiftSelection, { shiftId: number; n: number }>(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId, count(*) AS n
     FROM ss JOIN escalation_outcomes o ON ${inWindow('o')}
     WHERE o.outcome = 'upgraded'
     GROUP BY ss.shift_id`,
  )
  // The first attempt ever that spoke to the victim, when it falls in one of the shifts.
  // (SQLite takes the bare columns of a min() group from the row with that minimum.)
  const firstContacts = db.prepare<ShiftSelection, TimedEvent>(
    `WITH ${shiftSet},
     first AS (SELECT incident_id, min(id), session_id, at
               FROM contact_attempts INDEXED BY contact_attempts_first_spoke
               WHERE result = 'spoke-to-victim' GROUP BY incident_id)
     SELECT ss.shift_id AS shiftId, ${minutesFromCall('c.at')} AS minutes
     FROM first c JOIN ss ON ${inWindow('c')}
     JOIN incidents i INDEXED BY incidents_received ON i.id = c.incident_id`,
  )
  // Risk as it stood at the end of each shift: the latest answer to each DASH question of the
  // script in use and the latest judgement, as riskSummary counts them. The latest answer to a
  // question is the one with the highest id recorded by the end of the shift (SQLite takes the
  // bare value of a max() group from that row); a judgement counts when it is the latest.
  // (No yes answers at all is never high: riskRule's counts start at the script's high band.)
  const highRiskCounts = db.prepare<
    { scriptId: string; scriptVersion: string; dashIds: string; highCounts: string },
    { shiftId: number; n: number }
  >(
    `WITH latest AS (
       SELECT t.shift_id, t.incident_id, a.value, max(a.id)
       FROM temp.figures_touched t
       JOIN script_answers a INDEXED BY script_answers_by_question
         ON a.incident_id = t.incident_id AND a.script_id = :scriptId
           AND a.script_version = :scriptVersion AND a.at <= t.s_to
       -- The + keeps the index for the incident and script: one range per incident, not one
       -- look-up per incident and question.
       WHERE +a.question_id IN (SELECT value FROM json_each(:dashIds))
       GROUP BY t.shift_id, t.incident_id, a.question_id),
     yes AS (
       SELECT shift_id, incident_id FROM latest WHERE value = 'yes'
       GROUP BY shift_id, incident_id
       HAVING count(*) IN (SELECT value FROM json_each(:highCounts))),
     judged AS (
       SELECT t.shift_id, t.incident_id
       FROM risk_judgements j
       CROSS JOIN temp.figures_touched t INDEXED BY figures_touched_by_incident
         ON t.incident_id = j.incident_id AND j.at <= t.s_to
       WHERE j.high = 1
         AND NOT EXISTS (SELECT 1 FROM risk_judgements k
                         WHERE k.incident_id = j.incident_id AND k.id > j.id AND k.at <= t.s_to))
     SELECT shift_id AS shiftId, count(*) AS n
     FROM (SELECT shift_id, incident_id FROM yes UNION SELECT shift_id, incident_id FROM judged)
     GROUP BY shift_id`,
  )

  // Clare's Law: applications recorded in the shift, and each application's disclosure, IDVA
  // present and support accepted counted once, in the shift whose record first made it so (a
  // later record never takes a shift's count back, so a handed-over shift keeps its figures).
  const claresLawApplicationCounts = db.prepare<ShiftSelection, { shiftId: number; n: number }>(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId, count(*) AS n
     FROM ss JOIN clares_law_applications a ON a.session_id = ss.session_id
       AND a.recorded_at >= ss.s_from AND a.recorded_at <= ss.s_to
     GROUP BY ss.shift_id`,
  )
  const claresLawDecisionCounts = db.prepare<
    ShiftSelection,
    { shiftId: number; given: number; idva: number; support: number; supportIdva: number }
  >(
    `WITH ${shiftSet},
     firsts AS (
       SELECT a.id,
         (SELECT min(c.id) FROM clares_law_status_changes c
          WHERE c.application_id = a.id AND c.status = 'disclosure-given') AS given,
         (SELECT min(c.id) FROM clares_law_status_changes c
          WHERE c.application_id = a.id AND c.idva_present = 1) AS idva,
         (SELECT min(c.id) FROM clares_law_status_changes c
          WHERE c.application_id = a.id AND c.status = 'disclosure-given'
            AND c.support_accepted = 'yes') AS support
       FROM clares_law_applications a),
     made AS (
       SELECT given AS change_id, 'given' AS figure FROM firsts WHERE given IS NOT NULL
       UNION ALL SELECT idva, 'idva' FROM firsts WHERE idva IS NOT NULL
       UNION ALL SELECT support, 'support' FROM firsts WHERE support IS NOT NULL
       UNION ALL SELECT max(support, idva), 'supportIdva' FROM firsts
         WHERE support IS NOT NULL AND idva IS NOT NULL)
     SELECT ss.shift_id AS shiftId,
       count(*) FILTER (WHERE m.figure = 'given') AS given,
       count(*) FILTER (WHERE m.figure = 'idva') AS idva,
       count(*) FILTER (WHERE m.figure = 'support') AS support,
       count(*) FILTER (WHERE m.figure = 'supportIdva') AS supportIdva
     FROM ss JOIN clares_law_status_changes c ON ${inWindow('c')}
     JOIN made m ON m.change_id = c.id
     GROUP BY ss.shift_id`,
  )
  // Follow-ups: new ones scheduled (a reschedule replaces one), calls made, and follow-ups whose
  // call spoke to the survivor.
  const followUpScheduledCounts = db.prepare<ShiftSelection, { shiftId: number; n: number }>(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId, count(*) AS n
     FROM ss JOIN follow_ups f ON ${inWindow('f')}
     WHERE f.replaces IS NULL
     GROUP BY ss.shift_id`,
  )
  const followUpCallCounts = db.prepare<
    ShiftSelection & { reached: string },
    { shiftId: number; calls: number; reached: number }
  >(
    `WITH ${shiftSet}
     SELECT ss.shift_id AS shiftId, count(*) AS calls,
       count(DISTINCT CASE WHEN c.outcome IN (SELECT value FROM json_each(:reached))
                      THEN c.follow_up_id END) AS reached
     FROM ss JOIN follow_up_calls c ON ${inWindow('c')}
     GROUP BY ss.shift_id`,
  )
  // A follow-up is open at an instant when it was scheduled by then and not yet closed; it is
  // due on the latest try-again day its calls had given by then, or else the day it was set for.
  const followUpsOpen = db.prepare<{ asAt: string; day: string }, FollowUpsOpen>(
    `WITH open AS (
       SELECT coalesce(
         (SELECT c.try_again_on FROM follow_up_calls c
          WHERE c.follow_up_id = f.id AND c.try_again_on IS NOT NULL AND c.at <= :asAt
          ORDER BY c.id DESC LIMIT 1),
         f.due_on) AS due_on
       FROM follow_ups f
       WHERE f.at <= :asAt
         AND NOT EXISTS (SELECT 1 FROM follow_up_closures k
                         WHERE k.follow_up_id = f.id AND k.at <= :asAt))
     SELECT count(*) AS open, count(*) FILTER (WHERE due_on < :day) AS overdue FROM open`,
  )

  const insertExport = db.prepare(
    `INSERT INTO handover_exports (at, scope, shift_id, period_from, period_to, statistics_only,
       hands_over, folder, manifest, exported_by, session_id)
     VALUES (:at, :scope, :shiftId, :from, :to, :statisticsOnly, :handsOver, :folder, :manifest,
       :exportedBy, :sessionId)`,
  )
  const markHandedOver = db.prepare(
    `INSERT INTO handed_over_incidents (export_id, incident_id, at)
     SELECT :exportId, value, :at FROM json_each(:ids)`,
  )
  const lastHandedOver = db.prepare<{ ids: string; before: string }, { id: number; at: string }>(
    `SELECT incident_id AS id, max(at) AS at FROM handed_over_incidents
     WHERE ${idIn('incident_id')} AND at < :before GROUP BY incident_id`,
  )

  const outstanding = db.prepare<
    { asAt: string },
    {
      id: number
      incidentId: number
      incidentRef: string
      owner: string
      text: string
      at: string
      by: string
    }
  >(
    `SELECT n.id, n.incident_id AS incidentId, i.incident_ref AS incidentRef,
            n.action_owner AS owner, n.text, n.at, n.author AS "by"
     FROM notes n INDEXED BY notes_actions JOIN incidents i ON i.id = n.incident_id
     WHERE n.action_owner IS NOT NULL AND n.at <= :asAt
       AND NOT EXISTS (SELECT 1 FROM note_action_done d WHERE d.note_id = n.id AND d.at <= :asAt)
     ORDER BY n.id`,
  )

  const batch = <T>(select: string) => {
    const statement = db.prepare<{ ids: string; asAt: string }, T>(select)
    return (incidentIds: readonly number[], asAt: string) =>
      statement.all({ ids: ids(incidentIds), asAt })
  }

  return {
    openShift(): Shift | undefined {
      const r = openShift.get()
      return r && toShift(r)
    },
    shift(id: number): Shift | undefined {
      const r = shiftById.get({ id })
      return r && toShift(r)
    },
    /** Shifts that started in [from, to), oldest first. */
    shiftsStarted(from: string, to: string): Shift[] {
      return shiftsStarted.all({ from, to }).map(toShift)
    },
    startShift(at: string): number {
      return Number(insertShift.run({ at }).lastInsertRowid)
    },
    joinShift(shiftId: number, sessionId: number): void {
      joinShift.run({ shiftId, sessionId })
    },
    /** Ends an open shift; `by` is who handed it over, null when it ended without a hand over. */
    endShift(id: number, at: string, by: string | null): boolean {
      return endShift.run({ id, at, by }).changes === 1
    },
    /** The latest thing a shift's workers did: sign-in, sign-out or any audited act. */
    lastActivity(id: number): string | null {
      return lastActivity.get({ id })?.at ?? null
    },
    touches: (selection: ShiftSelection) => withTouched(selection, () => touches.all()),
    counts(selection: ShiftSelection, risk: RiskRule): ShiftCounts[] {
      const byShift = new Map<number, ShiftCounts>()
      const of = (shiftId: number) => {
        let c = byShift.get(shiftId)
        if (!c) {
          c = {
            shiftId,
            incidentsReviewed: 0,
            victimsContacted: 0,
            contactAttempts: 0,
            highRiskVictims: 0,
            maracReferrals: 0,
            daServiceReferrals: 0,
            otherServiceReferrals: 0,
            claresLawApplications: 0,
            claresLawReferrals: 0,
            claresLawDisclosures: 0,
            claresLawDisclosuresWithIdva: 0,
            claresLawSupportAccepted: 0,
            claresLawSupportAcceptedWithIdva: 0,
            followUpsScheduled: 0,
            followUpCalls: 0,
            followUpsReached: 0,
            movedToSafety: 0,
            escalationsRaised: 0,
            escalationsAcknowledged: 0,
            escalationsUpgraded: 0,
          }
          byShift.set(shiftId, c)
        }
        return c
      }
      const risky = {
        scriptId: risk.scriptId,
        scriptVersion: risk.scriptVersion,
        dashIds: JSON.stringify(risk.dashIds),
        highCounts: JSON.stringify(risk.highCounts),
      }
      withTouched(selection, () => {
        for (const r of reviewedCounts.all()) of(r.shiftId).incidentsReviewed = r.n
        for (const r of highRiskCounts.all(risky)) of(r.shiftId).highRiskVictims = r.n
      })
      for (const r of attemptCounts.all(selection)) {
        Object.assign(of(r.shiftId), { contactAttempts: r.attempts, victimsContacted: r.spoke })
      }
      for (const r of referralCounts.all(selection)) {
        Object.assign(of(r.shiftId), {
          maracReferrals: r.marac,
          daServiceReferrals: r.da,
          otherServiceReferrals: r.other,
          claresLawReferrals: r.claresLaw,
        })
      }
      for (const r of claresLawApplicationCounts.all(selection)) {
        of(r.shiftId).claresLawApplications = r.n
      }
      for (const r of claresLawDecisionCounts.all(selection)) {
        Object.assign(of(r.shiftId), {
          claresLawDisclosures: r.given,
          claresLawDisclosuresWithIdva: r.idva,
          claresLawSupportAccepted: r.support,
          claresLawSupportAcceptedWithIdva: r.supportIdva,
        })
      }
      for (const r of followUpScheduledCounts.all(selection)) {
        of(r.shiftId).followUpsScheduled = r.n
      }
      const reachedParam = { ...selection, reached: JSON.stringify(REACHED_OUTCOMES) }
      for (const r of followUpCallCounts.all(reachedParam)) {
        Object.assign(of(r.shiftId), { followUpCalls: r.calls, followUpsReached: r.reached })
      }
      for (const r of safetyCounts.all(selection)) of(r.shiftId).movedToSafety = r.n
      for (const r of raisedCounts.all(selection)) of(r.shiftId).escalationsRaised = r.n
      for (const r of acknowledgedCounts.all(selection)) {
        of(r.shiftId).escalationsAcknowledged = r.n
      }
      for (const r of upgradedCounts.all(selection)) of(r.shiftId).escalationsUpgraded = r.n
      return [...byShift.values()]
    },
    firstContacts: (selection: ShiftSelection) => firstContacts.all(selection),
    /** Follow-ups open at `asAt`, and overdue: due before `day` (yyyy-MM-dd, London). */
    followUpsOpen: (asAt: string, day: string) => followUpsOpen.get({ asAt, day })!,
    escalationsRaised: (selection: ShiftSelection) => raised.all(selection),

    // What a handover gathers for its incidents, each list as it stood at :asAt, oldest first.
    incidents: batch<Record<string, string | number | null>>(
      `SELECT * FROM incidents WHERE ${idIn('id')} ORDER BY id`,
    ),
    history: batch<{
      incidentId: number
      field: string
      from: string | null
      to: string | null
      at: string
      recordedAt: string
    }>(
      `SELECT incident_id AS incidentId, field, from_value AS "from", to_value AS "to", at,
              recorded_at AS recordedAt
       FROM incident_history
       WHERE ${idIn('incident_id')} AND kind IN ('regrade', 'status')
       ORDER BY incident_id, id`,
    ),
    attempts: batch<{
      id: number
      incidentId: number
      at: string
      number: string
      result: string
      callBackAt: string | null
      note: string | null
      by: string
    }>(
      `SELECT id, incident_id AS incidentId, at, number, result, call_back_at AS callBackAt, note,
              recorded_by AS "by"
       FROM contact_attempts WHERE ${idIn('incident_id')} AND at <= :asAt ORDER BY id`,
    ),
    outcomes: batch<{
      id: number
      incidentId: number
      at: string
      outcome: string
      note: string | null
      by: string
    }>(
      `SELECT id, incident_id AS incidentId, at, outcome, note, recorded_by AS "by"
       FROM contact_outcomes WHERE ${idIn('incident_id')} AND at <= :asAt ORDER BY id`,
    ),
    answers: batch<{
      id: number
      incidentId: number
      scriptId: string
      scriptVersion: string
      questionId: string
      value: string
      at: string
      by: string
    }>(
      `SELECT id, incident_id AS incidentId, script_id AS scriptId,
              script_version AS scriptVersion, question_id AS questionId, value, at,
              recorded_by AS "by"
       FROM script_answers WHERE ${idIn('incident_id')} AND at <= :asAt ORDER BY id`,
    ),
    judgements: batch<{
      id: number
      incidentId: number
      at: string
      high: number
      reason: string
      by: string
    }>(
      `SELECT id, incident_id AS incidentId, at, high, reason, recorded_by AS "by"
       FROM risk_judgements WHERE ${idIn('incident_id')} AND at <= :asAt ORDER BY id`,
    ),
    referrals: batch<{
      id: number
      incidentId: number
      at: string
      service: string
      otherService: string | null
      decision: string
      detail: string | null
      by: string
    }>(
      `SELECT id, incident_id AS incidentId, at, service, other_service AS otherService,
              decision, detail, recorded_by AS "by"
       FROM referrals WHERE ${idIn('incident_id')} AND at <= :asAt ORDER BY id`,
    ),
    escalations: batch<{
      id: number
      incidentId: number
      raisedAt: string
      raisedBy: string
      reasons: string
      detail: string | null
      currentGrade: number
      recommendedGrade: number
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
    }>(
      `SELECT e.id, e.incident_id AS incidentId, e.raised_at AS raisedAt, e.raised_by AS raisedBy,
              e.reasons, e.detail, e.current_grade AS currentGrade,
              e.recommended_grade AS recommendedGrade,
              k.at AS ackAt, k.controller AS ackController, k.recorded_by AS ackBy,
              g.from_grade AS regradeFrom, g.to_grade AS regradeTo, g.at AS regradeAt,
              o.outcome, o.at AS outcomeAt, o.recorded_by AS outcomeBy, o.grade AS outcomeGrade,
              o.reason AS outcomeReason
       FROM escalations e
       LEFT JOIN escalation_acknowledgements k ON k.escalation_id = e.id AND k.at <= :asAt
       LEFT JOIN escalation_regrades g ON g.escalation_id = e.id AND g.linked_at <= :asAt
       LEFT JOIN escalation_outcomes o ON o.escalation_id = e.id AND o.at <= :asAt
       WHERE ${idIn('e.incident_id')} AND e.raised_at <= :asAt
       ORDER BY e.id`,
    ),
    notes: batch<{
      id: number
      incidentId: number
      at: string
      author: string
      text: string
      tags: string
      amends: number | null
      actionOwner: string | null
      doneAt: string | null
      doneBy: string | null
    }>(
      `SELECT n.id, n.incident_id AS incidentId, n.at, n.author, n.text, n.tags, n.amends,
              n.action_owner AS actionOwner, d.at AS doneAt, d.done_by AS doneBy
       FROM notes n LEFT JOIN note_action_done d ON d.note_id = n.id AND d.at <= :asAt
       WHERE ${idIn('n.incident_id')} AND n.at <= :asAt
       ORDER BY n.id`,
    ),
    claresLawApplications: batch<{
      id: number
      incidentId: number
      route: string
      raisedBy: string
      raisedOn: string
      recordedAt: string
      by: string
    }>(
      `SELECT id, incident_id AS incidentId, route, raised_by AS raisedBy, raised_on AS raisedOn,
              recorded_at AS recordedAt, recorded_by AS "by"
       FROM clares_law_applications
       WHERE ${idIn('incident_id')} AND recorded_at <= :asAt ORDER BY id`,
    ),
    claresLawChanges: batch<{
      id: number
      incidentId: number
      applicationId: number
      status: string
      supportAccepted: string | null
      idvaPresent: number | null
      note: string | null
      at: string
      by: string
    }>(
      `SELECT c.id, a.incident_id AS incidentId, c.application_id AS applicationId, c.status,
              c.support_accepted AS supportAccepted, c.idva_present AS idvaPresent, c.note, c.at,
              c.recorded_by AS "by"
       FROM clares_law_status_changes c JOIN clares_law_applications a ON a.id = c.application_id
       WHERE ${idIn('a.incident_id')} AND c.at <= :asAt ORDER BY c.id`,
    ),
    followUps: batch<{
      id: number
      incidentId: number
      scheduledFor: string
      riskLevel: string
      reason: string | null
      replaces: number | null
      scheduledAt: string
      scheduledBy: string
      closedKind: string | null
      closedAt: string | null
      closedReason: string | null
    }>(
      `SELECT f.id, f.incident_id AS incidentId, f.due_on AS scheduledFor,
              f.risk_level AS riskLevel, f.reason, f.replaces, f.at AS scheduledAt,
              f.recorded_by AS scheduledBy, k.kind AS closedKind, k.at AS closedAt,
              k.reason AS closedReason
       FROM follow_ups f
       LEFT JOIN follow_up_closures k ON k.follow_up_id = f.id AND k.at <= :asAt
       WHERE ${idIn('f.incident_id')} AND f.at <= :asAt ORDER BY f.id`,
    ),
    followUpCalls: batch<{
      id: number
      incidentId: number
      followUpId: number
      outcome: string
      tryAgainOn: string | null
      note: string | null
      at: string
      by: string
    }>(
      `SELECT c.id, f.incident_id AS incidentId, c.follow_up_id AS followUpId, c.outcome,
              c.try_again_on AS tryAgainOn, c.note, c.at, c.recorded_by AS "by"
       FROM follow_up_calls c JOIN follow_ups f ON f.id = c.follow_up_id
       WHERE ${idIn('f.incident_id')} AND c.at <= :asAt ORDER BY c.id`,
    ),
    supportCarTaskings: batch<{
      id: number
      incidentId: number
      reason: string
      priority: string
      taskedAt: string
      taskedBy: string
      closedKind: string | null
      closedAt: string | null
      closedBy: string | null
      closedReason: string | null
    }>(
      `SELECT t.id, t.incident_id AS incidentId, t.reason, t.priority, t.at AS taskedAt,
              t.recorded_by AS taskedBy, c.kind AS closedKind, c.at AS closedAt,
              c.recorded_by AS closedBy, c.reason AS closedReason
       FROM support_car_taskings t
       LEFT JOIN support_car_tasking_closures c ON c.tasking_id = t.id AND c.at <= :asAt
       WHERE ${idIn('t.incident_id')} AND t.at <= :asAt ORDER BY t.id`,
    ),
    /** Visits by when they were recorded, each with the ids of the referrals it made. */
    supportCarVisits: batch<VisitRow & { referralIds: string }>(
      `SELECT v.id, v.incident_id AS incidentId, v.tasking_id AS taskingId,
              v.visited_at AS visitedAt, v.officer, v.idva, v.victim_engaged AS victimEngaged,
              v.safety_plan_agreed AS safetyPlanAgreed, v.moved_to_safety AS movedToSafety,
              v.disclosure_given AS disclosureGiven, v.notes, v.at AS recordedAt,
              v.recorded_by AS recordedBy,
              (SELECT json_group_array(l.referral_id)
               FROM (SELECT referral_id FROM support_car_visit_referrals
                     WHERE visit_id = v.id ORDER BY referral_id) l) AS referralIds
       FROM support_car_visits v
       WHERE ${idIn('v.incident_id')} AND v.at <= :asAt ORDER BY v.visited_at, v.id`,
    ),
    /** The worker's progress moves, from the audit log (the incident keeps only the latest). */
    progressChanges: batch<{ incidentId: number; at: string; from: string; to: string }>(
      `SELECT incident_id AS incidentId, at, json_extract(detail, '$.from') AS "from",
              json_extract(detail, '$.to') AS "to"
       FROM audit_log WHERE action = 'incident.progress' AND ${idIn('incident_id')}
       ORDER BY id`,
    ),
    /** The support car's figures for the records made in [from, to), as the Figures view's. */
    supportCarFigures: (from: string, to: string): SupportCarFigures =>
      supportCarQueries(db).figures(from, to),
    /** Every action note not done at an instant, on any incident, oldest first. */
    outstandingActions: (asAt: string) => outstanding.all({ asAt }),
    /** When each incident was last handed over before an instant. */
    lastHandedOver(incidentIds: readonly number[], before: string): Map<number, string> {
      return new Map(lastHandedOver.all({ ids: ids(incidentIds), before }).map((r) => [r.id, r.at]))
    },

    recordExport(e: NewHandoverExport): number {
      const params = {
        ...e,
        statisticsOnly: e.statisticsOnly ? 1 : 0,
        handsOver: e.handsOver ? 1 : 0,
        manifest: JSON.stringify(e.manifest),
      }
      return Number(insertExport.run(params).lastInsertRowid)
    },
    markHandedOver(exportId: number, incidentIds: readonly number[], at: string): void {
      markHandedOver.run({ exportId, ids: ids(incidentIds), at })
    },
  }
}

export type HandoverQueries = ReturnType<typeof handoverQueries>
