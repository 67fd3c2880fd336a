// Repeat victims and addresses: the worker's word that an earlier incident matched by address
// (or by the victim's phone, or name and date of birth) is not the same place (or person). Each
// is a record of its own, never changed or removed, and final: one per pair and kind. The
// repeat-call rules and the queue's repeat mark leave dismissed pairs out.
import { appendOnly } from './appendOnly.ts'

export const sql = `
CREATE TABLE repeat_dismissals (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  earlier_id INTEGER NOT NULL REFERENCES incidents (id),
  kind TEXT NOT NULL CHECK (kind IN ('address', 'victim')),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  CHECK (earlier_id <> incident_id),
  UNIQUE (incident_id, earlier_id, kind)
) STRICT;
${appendOnly('repeat_dismissals', 'dismissed repeat matches')}
`
