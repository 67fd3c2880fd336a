// SQL for the retention policy: each incident's last activity (the latest record of any kind that
// refers to it), which incidents are due and which of those are kept, and the purge that blanks
// their personal details through migration 8's one controlled path.
import type { Db } from './openDatabase.ts'
import { REMOVED_TEXT } from '#shared/retention.ts'

export interface DueRow {
  id: number
  incident_ref: string
  last_activity_at: string
  open_escalation: number
  outstanding_action: number
  open_clares_law: number
  open_follow_up: number
  open_tasking: number
}

/**
 * Every table that refers to an incident (migrations 1–11), with the time of each record. Views
 * and the script's cursor moving are not activity; a note being typed is.
 */
const activity = `
  SELECT id AS incident_id, max(received_at, updated_at, created_at) AS at FROM incidents
  UNION ALL SELECT incident_id, recorded_at FROM incident_history
  UNION ALL SELECT incident_id, at FROM contact_attempts
  UNION ALL SELECT incident_id, at FROM notes
  UNION ALL SELECT n.incident_id, d.at FROM note_action_done d JOIN notes n ON n.id = d.note_id
  UNION ALL SELECT incident_id, saved_at FROM note_drafts
  UNION ALL SELECT incident_id, at FROM script_answers
  UNION ALL SELECT incident_id, at FROM script_positions
  UNION ALL SELECT incident_id, at FROM risk_judgements
  UNION ALL SELECT incident_id, at FROM referrals
  UNION ALL SELECT incident_id, at FROM contact_outcomes
  UNION ALL SELECT incident_id, raised_at FROM escalations
  UNION ALL SELECT e.incident_id, k.at
    FROM escalation_acknowledgements k JOIN escalations e ON e.id = k.escalation_id
  UNION ALL SELECT e.incident_id, r.linked_at
    FROM escalation_regrades r JOIN escalations e ON e.id = r.escalation_id
  UNION ALL SELECT e.incident_id, o.at
    FROM escalation_outcomes o JOIN escalations e ON e.id = o.escalation_id
  UNION ALL SELECT incident_id, at FROM suggestion_dismissals
  UNION ALL SELECT incident_id, at FROM handed_over_incidents
  UNION ALL SELECT incident_id, at FROM repeat_dismissals
  UNION ALL SELECT incident_id, recorded_at FROM clares_law_applications
  UNION ALL SELECT a.incident_id, c.at
    FROM clares_law_status_changes c JOIN clares_law_applications a ON a.id = c.application_id
  UNION ALL SELECT incident_id, at FROM follow_ups
  UNION ALL SELECT f.incident_id, k.at
    FROM follow_up_closures k JOIN follow_ups f ON f.id = k.follow_up_id
  UNION ALL SELECT f.incident_id, c.at
    FROM follow_up_calls c JOIN follow_ups f ON f.id = c.follow_up_id
  UNION ALL SELECT f.incident_id, a.at
    FROM follow_up_answers a JOIN follow_ups f ON f.id = a.follow_up_id
  UNION ALL SELECT incident_id, at FROM support_car_taskings
  UNION ALL SELECT t.incident_id, c.at
    FROM support_car_tasking_closures c JOIN support_car_taskings t ON t.id = c.tasking_id
  UNION ALL SELECT incident_id, max(visited_at, at) FROM support_car_visits`

/** The incidents a purge is about, as a JSON array of ids. */
const theIncidents = `(SELECT value FROM json_each(:ids))`
const theirFollowUps = `(SELECT id FROM follow_ups WHERE incident_id IN ${theIncidents})`
/** Personal text that was there becomes the removal text; nothing stays nothing. */
const removed = (column: string) =>
  `${column} = CASE WHEN ${column} IS NULL THEN NULL ELSE :removed END`

/** History fields that are structured facts (grade and status changes are kinds of their own). */
const FACT_FIELDS = ['receivedAt', 'source', 'callerRole', 'flags']

export function retentionQueries(db: Db) {
  // Incidents whose last activity is before the cut-off and that were not purged since it.
  const due = db.prepare<{ cutoff: string }, DueRow>(
    `WITH latest AS (
       SELECT incident_id, max(at) AS last_activity_at FROM (${activity}) GROUP BY incident_id
     )
     SELECT i.id, i.incident_ref, l.last_activity_at,
       EXISTS (SELECT 1 FROM escalations e
               WHERE e.incident_id = i.id
                 AND NOT EXISTS (SELECT 1 FROM escalation_outcomes o
                                 WHERE o.escalation_id = e.id)) AS open_escalation,
       EXISTS (SELECT 1 FROM notes n
               WHERE n.incident_id = i.id AND n.action_owner IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM note_action_done d
                                 WHERE d.note_id = n.id)) AS outstanding_action,
       -- Raised or under review: police have not decided yet (the latest status says).
       EXISTS (SELECT 1 FROM clares_law_applications a
               WHERE a.incident_id = i.id
                 AND (SELECT c.status FROM clares_law_status_changes c
                      WHERE c.application_id = a.id ORDER BY c.id DESC LIMIT 1)
                     IN ('raised', 'under-review')) AS open_clares_law,
       EXISTS (SELECT 1 FROM follow_ups f
               WHERE f.incident_id = i.id
                 AND NOT EXISTS (SELECT 1 FROM follow_up_closures k
                                 WHERE k.follow_up_id = f.id)) AS open_follow_up,
       EXISTS (SELECT 1 FROM support_car_taskings t
               WHERE t.incident_id = i.id
                 AND NOT EXISTS (SELECT 1 FROM support_car_tasking_closures c
                                 WHERE c.tasking_id = t.id)) AS open_tasking
     FROM incidents i JOIN latest l ON l.incident_id = i.id
     WHERE l.last_activity_at < :cutoff
       AND (i.purged_at IS NULL OR i.purged_at < l.last_activity_at)
     ORDER BY l.last_activity_at, i.id`,
  )

  const purgeStatements = [
    `INSERT INTO retention_purge (id, started_at) VALUES (1, :at)`,
    `UPDATE contact_attempts SET ${removed('number')}, ${removed('note')}
     WHERE incident_id IN ${theIncidents}`,
    `UPDATE notes SET ${removed('text')} WHERE incident_id IN ${theIncidents}`,
    // Only free-text answers: yes/no, DASH, choice and time answers are what the risk counts.
    `UPDATE script_answers SET ${removed('value')}
     WHERE incident_id IN ${theIncidents}
       AND question_id IN (SELECT value FROM json_each(:textQuestions))`,
    `UPDATE risk_judgements SET ${removed('reason')} WHERE incident_id IN ${theIncidents}`,
    `UPDATE referrals SET ${removed('detail')} WHERE incident_id IN ${theIncidents}`,
    `UPDATE contact_outcomes SET ${removed('note')} WHERE incident_id IN ${theIncidents}`,
    `UPDATE escalations SET ${removed('detail')} WHERE incident_id IN ${theIncidents}`,
    `UPDATE escalation_outcomes SET ${removed('reason')}
     WHERE escalation_id IN (SELECT id FROM escalations WHERE incident_id IN ${theIncidents})`,
    `UPDATE suggestion_dismissals SET ${removed('reason')} WHERE incident_id IN ${theIncidents}`,
    `UPDATE repeat_dismissals SET ${removed('reason')} WHERE incident_id IN ${theIncidents}`,
    `UPDATE clares_law_status_changes SET ${removed('note')}
     WHERE application_id IN (SELECT id FROM clares_law_applications
                              WHERE incident_id IN ${theIncidents})`,
    `UPDATE follow_ups SET ${removed('reason')} WHERE incident_id IN ${theIncidents}`,
    `UPDATE follow_up_closures SET ${removed('reason')} WHERE follow_up_id IN ${theirFollowUps}`,
    `UPDATE follow_up_calls SET ${removed('note')} WHERE follow_up_id IN ${theirFollowUps}`,
    // As with the first contact's script: only the follow-up script's free-text answers.
    `UPDATE follow_up_answers SET ${removed('value')}
     WHERE follow_up_id IN ${theirFollowUps}
       AND question_id IN (SELECT value FROM json_each(:followUpTextQuestions))`,
    `UPDATE support_car_taskings SET ${removed('reason')} WHERE incident_id IN ${theIncidents}`,
    `UPDATE support_car_tasking_closures SET ${removed('reason')}
     WHERE tasking_id IN (SELECT id FROM support_car_taskings WHERE incident_id IN ${theIncidents})`,
    `UPDATE support_car_visits SET ${removed('notes')} WHERE incident_id IN ${theIncidents}`,
    `DELETE FROM note_drafts WHERE incident_id IN ${theIncidents}`,
    // The feed record's earlier values, as each update's history kept them.
    `UPDATE incident_history SET ${removed('from_value')}, ${removed('to_value')}
     WHERE incident_id IN ${theIncidents} AND kind = 'change'
       AND field NOT IN (${FACT_FIELDS.map((f) => `'${f}'`).join(', ')})`,
    `UPDATE incidents SET summary = :removed, address = NULL, postcode = NULL, victim_name = NULL,
       victim_phone = NULL, victim_dob = NULL, suspect_name = NULL, suspect_relationship = NULL,
       extra = '{}', purged_at = :at
     WHERE id IN ${theIncidents}`,
    `DELETE FROM retention_purge`,
  ].map((sql) => db.prepare(sql))

  // A report's reasons (and a whole file's error) can quote the values refused.
  const blankReports = db.prepare(
    `UPDATE feed_files SET report = json_set(report,
       '$.rejected', json((SELECT json_group_array(json_object(
           'at', json_extract(value, '$.at'), 'field', json_extract(value, '$.field'),
           'reason', :removed))
         FROM json_each(report, '$.rejected'))),
       '$.error', CASE WHEN json_extract(report, '$.error') IS NULL THEN NULL ELSE :removed END)
     WHERE processed_at < :cutoff
       AND (json_extract(report, '$.error') <> :removed
            OR EXISTS (SELECT 1 FROM json_each(report, '$.rejected')
                       WHERE json_extract(value, '$.reason') <> :removed))`,
  )

  return {
    due(cutoff: string): DueRow[] {
      return due.all({ cutoff })
    },
    /**
     * Blanks the incidents' personal details and marks them purged at `at`, in the caller's
     * transaction; `textQuestions` are the safe-contact script's free-text questions and
     * `followUpTextQuestions` the follow-up script's.
     */
    purge(
      incidentIds: readonly number[],
      textQuestions: readonly string[],
      followUpTextQuestions: readonly string[],
      at: string,
    ): void {
      const params = {
        ids: JSON.stringify(incidentIds),
        textQuestions: JSON.stringify(textQuestions),
        followUpTextQuestions: JSON.stringify(followUpTextQuestions),
        at,
        removed: REMOVED_TEXT,
      }
      for (const statement of purgeStatements) statement.run(params)
    },
    /** Blanks what feed-file reports from before the cut-off quote; returns how many. */
    blankFeedReports(cutoff: string): number {
      return blankReports.run({ cutoff, removed: REMOVED_TEXT }).changes
    },
    /** Writes the WAL back into the file and empties it, so removed text is not left there. */
    checkpoint(): void {
      db.pragma('wal_checkpoint(TRUNCATE)')
    },
  }
}
