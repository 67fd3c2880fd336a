// Version 2: the worker's own records on an incident: contact attempts, rapport notes (with
// amendments and action owners), when an action was done, and the note being typed. Attempts,
// notes and done-marks are evidence, so the database itself refuses to change or remove them:
// a correction is a new note that amends the old one. Drafts are not records and may change.
const appendOnly = (table: string, key: string, what: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${what} are append-only: they cannot be changed');
END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${what} are append-only: they cannot be deleted');
END;
-- INSERT OR REPLACE deletes the old row without firing delete triggers (recursive_triggers is
-- off by default), so a second row with the same key is refused before it gets that far.
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${key} = NEW.${key})
BEGIN
  SELECT RAISE(ABORT, '${what} are append-only: they cannot be replaced');
END;`

export const sql = `
CREATE TABLE contact_attempts (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  at TEXT NOT NULL,
  number TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('spoke-to-victim', 'no-answer', 'engaged',
    'wrong-number', 'call-dropped', 'unsafe-to-talk', 'declined', 'spoke-to-third-party')),
  call_back_at TEXT,
  note TEXT,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
-- Serves the queue's count, latest attempt and call-back per incident.
CREATE INDEX contact_attempts_by_incident ON contact_attempts (incident_id, id);
${appendOnly('contact_attempts', 'id', 'contact attempts')}

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
  tags TEXT NOT NULL CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  action_owner TEXT CHECK (action_owner IN ('police', 'support-service', 'next-shift')),
  amends INTEGER REFERENCES notes (id),
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
CREATE INDEX notes_by_incident ON notes (incident_id, id);
${appendOnly('notes', 'id', 'notes')}
CREATE TRIGGER notes_amend_same_incident BEFORE INSERT ON notes
WHEN NEW.amends IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM notes WHERE id = NEW.amends AND incident_id = NEW.incident_id)
BEGIN
  SELECT RAISE(ABORT, 'a note can only amend a note on the same incident');
END;
CREATE TRIGGER notes_action_has_owner BEFORE INSERT ON notes
WHEN (NEW.action_owner IS NOT NULL)
  <> EXISTS (SELECT 1 FROM json_each(NEW.tags) WHERE value = 'action')
BEGIN
  SELECT RAISE(ABORT, 'an action note needs an owner, and only an action note has one');
END;

-- Kept apart from the note, so marking an action done never changes the note.
CREATE TABLE note_action_done (
  note_id INTEGER PRIMARY KEY REFERENCES notes (id),
  at TEXT NOT NULL,
  done_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
${appendOnly('note_action_done', 'note_id', 'done actions')}

-- One unfiled note per worker per incident, saved as it is typed.
CREATE TABLE note_drafts (
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  tags TEXT NOT NULL CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  action_owner TEXT CHECK (action_owner IN ('police', 'support-service', 'next-shift')),
  amends INTEGER REFERENCES notes (id),
  saved_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, author)
) STRICT;
`
