// Version 5: shifts and handovers. A shift has a start, an end (set once, by the hand over or
// when an abandoned shift is closed) and the sessions of the workers who signed in to it; at
// most one shift is open at a time. A handover export is a record, never changed, and so is the
// mark on each incident it handed over. Sessions from before shifts were recorded get a shift
// each, so every record the workers made belongs to a shift and the figures add up.
import { appendOnly } from './appendOnly.ts'

export const sql = `
CREATE TABLE shifts (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  ended_at TEXT CHECK (ended_at IS NULL OR ended_at >= started_at),
  handed_over_by TEXT CHECK (handed_over_by IS NULL OR length(handed_over_by) >= 1),
  CHECK (handed_over_by IS NULL OR ended_at IS NOT NULL)
) STRICT;
CREATE INDEX shifts_by_start ON shifts (started_at);
CREATE UNIQUE INDEX shifts_one_open ON shifts ((1)) WHERE ended_at IS NULL;
CREATE TRIGGER shifts_end_once BEFORE UPDATE ON shifts
WHEN OLD.ended_at IS NOT NULL OR NEW.started_at IS NOT OLD.started_at OR NEW.id IS NOT OLD.id
BEGIN
  SELECT RAISE(ABORT, 'a shift that has ended cannot be changed, and its start never can');
END;
CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
BEGIN
  SELECT RAISE(ABORT, 'shifts cannot be deleted');
END;

CREATE TABLE shift_sessions (
  session_id INTEGER PRIMARY KEY REFERENCES sessions (id),
  shift_id INTEGER NOT NULL REFERENCES shifts (id)
) STRICT;
CREATE INDEX shift_sessions_by_shift ON shift_sessions (shift_id);

-- Which shift a record belongs to is found through its session; the audit log by session is how
-- the incidents a shift touched are found. These indexes cover what the figures read, so a
-- year's figures come from the indexes alone.
CREATE INDEX audit_log_by_session ON audit_log (session_id, at, incident_id);
CREATE INDEX contact_attempts_by_session ON contact_attempts (session_id, at, result, incident_id);
CREATE INDEX contact_attempts_spoke ON contact_attempts (incident_id, id)
  WHERE result = 'spoke-to-victim';
CREATE INDEX referrals_by_session ON referrals (session_id, at, service, decision, incident_id);
CREATE INDEX script_answers_latest
  ON script_answers (incident_id, question_id, script_id, script_version, id, at);
-- Outstanding actions are carried from shift to shift until done: every handover lists them.
CREATE INDEX notes_actions ON notes (id) WHERE action_owner IS NOT NULL;

INSERT INTO shifts (id, started_at, ended_at)
SELECT s.id, s.signed_in_at,
  max(s.signed_in_at, coalesce(s.signed_out_at,
    (SELECT max(a.at) FROM audit_log a WHERE a.session_id = s.id), s.signed_in_at))
FROM sessions s ORDER BY s.id;
INSERT INTO shift_sessions (session_id, shift_id) SELECT id, id FROM sessions;

CREATE TABLE handover_exports (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('shift', 'period')),
  shift_id INTEGER REFERENCES shifts (id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  statistics_only INTEGER NOT NULL CHECK (statistics_only IN (0, 1)),
  hands_over INTEGER NOT NULL CHECK (hands_over IN (0, 1)),
  folder TEXT NOT NULL,
  manifest TEXT NOT NULL CHECK (json_valid(manifest)),
  exported_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  CHECK ((scope = 'shift') = (shift_id IS NOT NULL)),
  CHECK (hands_over = 0 OR scope = 'shift')
) STRICT;
${appendOnly('handover_exports', 'handover exports')}

CREATE TABLE handed_over_incidents (
  id INTEGER PRIMARY KEY,
  export_id INTEGER NOT NULL REFERENCES handover_exports (id),
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  at TEXT NOT NULL,
  UNIQUE (export_id, incident_id)
) STRICT;
CREATE INDEX handed_over_incidents_by_incident ON handed_over_incidents (incident_id, at);
${appendOnly('handed_over_incidents', 'handover marks')}
`
