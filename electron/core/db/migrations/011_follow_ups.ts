// Follow-up calls to medium-risk victims about six weeks after the contact. Scheduling, each call
// and each answer to the follow-up script is a record of its own, never changed. A follow-up is
// closed by one closure record (completed, cancelled or rescheduled — a reschedule is a new
// follow-up pointing at the one it replaces), and an incident has at most one open follow-up.
// Answers are kept apart from the first contact's script answers, so neither mixes into the
// other's risk count.
import { appendOnly } from './appendOnly.ts'

const DATE = `GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`

export const sql = `
CREATE TABLE follow_ups (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  due_on TEXT NOT NULL CHECK (due_on ${DATE}),
  risk_level TEXT NOT NULL CHECK (risk_level IN ('standard', 'medium', 'high')),
  reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
  replaces INTEGER UNIQUE REFERENCES follow_ups (id),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
CREATE INDEX follow_ups_by_incident ON follow_ups (incident_id, id);
${appendOnly('follow_ups', 'follow-ups')}

CREATE TABLE follow_up_closures (
  id INTEGER PRIMARY KEY,
  follow_up_id INTEGER NOT NULL UNIQUE REFERENCES follow_ups (id),
  kind TEXT NOT NULL CHECK (kind IN ('completed', 'cancelled', 'rescheduled')),
  reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  CHECK (kind = 'completed' OR reason IS NOT NULL)
) STRICT;
${appendOnly('follow_up_closures', 'follow-up closures')}

CREATE TRIGGER follow_ups_one_open BEFORE INSERT ON follow_ups
WHEN EXISTS (
  SELECT 1 FROM follow_ups f
  WHERE f.incident_id = NEW.incident_id
    AND NOT EXISTS (SELECT 1 FROM follow_up_closures c WHERE c.follow_up_id = f.id)
)
BEGIN
  SELECT RAISE(ABORT, 'this incident already has an open follow-up');
END;

CREATE TABLE follow_up_calls (
  id INTEGER PRIMARY KEY,
  follow_up_id INTEGER NOT NULL REFERENCES follow_ups (id),
  outcome TEXT NOT NULL CHECK (outcome IN
    ('reached-supported', 'reached-declined', 'not-reached', 'not-safe', 'wrong-number')),
  try_again_on TEXT CHECK (try_again_on IS NULL OR try_again_on ${DATE}),
  note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  CHECK ((outcome IN ('not-reached', 'not-safe')) = (try_again_on IS NOT NULL))
) STRICT;
CREATE INDEX follow_up_calls_by_follow_up ON follow_up_calls (follow_up_id, id);
CREATE INDEX follow_up_calls_by_time ON follow_up_calls (at);
${appendOnly('follow_up_calls', 'follow-up calls')}

CREATE TABLE follow_up_answers (
  id INTEGER PRIMARY KEY,
  follow_up_id INTEGER NOT NULL REFERENCES follow_ups (id),
  script_id TEXT NOT NULL,
  script_version TEXT NOT NULL,
  question_id TEXT NOT NULL,
  value TEXT NOT NULL CHECK (length(value) <= 2000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
CREATE INDEX follow_up_answers_by_follow_up ON follow_up_answers (follow_up_id, id);
${appendOnly('follow_up_answers', 'follow-up answers')}
`
