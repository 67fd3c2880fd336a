// Audit chain: every audit entry carries the hash of the entry before it and its own hash
// (audit_entry_hash, registered by openDatabase: SHA-256 over the previous hash and the entry),
// so a changed, deleted or reordered entry is detected. Entries already written are chained here,
// in id order. audit_head remembers the latest entry, so removing entries from the end is
// detected too, and the database refuses to change or delete an entry.
import { GENESIS_HASH } from '../../audit/auditHash.ts'

const refuse = (table: string, event: 'UPDATE' | 'DELETE', what: string) => `
CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${what}');
END;`

export const sql = `
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';

WITH RECURSIVE chain (id, prev_hash, hash) AS (
  SELECT 0, NULL, '${GENESIS_HASH}'
  UNION ALL
  SELECT a.id, chain.hash,
    audit_entry_hash(chain.hash, a.id, a.at, a.session_id, a.actor, a.action, a.incident_id,
      a.detail)
  FROM chain JOIN audit_log AS a ON a.id = (SELECT min(id) FROM audit_log WHERE id > chain.id)
)
UPDATE audit_log SET prev_hash = chain.prev_hash, hash = chain.hash
FROM chain WHERE audit_log.id = chain.id;

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL,
  last_at TEXT,
  last_hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, last_id, last_at, last_hash)
SELECT 1, id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1;
INSERT OR IGNORE INTO audit_head (id, last_id, last_at, last_hash)
VALUES (1, 0, NULL, '${GENESIS_HASH}');

-- The head moves with every new entry; REPLACE does not fire the head's own triggers.
CREATE TRIGGER audit_log_moves_head AFTER INSERT ON audit_log
BEGIN
  INSERT OR REPLACE INTO audit_head (id, last_id, last_at, last_hash)
  VALUES (1, NEW.id, NEW.at, NEW.hash);
END;
${refuse('audit_log', 'UPDATE', 'audit entries are append-only: they cannot be changed')}
${refuse('audit_log', 'DELETE', 'audit entries are append-only: they cannot be deleted')}
-- INSERT OR REPLACE would delete the old entry without firing the delete trigger.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'audit entries are append-only: they cannot be replaced');
END;
${refuse('audit_head', 'UPDATE', 'the latest audit entry is moved only by a new entry')}
${refuse('audit_head', 'DELETE', 'the latest audit entry is moved only by a new entry')}
`
