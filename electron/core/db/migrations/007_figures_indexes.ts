// Version 7: indexes for a long period's figures (a busy year is 50,000 incidents and half a
// million records). The database is encrypted page by page, so what a query costs is mostly the
// pages it reads: the figures now read small covering indexes instead of the tables. Each one
// replaces, or adds to, what version 6 made for the same query.
export const sql = `
-- Risk at the end of a shift: the latest answer to each question, with its value, read from the
-- index alone (the table itself is as large again).
DROP INDEX script_answers_latest;
CREATE INDEX script_answers_by_question
  ON script_answers (incident_id, script_id, script_version, question_id, id, at, value);

-- The first attempt that spoke to the victim, with the session and time that place it in a shift.
DROP INDEX contact_attempts_spoke;
CREATE INDEX contact_attempts_first_spoke ON contact_attempts (incident_id, id, session_id, at)
  WHERE result = 'spoke-to-victim';

-- When each call came in, for the medians, without reading the incidents' rows.
CREATE INDEX incidents_received ON incidents (id, received_at);
`
