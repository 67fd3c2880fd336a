// Version 4: escalations and their lifecycle. Raising, the controller's acknowledgement, a feed
// regrade linked to it and the outcome are each a record of their own, never changed; each
// escalation has at most one of each later step, and an incident has at most one open
// escalation (one without an outcome) at a time. A regrade to a higher grade, from the feed or
// typed by hand, links itself to the incident's open escalation whichever way it arrives (app,
// CLI). Dismissed suggestions are records too. The repeat-call rules look for earlier incidents
// at the same address or for the same victim, typed loosely by different call handlers; the
// indexes hold exactly the loose keys db/escalationQueries.ts compares.
import { appendOnly } from './appendOnly.ts'

export const sql = `
CREATE TABLE escalations (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  raised_at TEXT NOT NULL,
  raised_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  reasons TEXT NOT NULL CHECK (json_valid(reasons) AND json_array_length(reasons) >= 1),
  detail TEXT CHECK (detail IS NULL OR length(detail) BETWEEN 1 AND 2000),
  current_grade INTEGER NOT NULL CHECK (current_grade BETWEEN 1 AND 4),
  recommended_grade INTEGER NOT NULL
    CHECK (recommended_grade BETWEEN 1 AND 4 AND recommended_grade < current_grade),
  from_suggestion TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(from_suggestion))
) STRICT;
CREATE INDEX escalations_by_incident ON escalations (incident_id, id);
CREATE INDEX escalations_by_time ON escalations (raised_at);
${appendOnly('escalations', 'escalations')}

CREATE TABLE escalation_acknowledgements (
  id INTEGER PRIMARY KEY,
  escalation_id INTEGER NOT NULL UNIQUE REFERENCES escalations (id),
  at TEXT NOT NULL,
  controller TEXT NOT NULL CHECK (length(controller) BETWEEN 1 AND 100),
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
${appendOnly('escalation_acknowledgements', 'escalation acknowledgements')}

CREATE TABLE escalation_regrades (
  id INTEGER PRIMARY KEY,
  escalation_id INTEGER NOT NULL UNIQUE REFERENCES escalations (id),
  history_id INTEGER NOT NULL REFERENCES incident_history (id),
  from_grade INTEGER NOT NULL CHECK (from_grade BETWEEN 1 AND 4),
  to_grade INTEGER NOT NULL CHECK (to_grade BETWEEN 1 AND 4 AND to_grade < from_grade),
  at TEXT NOT NULL,
  linked_at TEXT NOT NULL
) STRICT;
${appendOnly('escalation_regrades', 'linked regrades')}

CREATE TABLE escalation_outcomes (
  id INTEGER PRIMARY KEY,
  escalation_id INTEGER NOT NULL UNIQUE REFERENCES escalations (id),
  outcome TEXT NOT NULL
    CHECK (outcome IN ('upgraded', 'not-upgraded', 'already-attended', 'withdrawn')),
  grade INTEGER CHECK (grade IS NULL OR grade BETWEEN 1 AND 4),
  reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  CHECK ((outcome = 'upgraded') = (grade IS NOT NULL)),
  CHECK (outcome NOT IN ('not-upgraded', 'withdrawn') OR reason IS NOT NULL)
) STRICT;
${appendOnly('escalation_outcomes', 'escalation outcomes')}

CREATE TRIGGER escalations_one_open BEFORE INSERT ON escalations
WHEN EXISTS (
  SELECT 1 FROM escalations e
  WHERE e.incident_id = NEW.incident_id
    AND NOT EXISTS (SELECT 1 FROM escalation_outcomes o WHERE o.escalation_id = e.id)
)
BEGIN
  SELECT RAISE(ABORT, 'this incident already has an open escalation');
END;

CREATE TRIGGER escalations_link_regrade AFTER INSERT ON incident_history
WHEN NEW.kind = 'regrade'
  AND CAST(NEW.to_value AS INTEGER) < CAST(NEW.from_value AS INTEGER)
BEGIN
  INSERT INTO escalation_regrades (escalation_id, history_id, from_grade, to_grade, at, linked_at)
  SELECT e.id, NEW.id, CAST(NEW.from_value AS INTEGER), CAST(NEW.to_value AS INTEGER), NEW.at,
    NEW.recorded_at
  FROM escalations e
  WHERE e.incident_id = NEW.incident_id
    AND NOT EXISTS (SELECT 1 FROM escalation_outcomes o WHERE o.escalation_id = e.id)
    AND NOT EXISTS (SELECT 1 FROM escalation_regrades r WHERE r.escalation_id = e.id);
END;

CREATE TABLE suggestion_dismissals (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  rule_ids TEXT NOT NULL CHECK (json_valid(rule_ids) AND json_array_length(rule_ids) >= 1),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
CREATE INDEX suggestion_dismissals_by_incident ON suggestion_dismissals (incident_id, id);
${appendOnly('suggestion_dismissals', 'dismissed suggestions')}

CREATE INDEX incidents_by_address_key ON incidents (
  lower(replace(replace(replace(replace(address, ' ', ''), char(9), ''), char(10), ''),
    char(13), '')),
  received_at);
CREATE INDEX incidents_by_phone_key ON incidents (
  substr(replace(replace(replace(replace(replace(replace(victim_phone, ' ', ''), '-', ''), '(', ''),
    ')', ''), '+', ''), '.', ''), -10),
  received_at);
CREATE INDEX incidents_by_victim_key ON incidents (
  lower(replace(victim_name, ' ', '')), victim_dob, received_at);
`
