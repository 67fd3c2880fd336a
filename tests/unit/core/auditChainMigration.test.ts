// The audit-chain migration on a database the version before wrote: the entries already there
// are chained as they stand (gaps left by nothing the app did are kept, not flagged), nothing
// else about them changes, and the next entry follows the latest.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { sql as auditChainSql } from '../../../electron/core/db/migrations/005_audit_chain.ts'
import { deskQueries } from '../../../electron/core/db/deskQueries.ts'
import { verifyAuditChain } from '../../../electron/core/audit/verifyAuditChain.ts'
import { auditEntryHash, GENESIS_HASH } from '../../../electron/core/audit/auditHash.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const CHAIN = migrations.indexOf(auditChainSql)
const COLUMNS = 'id, at, session_id, actor, action, incident_id, detail'

function databaseBeforeTheChain(entries: number[]): string {
  const file = join(tempDir(), 'desk.sqlite')
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, CHAIN))
  db.exec(`INSERT INTO sessions (worker_name, organisation, signed_in_at)
    VALUES ('Jo Example', 'Harbour', '2026-11-21T14:00:00.000Z')`)
  const insert = db.prepare(
    `INSERT INTO audit_log (${COLUMNS}) VALUES (:id, :at, 1, 'Jo Example (Harbour)', :action,
       NULL, :detail)`,
  )
  for (const id of entries) {
    insert.run({
      id,
      at: `2026-11-21T14:0${id}:00.000Z`,
      action: id === 1 ? 'session.signIn' : 'incident.progress',
      detail: JSON.stringify({ n: id, text: 'quotes " and ünïcode' }),
    })
  }
  db.close()
  return file
}

describe('migrating to the audit chain', () => {
  it('chains every existing entry in id order and keeps each exactly as it was', () => {
    const file = databaseBeforeTheChain([1, 2, 3, 5])
    const before = openDatabase(file, TEST_KEY, migrations.slice(0, CHAIN))
    const old = before.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id`).all()
    before.close()

    const db = openDatabase(file, TEST_KEY, migrations.slice(0, CHAIN + 1))
    expect(db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id`).all()).toEqual(old)
    const chained = db
      .prepare(`SELECT ${COLUMNS}, prev_hash, hash FROM audit_log ORDER BY id`)
      .all() as Record<string, string | number | null>[]
    let prev = GENESIS_HASH
    for (const r of chained) {
      expect(r.prev_hash).toBe(prev)
      const entry = {
        id: r.id as number,
        at: r.at as string,
        sessionId: r.session_id as number,
        actor: r.actor as string,
        action: r.action as string,
        incidentId: r.incident_id as null,
        detail: r.detail as string,
      }
      expect(r.hash).toBe(auditEntryHash(prev, entry))
      prev = r.hash as string
    }
    expect(verifyAuditChain(db)).toEqual({ intact: true, entries: 4, firstBad: null })
    expect(db.prepare(`SELECT last_id, last_at, last_hash FROM audit_head`).get()).toEqual({
      last_id: 5,
      last_at: '2026-11-21T14:05:00.000Z',
      last_hash: prev,
    })

    deskQueries(db).audit({
      at: '2026-11-21T18:00:00.000Z',
      sessionId: null,
      actor: 'system',
      action: 'test',
      incidentId: null,
      detail: {},
    })
    expect(
      db.prepare(`SELECT id, prev_hash FROM audit_log ORDER BY id DESC LIMIT 1`).get(),
    ).toEqual({ id: 6, prev_hash: prev })
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, entries: 5 })
    db.close()
  })

  it('starts an empty log at the beginning of the chain', () => {
    const db = openDatabase(databaseBeforeTheChain([]), TEST_KEY, migrations.slice(0, CHAIN + 1))
    expect(db.prepare(`SELECT last_id, last_at, last_hash FROM audit_head`).get()).toEqual({
      last_id: 0,
      last_at: null,
      last_hash: GENESIS_HASH,
    })
    expect(verifyAuditChain(db)).toEqual({ intact: true, entries: 0, firstBad: null })
    db.close()
  })
})
