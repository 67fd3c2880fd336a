// Clare's Law applications raised from an incident, and their status history: raising one and
// every later status change (with support accepted and an IDVA present, where given) are records
// of their own, never changed; the current status is the latest change. The allowed moves are
// checked by the handler (shared/claresLaw.ts) before anything is written.
import { appendOnly } from './appendOnly.ts'

export const sql = `
CREATE TABLE clares_law_applications (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  route TEXT NOT NULL CHECK (route IN ('right-to-ask', 'right-to-know')),
  raised_by TEXT NOT NULL CHECK (raised_by IN ('victim', 'third-party', 'police', 'agency')),
  raised_on TEXT NOT NULL CHECK (raised_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
CREATE INDEX clares_law_applications_by_incident ON clares_law_applications (incident_id, id);
CREATE INDEX clares_law_applications_by_date ON clares_law_applications (raised_on);
${appendOnly('clares_law_applications', 'Clare’s Law applications')}

CREATE TABLE clares_law_status_changes (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES clares_law_applications (id),
  status TEXT NOT NULL CHECK (status IN ('raised', 'under-review', 'disclosure-given',
                                         'no-disclosure', 'withdrawn')),
  support_accepted TEXT CHECK (support_accepted IN ('yes', 'no', 'not-asked')),
  idva_present INTEGER CHECK (idva_present IN (0, 1)),
  note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  CHECK (support_accepted IS NULL OR status IN ('disclosure-given', 'no-disclosure')),
  CHECK (idva_present IS NULL OR status = 'disclosure-given')
) STRICT;
CREATE INDEX clares_law_status_changes_by_application
  ON clares_law_status_changes (application_id, id);
${appendOnly('clares_law_status_changes', 'Clare’s Law status changes')}
`
