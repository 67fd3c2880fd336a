// Version 3: what the worker records with the safe-contact script: answers (with the script
// version they were given under), where the worker is in the script, risk judgements, referrals
// and contact outcomes. Answers, judgements, referrals and outcomes are evidence, so the
// database refuses to change or remove them (a changed answer is a new row; the latest counts).
// The position is a cursor, not evidence: it moves as the worker moves.
import { appendOnly } from './appendOnly.ts'

export const sql = `
CREATE TABLE script_answers (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  script_id TEXT NOT NULL,
  script_version TEXT NOT NULL,
  question_id TEXT NOT NULL,
  value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 2000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
CREATE INDEX script_answers_by_incident ON script_answers (incident_id, id);
${appendOnly('script_answers', 'script answers')}

CREATE TABLE script_positions (
  incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
  step_id TEXT NOT NULL,
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;

CREATE TABLE risk_judgements (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  high INTEGER NOT NULL CHECK (high IN (0, 1)),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
CREATE INDEX risk_judgements_by_incident ON risk_judgements (incident_id, id);
${appendOnly('risk_judgements', 'risk judgements')}

CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  service TEXT NOT NULL CHECK (service IN ('da-service', 'idva', 'marac', 'refuge', 'housing',
    'childrens-services', 'clares-law-ask', 'clares-law-know', 'other')),
  other_service TEXT CHECK (length(other_service) BETWEEN 1 AND 200),
  decision TEXT NOT NULL CHECK (decision IN ('consented', 'not-consented', 'already-supported',
    'declined')),
  detail TEXT CHECK (length(detail) BETWEEN 1 AND 2000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id),
  -- Only an 'other' service is named, and it must be.
  CHECK ((service = 'other') = (other_service IS NOT NULL)),
  -- Already supported says by whom; declined says why.
  CHECK (decision NOT IN ('already-supported', 'declined') OR detail IS NOT NULL)
) STRICT;
CREATE INDEX referrals_by_incident ON referrals (incident_id, id);
${appendOnly('referrals', 'referrals')}

CREATE TABLE contact_outcomes (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('safety-plan-agreed', 'moved-to-safety',
    'advice-given', 'call-back-arranged', 'declined-support', 'ended-unsafe',
    'could-not-complete')),
  note TEXT CHECK (length(note) BETWEEN 1 AND 2000),
  at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  session_id INTEGER REFERENCES sessions (id)
) STRICT;
CREATE INDEX contact_outcomes_by_incident ON contact_outcomes (incident_id, id);
${appendOnly('contact_outcomes', 'contact outcomes')}
`
