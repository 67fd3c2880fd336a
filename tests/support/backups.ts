// Looking at backups and databases from outside, as an administrator would: a file's hash, the
// audit entries of an action, a keyed read of any file, and damage done to a real database file.
import { createHash } from 'node:crypto'
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs'
import type { Db } from '../../electron/core/db/openDatabase.ts'
import { rawDatabase } from './databaseKey.ts'

export const sha256 = (path: string) =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

export const auditOf = (db: Db, action: string) =>
  db
    .prepare<[string], { actor: string; detail: string }>(
      `SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY id`,
    )
    .all(action)
    .map((r) => ({ actor: r.actor, detail: JSON.parse(r.detail) as Record<string, unknown> }))

/** The incident references in a database file, read with the test key. */
export function incidentRefsIn(file: string): string[] {
  const db = rawDatabase(file)
  try {
    return db
      .prepare('SELECT incident_ref FROM incidents ORDER BY incident_ref')
      .pluck()
      .all() as string[]
  } finally {
    db.close()
  }
}

/** Overwrites pages in the middle of the file (never the first), as a failing disk might. */
export function damagePages(file: string, pageSize = 4096): void {
  const pages = Math.floor(statSync(file).size / pageSize)
  if (pages < 6) throw new Error(`${file} has only ${pages} pages: put more in it first`)
  const fd = openSync(file, 'r+')
  try {
    for (const page of [Math.floor(pages / 2), pages - 2]) {
      writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, page * pageSize + 100)
    }
  } finally {
    closeSync(fd)
  }
}
