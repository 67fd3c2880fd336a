// The audit log as a hash chain, on a real database file: what the desk records, and how a
// change made behind its back (raw SQL, as someone with the file and the key could) is found
// and named, both by the check and by the desk at start-up.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.ts'
import { verifyAuditChain } from '../../../electron/core/audit/verifyAuditChain.ts'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { dropFeedFile } from '../../../electron/demo/syntheticIncidents.ts'
import { addIncident, closeDesk, must, signIn, testDesk } from '../../support/desk.ts'
import { rawDatabase, TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

/** A shift's worth of entries, each a minute apart; the desk is closed and the file returned. */
async function shift(): Promise<{ dataDir: string; file: string }> {
  const d = testDesk()
  let minute = 0
  const tick = () => d.setTime(`2026-11-21T18:${String(minute++).padStart(2, '0')}:00Z`)
  tick()
  await signIn(d)
  tick()
  await must(d, 'incidents.list', {})
  tick()
  const id = await addIncident(d)
  tick()
  await must(d, 'incidents.get', { id })
  tick()
  await must(d, 'notes.add', {
    incidentId: id,
    text: 'Spoke briefly; victim will call back.',
    tags: [],
    actionOwner: null,
    amends: null,
  })
  tick()
  await must(d, 'feed.quarantined', {})
  tick()
  await must(d, 'session.signOut', {})
  await closeDesk(d)
  return { dataDir: d.dataDir, file: join(d.dataDir, 'da-desk.sqlite') }
}

type Row = { id: number; at: string; action: string; prev_hash: string; hash: string }
const entries = (file: string): Row[] => {
  const db = rawDatabase(file)
  const rows = db
    .prepare(`SELECT id, at, action, prev_hash, hash FROM audit_log ORDER BY id`)
    .all() as Row[]
  db.close()
  return rows
}

/** Raw SQL on the file, past the triggers that refuse it, as a determined person would. */
function tamper(file: string, sql: string): void {
  const db = rawDatabase(file)
  db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
    DROP TRIGGER audit_head_no_update; ${sql}`)
  db.close()
}

function check(file: string) {
  const db = openDatabase(file, TEST_KEY)
  try {
    return verifyAuditChain(db)
  } finally {
    db.close()
  }
}

describe('the audit log', () => {
  it('records sign-in, the queue and incident views, changes and sign-out, each chained to the last', async () => {
    const { file } = await shift()
    const rows = entries(file)
    expect(rows.map((r) => r.action)).toEqual([
      'session.signIn',
      'shift.start',
      'queue.view',
      'incident.addManual',
      'incident.view',
      'note.add',
      'incident.progress',
      'quarantine.view',
      'session.signOut',
    ])
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64))
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash)
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length)
    expect(check(file)).toEqual({ intact: true, entries: 9, firstBad: null })
  })

  it('records the end of a session when DA Desk closes, or another worker signs in', async () => {
    const d = testDesk()
    await signIn(d, 'Jo Example')
    await signIn(d, 'Sam Example')
    await closeDesk(d)
    const db = rawDatabase(join(d.dataDir, 'da-desk.sqlite'))
    expect(db.prepare(`SELECT actor, action, detail FROM audit_log ORDER BY id`).all()).toEqual([
      { actor: 'Jo Example (Harbour)', action: 'session.signIn', detail: '{}' },
      { actor: 'Jo Example (Harbour)', action: 'shift.start', detail: '{"shiftId":1}' },
      {
        actor: 'Jo Example (Harbour)',
        action: 'session.signOut',
        detail: '{"reason":"another sign-in"}',
      },
      { actor: 'Sam Example (Harbour)', action: 'session.signIn', detail: '{}' },
      { actor: 'Sam Example (Harbour)', action: 'shift.join', detail: '{"shiftId":1}' },
      {
        actor: 'Sam Example (Harbour)',
        action: 'session.signOut',
        detail: '{"reason":"DA Desk closed"}',
      },
    ])
    db.close()
  })

  it('records each feed file as the feed’s work, not the worker’s', async () => {
    const dataDir = tempDir()
    const desk = openDesk({ dataDir, key: TEST_KEY, settleMs: 100 })
    await desk.handlers['session.signIn']({
      workerName: 'Jo Example',
      organisation: 'Harbour',
      pin: '2468',
    })
    dropFeedFile(
      desk.inboxDir(),
      'one.json',
      JSON.stringify({
        incidentRef: 'CL-1',
        receivedAt: '2026-11-21T15:00:00Z',
        grade: 2,
        summary: 'x',
      }),
    )
    const deadline = Date.now() + 10_000
    const fed = () =>
      desk.db
        .prepare(`SELECT actor, session_id, detail FROM audit_log WHERE action = 'feed.file'`)
        .get()
    while (!fed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
    expect(fed()).toEqual({
      actor: 'feed',
      session_id: null,
      detail: '{"file":"one.json","outcome":"processed","accepted":1,"updated":0,"rejected":0}',
    })
    await desk.close()
  })

  it('cannot be changed or deleted through SQL while its triggers stand', async () => {
    const { file } = await shift()
    const db = rawDatabase(file)
    expect(() => db.exec(`UPDATE audit_log SET detail = '{}' WHERE id = 3`)).toThrow(
      /append-only: they cannot be changed/,
    )
    expect(() => db.exec(`DELETE FROM audit_log WHERE id = 8`)).toThrow(/cannot be deleted/)
    expect(() => db.exec(`DELETE FROM audit_head`)).toThrow(/moved only by a new entry/)
    db.close()
    expect(check(file).intact).toBe(true)
  })

  it('names an entry whose detail was changed', async () => {
    const { file } = await shift()
    const at = entries(file)[2]!.at
    tamper(file, `UPDATE audit_log SET detail = '{"incidentRef":"CL-OTHER"}' WHERE id = 3`)
    expect(check(file)).toEqual({
      intact: false,
      entries: 3,
      firstBad: { id: 3, at, problem: 'it was changed after it was written' },
    })
  })

  it('names a deleted entry by its number', async () => {
    const { file } = await shift()
    tamper(file, `DELETE FROM audit_log WHERE id = 4`)
    expect(check(file).firstBad).toEqual({
      id: 4,
      at: null,
      problem: 'it is missing: entry 5 now follows entry 3, and does not follow on from it',
    })
  })

  it('names a deleted first entry', async () => {
    const { file } = await shift()
    tamper(file, `DELETE FROM audit_log WHERE id = 1`)
    expect(check(file).firstBad).toMatchObject({ id: 1, at: null, problem: /it is missing/ })
  })

  it('names the first of two entries whose order was swapped', async () => {
    const { file } = await shift()
    const at3 = entries(file)[2]!.at
    tamper(
      file,
      `UPDATE audit_log SET id = 1000 WHERE id = 2;
       UPDATE audit_log SET id = 2 WHERE id = 3;
       UPDATE audit_log SET id = 3 WHERE id = 1000;`,
    )
    expect(check(file).firstBad).toEqual({
      id: 2,
      at: at3,
      problem:
        'it does not follow on from the entry before it: entries were reordered, or one before ' +
        'it was changed',
    })
  })

  it('names the latest entry when it was deleted', async () => {
    const { file } = await shift()
    const latest = entries(file)[8]!
    tamper(file, `DELETE FROM audit_log WHERE id = 9`)
    expect(check(file)).toEqual({
      intact: false,
      entries: 8,
      firstBad: {
        id: 9,
        at: latest.at,
        problem:
          'it is missing: the log ends at entry 8, but entry 9 was the latest written, so the ' +
          'latest entries were deleted',
      },
    })
  })

  it('names an entry that was rewritten with a hash of its own making', async () => {
    const { file } = await shift()
    // Someone with the key and the hash recipe rewrites entry 3 consistently with itself...
    const db = openDatabase(file, TEST_KEY)
    db.exec(`DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET detail = '{}',
        hash = audit_entry_hash(prev_hash, id, at, session_id, actor, action, incident_id, '{}')
      WHERE id = 3;`)
    db.close()
    // ...but the next entry still points at the hash it had.
    expect(check(file).firstBad).toMatchObject({ id: 4, problem: /does not follow on/ })
  })

  it('is checked when the desk starts, which says where it broke and still records new work', async () => {
    const { dataDir, file } = await shift()
    const at = entries(file)[2]!.at
    tamper(file, `UPDATE audit_log SET actor = 'Someone Else (Harbour)' WHERE id = 3`)
    const d = testDesk(dataDir)
    await signIn(d)
    expect(await must(d, 'audit.status', {})).toEqual({
      intact: false,
      entries: 3,
      firstBad: { id: 3, at, problem: 'it was changed after it was written' },
    })
    // Signing in again joins the shift left open.
    expect(entries(file).at(-1)).toMatchObject({ id: 11, action: 'shift.join' })
  })

  it('reports an intact log to the signed-in worker, and nothing to anyone else', async () => {
    const { dataDir } = await shift()
    const d = testDesk(dataDir)
    expect(await d.handlers['audit.status']({})).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    })
    await signIn(d)
    expect(await must(d, 'audit.status', {})).toEqual({ intact: true, entries: 9, firstBad: null })
  })
})
