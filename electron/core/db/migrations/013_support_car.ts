// The DA support car: incidents tasked to the car (with a reason and a priority), how each tasking
// ended (stood down with a reason, or completed by a visit), the visits the crew made, which of
// the incident's referrals a visit made (the referral itself is an ordinary referrals row, so it
// is counted once), and the car's crew added to a shift. All of it is the worker's evidence:
// append-only, with the retention policy's one controlled path (as migration 8 gives the other
// record tables) to turn personal text into the removal text.
import { appendOnly } from './appendOnly.ts'

/** The text a purge writes (migration 8's); never changes. */
const REMOVED = 'Removed under the retention policy'

/** Replaces appendOnly's update trigger with one that lets a retention purge blank `removed`. */
const purgeable = (table: string, what: string, kept: string[], removed: string[]) => `
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
CREATE TABLE support_car_taskings (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  priority TEXT NOT NULL CHECK (priority IN ('urgent', 'high', 'routine')),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
CREATE INDEX support_car_taskings_by_incident ON support_car_taskings (incident_id, id);
${appendOnly('support_car_taskings', 'support car taskings')}
${purgeable(
  'support_car_taskings',
  'support car taskings',
  ['id', 'incident_id', 'priority', 'at', 'recorded_by', 'session_id'],
  ['reason'],
)}

CREATE TABLE support_car_visits (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  tasking_id INTEGER NOT NULL REFERENCES support_car_taskings (id),
  visited_at TEXT NOT NULL,
  officer TEXT CHECK (officer IS NULL OR length(officer) BETWEEN 1 AND 100),
  idva TEXT CHECK (idva IS NULL OR length(idva) BETWEEN 1 AND 100),
  victim_engaged INTEGER NOT NULL CHECK (victim_engaged IN (0, 1)),
  safety_plan_agreed INTEGER NOT NULL CHECK (safety_plan_agreed IN (0, 1)),
  moved_to_safety INTEGER NOT NULL CHECK (moved_to_safety IN (0, 1)),
  disclosure_given INTEGER NOT NULL CHECK (disclosure_given IN (0, 1)),
  notes TEXT CHECK (notes IS NULL OR length(notes) BETWEEN 1 AND 4000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  CHECK (officer IS NOT NULL OR idva IS NOT NULL)
) STRICT;
CREATE INDEX support_car_visits_by_incident ON support_car_visits (incident_id, id);
CREATE INDEX support_car_visits_by_time ON support_car_visits (visited_at);
CREATE TRIGGER support_car_visits_same_incident BEFORE INSERT ON support_car_visits
WHEN NOT EXISTS (SELECT 1 FROM support_car_taskings t
                 WHERE t.id = NEW.tasking_id AND t.incident_id = NEW.incident_id)
BEGIN
  SELECT RAISE(ABORT, 'a visit belongs to a tasking of the same incident');
END;
${appendOnly('support_car_visits', 'support car visits')}
${purgeable(
  'support_car_visits',
  'support car visits',
  [
    'id',
    'incident_id',
    'tasking_id',
    'visited_at',
    'officer',
    'idva',
    'victim_engaged',
    'safety_plan_agreed',
    'moved_to_safety',
    'disclosure_given',
    'at',
    'recorded_by',
    'session_id',
  ],
  ['notes'],
)}

-- A tasking ends once: stood down (with why) or completed (by the visit that completed it).
CREATE TABLE support_car_tasking_closures (
  id INTEGER PRIMARY KEY,
  tasking_id INTEGER NOT NULL UNIQUE REFERENCES support_car_taskings (id),
  kind TEXT NOT NULL CHECK (kind IN ('stood-down', 'completed')),
  reason TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
  visit_id INTEGER UNIQUE REFERENCES support_car_visits (id),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  CHECK ((kind = 'stood-down') = (reason IS NOT NULL)),
  CHECK ((kind = 'completed') = (visit_id IS NOT NULL))
) STRICT;
${appendOnly('support_car_tasking_closures', 'support car tasking closures')}
${purgeable(
  'support_car_tasking_closures',
  'support car tasking closures',
  ['id', 'tasking_id', 'kind', 'visit_id', 'at', 'recorded_by', 'session_id'],
  ['reason'],
)}

CREATE TRIGGER support_car_taskings_one_open BEFORE INSERT ON support_car_taskings
WHEN EXISTS (
  SELECT 1 FROM support_car_taskings t
  WHERE t.incident_id = NEW.incident_id
    AND NOT EXISTS (SELECT 1 FROM support_car_tasking_closures c WHERE c.tasking_id = t.id)
)
BEGIN
  SELECT RAISE(ABORT, 'this incident is already on the support car''s list');
END;
CREATE TRIGGER support_car_visits_open_tasking BEFORE INSERT ON support_car_visits
WHEN EXISTS (SELECT 1 FROM support_car_tasking_closures c WHERE c.tasking_id = NEW.tasking_id)
BEGIN
  SELECT RAISE(ABORT, 'a visit cannot be recorded on a tasking that has ended');
END;

-- The referrals a visit made: the referral is the incident's own referrals row.
CREATE TABLE support_car_visit_referrals (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES support_car_visits (id),
  referral_id INTEGER NOT NULL UNIQUE REFERENCES referrals (id)
) STRICT;
CREATE INDEX support_car_visit_referrals_by_visit ON support_car_visit_referrals (visit_id);
${appendOnly('support_car_visit_referrals', 'support car visit referrals')}

-- The car's crew working with a shift, so its handover lists them among the workers.
CREATE TABLE shift_crew (
  id INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES shifts (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  role TEXT NOT NULL CHECK (role IN ('officer', 'idva')),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  UNIQUE (shift_id, name, role)
) STRICT;
${appendOnly('shift_crew', 'shift crew')}
`
