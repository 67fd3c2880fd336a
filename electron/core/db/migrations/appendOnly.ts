// The triggers that make a table of the worker's records append-only: evidence is never changed,
// removed or replaced; a correction is a new row. The SQL a migration emits with this must never
// change once released, so this text is frozen like the migrations that use it.
export const appendOnly = (table: string, what: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${what} are append-only: they cannot be changed');
END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${what} are append-only: they cannot be deleted');
END;
-- INSERT OR REPLACE deletes the old row without firing delete triggers (recursive_triggers is
-- off by default), so a second row with the same id is refused before it gets that far.
CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM ${table} WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, '${what} are append-only: they cannot be replaced');
END;`
