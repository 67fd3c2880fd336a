// Version 12: the retention purge's controlled path (migration 8) for the record tables added
// since: dismissed repeat matches (9), Clare's Law status changes (10) and follow-ups, their
// closures, calls and answers (11). Each table's update trigger is recreated so that, while a
// purge runs, an update may only turn its personal text into the removal text; every structured
// fact stays exactly as it was, and deleting stays refused. Clare's Law applications themselves
// hold no free text (route, applicant, dates), so their triggers are left as they are.
import { purgeUpdate } from './008_retention.ts'
import type { RecordTable } from './008_retention.ts'

const RECORD_TABLES: RecordTable[] = [
  {
    table: 'repeat_dismissals',
    what: 'dismissed repeat matches',
    kept: ['id', 'incident_id', 'earlier_id', 'kind', 'at', 'recorded_by', 'session_id'],
    removed: ['reason'],
  },
  {
    table: 'clares_law_status_changes',
    what: 'Clare’s Law status changes',
    kept: [
      'id',
      'application_id',
      'status',
      'support_accepted',
      'idva_present',
      'at',
      'recorded_by',
      'session_id',
    ],
    removed: ['note'],
  },
  {
    table: 'follow_ups',
    what: 'follow-ups',
    kept: [
      'id',
      'incident_id',
      'due_on',
      'risk_level',
      'replaces',
      'at',
      'recorded_by',
      'session_id',
    ],
    removed: ['reason'],
  },
  {
    table: 'follow_up_closures',
    what: 'follow-up closures',
    kept: ['id', 'follow_up_id', 'kind', 'at', 'recorded_by', 'session_id'],
    removed: ['reason'],
  },
  {
    table: 'follow_up_calls',
    what: 'follow-up calls',
    kept: ['id', 'follow_up_id', 'outcome', 'try_again_on', 'at', 'recorded_by', 'session_id'],
    removed: ['note'],
  },
  {
    table: 'follow_up_answers',
    what: 'follow-up answers',
    kept: [
      'id',
      'follow_up_id',
      'script_id',
      'script_version',
      'question_id',
      'at',
      'recorded_by',
      'session_id',
    ],
    removed: ['value'],
  },
]

export const sql = RECORD_TABLES.map(purgeUpdate).join('\n')
