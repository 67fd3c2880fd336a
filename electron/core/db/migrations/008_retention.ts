// Version 8: the retention policy's one way past the append-only rule. A purge removes personal
// details from the worker's records once an incident's retention period is over, and keeps every
// structured fact the figures and handovers count. It sets the one row of retention_purge inside
// its transaction and deletes it before the commit; while the row is there, each record table's
// update trigger lets through an update that only turns personal text into the fixed removal
// text, and refuses any other change as before. Deleting stays refused. Purged incidents are
// marked with when, so the page and the exports can say so instead of showing blanks.

/** The text a purge writes; shared/retention.ts REMOVED_TEXT says the same. Never changes. */
const REMOVED = 'Removed under the retention policy'

export interface RecordTable {
  table: string
  what: string
  /** Columns a purge must leave exactly as they are. */
  kept: string[]
  /** Personal text: unchanged, or the removal text. */
  removed: string[]
}

const RECORD_TABLES: RecordTable[] = [
  {
    table: 'contact_attempts',
    what: 'contact attempts',
    kept: ['id', 'incident_id', 'at', 'result', 'call_back_at', 'recorded_by', 'session_id'],
    removed: ['number', 'note'],
  },
  {
    table: 'notes',
    what: 'notes',
    kept: ['id', 'incident_id', 'at', 'author', 'tags', 'action_owner', 'amends', 'session_id'],
    removed: ['text'],
  },
  {
    table: 'script_answers',
    what: 'script answers',
    kept: [
      'id',
      'incident_id',
      'script_id',
      'script_version',
      'question_id',
      'at',
      'recorded_by',
      'session_id',
    ],
    removed: ['value'],
  },
  {
    table: 'risk_judgements',
    what: 'risk judgements',
    kept: ['id', 'incident_id', 'high', 'at', 'recorded_by', 'session_id'],
    removed: ['reason'],
  },
  {
    table: 'referrals',
    what: 'referrals',
    kept: [
      'id',
      'incident_id',
      'service',
      'other_service',
      'decision',
      'at',
      'recorded_by',
      'session_id',
    ],
    removed: ['detail'],
  },
  {
    table: 'contact_outcomes',
    what: 'contact outcomes',
    kept: ['id', 'incident_id', 'outcome', 'at', 'recorded_by', 'session_id'],
    removed: ['note'],
  },
  {
    table: 'escalations',
    what: 'escalations',
    kept: [
      'id',
      'incident_id',
      'raised_at',
      'raised_by',
      'session_id',
      'reasons',
      'current_grade',
      'recommended_grade',
      'from_suggestion',
    ],
    removed: ['detail'],
  },
  {
    table: 'escalation_outcomes',
    what: 'escalation outcomes',
    kept: ['id', 'escalation_id', 'outcome', 'grade', 'at', 'recorded_by', 'session_id'],
    removed: ['reason'],
  },
  {
    table: 'suggestion_dismissals',
    what: 'dismissed suggestions',
    kept: ['id', 'incident_id', 'rule_ids', 'at', 'recorded_by', 'session_id'],
    removed: ['reason'],
  },
]

/** Migration 12 gives the tables of migrations 9–11 the same path, with this same text. */
export const purgeUpdate = ({ table, what, kept, removed }: RecordTable) => `
DROP TRIGGER ${table}_no_update;
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
WHEN NOT (
  EXISTS (SELECT 1 FROM retention_purge)
  AND ${kept.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ')}
  AND ${removed.map((c) => `(NEW.${c} IS OLD.${c} OR NEW.${c} = '${REMOVED}')`).join(' AND ')}
)
BEGIN
  SELECT RAISE(ABORT, '${what} are append-only: they cannot be changed');
END;`

export const sql = `
ALTER TABLE incidents ADD COLUMN purged_at TEXT;

-- Set only inside a purge's transaction, and deleted before it commits.
CREATE TABLE retention_purge (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started_at TEXT NOT NULL
) STRICT;
${RECORD_TABLES.map(purgeUpdate).join('\n')}
`
