// SQL for incidents and their feed history. Everything that reads or writes those tables is here,
// and the queue row's summary of the worker's contact attempts, open escalation, handover and
// outstanding actions.
import type { Db } from './openDatabase.ts'
import type {
  Grade,
  HistoryEntry,
  HistoryKind,
  IncidentFields,
  Origin,
  Progress,
  QueueRow,
} from '#shared/domain.ts'
import type { EscalationReason, OpenEscalationMark } from '#shared/escalation.ts'
import { REPEAT_WINDOW_DAYS } from '#shared/escalationRules.ts'
import { notDismissed, sameAddress, sameNameAndDob, samePhone } from './repeatKeys.ts'
import type { RepeatTarget } from './repeatKeys.ts'

interface IncidentRecord {
  id: number
  incident_ref: string
  received_at: string
  updated_at: string
  grade: number
  status: string
  source: string | null
  summary: string
  address: string | null
  postcode: string | null
  caller_role: string | null
  victim_name: string | null
  victim_phone: string | null
  victim_dob: string | null
  suspect_name: string | null
  suspect_relationship: string | null
  flags: string
  extra: string
  origin: string
  progress: string
  last_regrade: string | null
  attempts: number
  last_attempt_at: string | null
  call_back_at: string | null
  open_escalation: string | null
  handed_over_at: string | null
  changed_since_handover: number
  outstanding_actions: number
  purged_at: string | null
  repeat_address: number | null
  repeat_victim: number | null
}

export interface StoredIncident {
  id: number
  origin: Origin
  fields: IncidentFields
}

export interface NewHistoryEntry {
  incidentId: number
  kind: HistoryKind
  at: string
  recordedAt: string
  field: string
  from: string | null
  to: string | null
  origin: Origin
  via: string | null
}

/** The row's own columns, for its repeat counts. */
const ROW: RepeatTarget = {
  address: 'i.address',
  postcode: 'i.postcode',
  phone: 'i.victim_phone',
  name: 'i.victim_name',
  dob: 'i.victim_dob',
}
/** Earlier than the row's call, and within the repeat window before it (as repeatQuery.ts). */
const earlierInWindow = `o.id <> i.id AND o.received_at < i.received_at
  AND o.received_at >= strftime('%Y-%m-%dT%H:%M:%fZ', i.received_at, '-${REPEAT_WINDOW_DAYS} days')`

const selectRow = `
  SELECT i.*, (
    SELECT json_object('from', CAST(h.from_value AS INTEGER), 'to', CAST(h.to_value AS INTEGER),
                       'at', h.at)
    FROM incident_history h
    WHERE h.incident_id = i.id AND h.kind = 'regrade'
    ORDER BY h.id DESC LIMIT 1
  ) AS last_regrade,
  (SELECT count(*) FROM contact_attempts a WHERE a.incident_id = i.id) AS attempts,
  (SELECT a.at FROM contact_attempts a WHERE a.incident_id = i.id
   ORDER BY a.id DESC LIMIT 1) AS last_attempt_at,
  (SELECT a.call_back_at FROM contact_attempts a WHERE a.incident_id = i.id
   ORDER BY a.id DESC LIMIT 1) AS call_back_at,
  (SELECT json_object('id', e.id, 'raisedAt', e.raised_at, 'acknowledgedAt', k.at,
                      'controller', k.controller, 'recommendedGrade', e.recommended_grade,
                      'reasons', json(e.reasons),
                      'regradeLinked', EXISTS (SELECT 1 FROM escalation_regrades r
                                               WHERE r.escalation_id = e.id))
   FROM escalations e
   LEFT JOIN escalation_acknowledgements k ON k.escalation_id = e.id
   WHERE e.incident_id = i.id
     AND NOT EXISTS (SELECT 1 FROM escalation_outcomes o WHERE o.escalation_id = e.id)
   ORDER BY e.id DESC LIMIT 1) AS open_escalation,
  (SELECT max(x.at) FROM handed_over_incidents x WHERE x.incident_id = i.id) AS handed_over_at,
  -- A record of the worker's after the handover; looking at it, moving through the script and
  -- pasting its log update are not records.
  EXISTS (
    SELECT 1 FROM audit_log l
    WHERE l.incident_id = i.id
      AND l.at > (SELECT max(x.at) FROM handed_over_incidents x WHERE x.incident_id = i.id)
      AND l.action NOT IN ('incident.view', 'script.step', 'handover.ccLogUpdate')
  ) AS changed_since_handover,
  (SELECT count(*) FROM notes n
   WHERE n.incident_id = i.id AND n.action_owner IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM note_action_done d WHERE d.note_id = n.id)
  ) AS outstanding_actions,
  -- Counted for the incidents the worker has still to finish: the mark is for triage, and
  -- counting for every incident ever stored would double the time to list a long history.
  CASE WHEN i.progress = 'done' THEN NULL ELSE
    (SELECT count(*) FROM incidents o
     WHERE ${sameAddress('o', ROW)} AND ${earlierInWindow}
       AND ${notDismissed('o', 'i.id', 'address')})
  END AS repeat_address,
  CASE WHEN i.progress = 'done' THEN NULL ELSE
    (SELECT count(*) FROM incidents o
     WHERE (${samePhone('o', ROW)} OR ${sameNameAndDob('o', ROW)}) AND ${earlierInWindow}
       AND ${notDismissed('o', 'i.id', 'victim')})
  END AS repeat_victim
  FROM incidents i`

function toFields(r: IncidentRecord): IncidentFields {
  return {
    incidentRef: r.incident_ref,
    receivedAt: r.received_at,
    updatedAt: r.updated_at,
    grade: r.grade as Grade,
    status: r.status as IncidentFields['status'],
    source: r.source as IncidentFields['source'],
    summary: r.summary,
    location: { address: r.address, postcode: r.postcode },
    callerRole: r.caller_role as IncidentFields['callerRole'],
    victim: { name: r.victim_name, phone: r.victim_phone, dateOfBirth: r.victim_dob },
    suspect: { name: r.suspect_name, relationship: r.suspect_relationship },
    flags: JSON.parse(r.flags) as string[],
    extra: JSON.parse(r.extra) as Record<string, unknown>,
  }
}

/** The open escalation as the row's subquery builds it; SQLite's JSON has no booleans. */
interface OpenEscalationJson {
  id: number
  raisedAt: string
  acknowledgedAt: string | null
  controller: string | null
  recommendedGrade: number
  reasons: string[]
  regradeLinked: 0 | 1
}

function toOpenEscalation(json: string): OpenEscalationMark {
  const e = JSON.parse(json) as OpenEscalationJson
  return {
    id: e.id,
    raisedAt: e.raisedAt,
    acknowledgedAt: e.acknowledgedAt,
    controller: e.controller,
    recommendedGrade: e.recommendedGrade as Grade,
    reasons: e.reasons as EscalationReason[],
    regradeLinked: e.regradeLinked === 1,
  }
}

function toRow(r: IncidentRecord): QueueRow {
  return {
    id: r.id,
    incidentRef: r.incident_ref,
    receivedAt: r.received_at,
    updatedAt: r.updated_at,
    grade: r.grade as Grade,
    status: r.status as QueueRow['status'],
    source: r.source as QueueRow['source'],
    summary: r.summary,
    flags: JSON.parse(r.flags) as string[],
    victimName: r.victim_name,
    victimPhone: r.victim_phone,
    address: r.address,
    postcode: r.postcode,
    progress: r.progress as Progress,
    origin: r.origin as Origin,
    lastRegrade: r.last_regrade ? (JSON.parse(r.last_regrade) as QueueRow['lastRegrade']) : null,
    attempts: r.attempts,
    lastAttemptAt: r.last_attempt_at,
    callBackAt: r.call_back_at,
    openEscalation: r.open_escalation ? toOpenEscalation(r.open_escalation) : null,
    handedOverAt: r.handed_over_at,
    changedSinceHandover: r.changed_since_handover === 1,
    outstandingActions: r.outstanding_actions,
    purgedAt: r.purged_at,
    repeats:
      r.repeat_address === null || r.repeat_victim === null
        ? null
        : { earlierAtAddress: r.repeat_address, earlierForVictim: r.repeat_victim },
  }
}

function toParams(f: IncidentFields, origin: Origin) {
  return {
    incident_ref: f.incidentRef,
    received_at: f.receivedAt,
    updated_at: f.updatedAt,
    grade: f.grade,
    status: f.status,
    source: f.source,
    summary: f.summary,
    address: f.location.address,
    postcode: f.location.postcode,
    caller_role: f.callerRole,
    victim_name: f.victim.name,
    victim_phone: f.victim.phone,
    victim_dob: f.victim.dateOfBirth,
    suspect_name: f.suspect.name,
    suspect_relationship: f.suspect.relationship,
    flags: JSON.stringify(f.flags),
    extra: JSON.stringify(f.extra),
    origin,
  }
}

const columns = `incident_ref, received_at, updated_at, grade, status, source, summary, address,
  postcode, caller_role, victim_name, victim_phone, victim_dob, suspect_name,
  suspect_relationship, flags, extra, origin`

export function incidentQueries(db: Db) {
  const byRef = db.prepare<{ ref: string }, IncidentRecord>(
    `SELECT *, NULL AS last_regrade, 0 AS attempts, NULL AS last_attempt_at, NULL AS call_back_at,
            NULL AS open_escalation, NULL AS handed_over_at, 0 AS changed_since_handover,
            0 AS outstanding_actions, NULL AS repeat_address, NULL AS repeat_victim
     FROM incidents WHERE incident_ref = :ref`,
  )
  // One statement both checks for the reference and adds the incident when it is new.
  const insertIfNew = db.prepare<Record<string, unknown>, { id: number }>(
    `INSERT INTO incidents (${columns}, created_at)
     VALUES (${columns.replace(/(\w+)/g, ':$1')}, :created_at)
     ON CONFLICT (incident_ref) DO NOTHING
     RETURNING id`,
  )
  // A newer version from the feed brings personal details back, so a purged incident is no
  // longer marked as purged: the retention policy counts its period again from this update.
  const update = db.prepare(
    `UPDATE incidents SET ${columns
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== 'incident_ref')
      .map((c) => `${c} = :${c}`)
      .join(', ')}, purged_at = NULL
     WHERE id = :id`,
  )
  const history = db.prepare(
    `INSERT INTO incident_history
       (incident_id, kind, at, recorded_at, field, from_value, to_value, origin, via)
     VALUES (:incidentId, :kind, :at, :recordedAt, :field, :from, :to, :origin, :via)`,
  )
  const allRows = db.prepare<[], IncidentRecord>(`${selectRow} ORDER BY i.id`)
  const rowById = db.prepare<{ id: number }, IncidentRecord>(`${selectRow} WHERE i.id = :id`)
  const historyOf = db.prepare<{ id: number }, Record<string, unknown>>(
    `SELECT id, kind, at, recorded_at AS recordedAt, field, from_value AS "from",
            to_value AS "to", origin, via
     FROM incident_history WHERE incident_id = :id ORDER BY id`,
  )
  const progress = db.prepare(`UPDATE incidents SET progress = :progress WHERE id = :id`)

  return {
    findByRef(ref: string): StoredIncident | undefined {
      const r = byRef.get({ ref })
      return r && { id: r.id, origin: r.origin as Origin, fields: toFields(r) }
    },
    /** Adds the incident and returns its id, or returns null when the reference is known. */
    insertIfNew(fields: IncidentFields, origin: Origin, createdAt: string): number | null {
      return insertIfNew.get({ ...toParams(fields, origin), created_at: createdAt })?.id ?? null
    },
    update(id: number, fields: IncidentFields, origin: Origin): void {
      const { incident_ref, ...params } = toParams(fields, origin)
      update.run({ ...params, id })
    },
    addHistory(entry: NewHistoryEntry): void {
      history.run(entry)
    },
    listRows(): QueueRow[] {
      return allRows.all().map(toRow)
    },
    row(id: number): QueueRow | undefined {
      const r = rowById.get({ id })
      return r && toRow(r)
    },
    detail(id: number) {
      const r = rowById.get({ id })
      if (!r) return undefined
      return {
        row: toRow(r),
        fields: toFields(r),
        history: historyOf.all({ id }) as unknown as HistoryEntry[],
      }
    },
    setProgress(id: number, value: Progress): boolean {
      return progress.run({ id, progress: value }).changes === 1
    },
  }
}

export type IncidentQueries = ReturnType<typeof incidentQueries>
