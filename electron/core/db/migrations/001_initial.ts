// Version 1: incidents from the feed (or typed by hand), their history, sessions, the audit log,
// the record of every feed file, and settings.
export const sql = `
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  incident_ref TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
  status TEXT NOT NULL CHECK (status IN ('open', 'assigned', 'attended', 'closed')),
  source TEXT CHECK (source IN ('999', '101', 'online', 'other')),
  summary TEXT NOT NULL,
  address TEXT,
  postcode TEXT,
  caller_role TEXT CHECK (caller_role IN ('victim', 'third-party', 'child', 'other')),
  victim_name TEXT,
  victim_phone TEXT,
  victim_dob TEXT,
  suspect_name TEXT,
  suspect_relationship TEXT,
  flags TEXT NOT NULL,
  extra TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('feed', 'manual')),
  progress TEXT NOT NULL DEFAULT 'new'
    CHECK (progress IN ('new', 'reviewing', 'contacted', 'done')),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE incident_history (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  kind TEXT NOT NULL CHECK (kind IN ('arrival', 'regrade', 'status', 'change')),
  at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  field TEXT NOT NULL,
  from_value TEXT,
  to_value TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('feed', 'manual')),
  via TEXT
) STRICT;
CREATE INDEX incident_history_by_incident ON incident_history (incident_id, kind, id);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  worker_name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  signed_in_at TEXT NOT NULL,
  signed_out_at TEXT
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  incident_id INTEGER REFERENCES incidents (id),
  detail TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_by_incident ON audit_log (incident_id);

CREATE TABLE feed_files (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  path TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('processed', 'quarantined')),
  report TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`
