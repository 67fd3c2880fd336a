// The retention purge over the records of migrations 9–11: a dismissed repeat match's reason,
// the notes on a Clare's Law application's status changes, and a follow-up's reason, call
// notes, free-text answers and cancel reason are removed, while every structured fact (status,
// support, IDVA, days due, outcomes, yes/no answers) and the figures stay exactly as they were;
// an incident with a Clare's Law application awaiting a decision or a follow-up still to make
// is kept, and the preview says why.
import { describe, expect, test } from 'vitest'
import type { Db } from '../../../electron/core/db/openDatabase.ts'
import { claresLawQueries } from '../../../electron/core/db/claresLawQueries.ts'
import { REMOVED_TEXT } from '../../../shared/retention.ts'
import { must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { addIncident } from '../../support/handoverShift.ts'
import { tempDir } from '../../support/tempDir.ts'

const DAY = '2025-01-11'
const LATER = '2026-06-01T12:00:00.000Z'
const PERIOD = { from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' }
const ADDRESS = { address: '3 Same Road, Hartlepool', postcode: 'TS24 3SR' }

/** The free text typed on the incidents that become due. */
const REMOVED = [
  'Different flat: Fran Flatmate lives upstairs',
  'Asked about Gary Partner',
  'Police checking Gary',
  'Told Fran about Gary’s record',
  'Fran asked for a call after court',
  'Gary moved to Leeds',
  'Fran’s mum answered',
  'Fran moved to Wales',
]
/** The free text typed on the incidents kept for open work. */
const KEPT = ['Rita raised it herself', 'Sol asked for a call']

/** Tables whose rows hold `text` anywhere, as "table.column". */
function findText(db: Db, text: string): string[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`)
    .pluck()
    .all() as string[]
  return tables.flatMap((table) =>
    (db.prepare(`SELECT name FROM pragma_table_info(:table)`).pluck().all({ table }) as string[])
      .filter(
        (column) =>
          (db
            .prepare(
              `SELECT count(*) FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), :text) > 0`,
            )
            .pluck()
            .get({ text }) as number) > 0,
      )
      .map((column) => `${table}.${column}`),
  )
}

async function workNewerRecords(d: TestDesk) {
  const t = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`
  d.setTime(t('14:00'))
  await signIn(d, 'Jo Example', 'Harbour')
  const earlier = await addIncident(d, 'CL-N-P', t('13:00'), 3, { location: ADDRESS })
  const q = await addIncident(d, 'CL-N-Q', t('13:30'), 2, {
    victim: { name: 'Fran Example', phone: '07700 900777' },
    location: ADDRESS,
  })
  d.setTime(t('14:10'))
  await must(d, 'repeats.dismiss', {
    incidentId: q,
    earlierId: earlier,
    kind: 'address',
    reason: 'Different flat: Fran Flatmate lives upstairs',
  })
  const application = await must(d, 'claresLaw.raise', {
    incidentId: q,
    route: 'right-to-ask',
    raisedBy: 'victim',
    raisedOn: DAY,
    note: 'Asked about Gary Partner',
  })
  const move = (status: string, note: string, support: string | null, idva: boolean | null) =>
    must(d, 'claresLaw.updateStatus', {
      applicationId: application.id,
      status,
      supportAccepted: support,
      idvaPresent: idva,
      note,
    })
  await move('under-review', 'Police checking Gary', null, null)
  await move('disclosure-given', 'Told Fran about Gary’s record', 'yes', true)
  const followUp = await must(d, 'followUps.schedule', {
    incidentId: q,
    dueOn: '2025-01-20',
    reason: 'Fran asked for a call after court',
  })
  for (const [questionId, value] of [
    ['update-given', 'yes'],
    ['update-notes', 'Gary moved to Leeds'],
  ]) {
    await must(d, 'followUps.answer', {
      followUpId: followUp.id,
      scriptVersion: '1',
      questionId,
      value,
    })
  }
  await must(d, 'followUps.recordCall', {
    followUpId: followUp.id,
    outcome: 'not-reached',
    tryAgainOn: '2025-01-21',
    note: 'Fran’s mum answered',
  })
  await must(d, 'followUps.cancel', { followUpId: followUp.id, reason: 'Fran moved to Wales' })

  // Still open: an application police have not decided, and a follow-up not yet made.
  const r = await addIncident(d, 'CL-N-R', t('14:20'), 3)
  await must(d, 'claresLaw.raise', {
    incidentId: r,
    route: 'right-to-know',
    raisedBy: 'agency',
    raisedOn: DAY,
    note: 'Rita raised it herself',
  })
  const s = await addIncident(d, 'CL-N-S', t('14:25'), 3)
  await must(d, 'followUps.schedule', {
    incidentId: s,
    dueOn: '2025-01-25',
    reason: 'Sol asked for a call',
  })
  d.setTime(t('21:30'))
  await must(d, 'shift.handOver', { formats: ['json'], statsOnly: false, outDir: tempDir() })
  return { earlier, q, r, s, applicationId: application.id, followUpId: followUp.id }
}

describe('retention of the newer records', () => {
  test('keeps an incident with a Clare’s Law application awaiting a decision or a follow-up still to make, saying why', async () => {
    const d = testDesk()
    await workNewerRecords(d)
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    const preview = await must(d, 'retention.preview', {})
    expect(preview.due.map((i) => i.incidentRef)).toEqual(['CL-N-P', 'CL-N-Q'])
    expect(preview.kept.map((i) => [i.incidentRef, i.reasons])).toEqual([
      ['CL-N-R', ['open-clares-law']],
      ['CL-N-S', ['open-follow-up']],
    ])
  })

  test('counts the newer records as activity: a later follow-up call keeps the incident', async () => {
    const d = testDesk()
    const { s } = await workNewerRecords(d)
    d.setTime('2026-01-10T10:00:00.000Z')
    await signIn(d, 'Nia Night', 'Harbour')
    const [open] = await must(d, 'followUps.ofIncident', { incidentId: s })
    await must(d, 'followUps.recordCall', {
      followUpId: open!.id,
      outcome: 'wrong-number',
      tryAgainOn: null,
      note: null,
    })
    d.setTime(LATER)
    const preview = await must(d, 'retention.preview', {})
    expect(preview.due.map((i) => i.incidentRef)).toEqual(['CL-N-P', 'CL-N-Q'])
    expect(preview.kept.map((i) => i.incidentRef)).toEqual(['CL-N-R'])
  })

  test('removes their free text, keeps every structured fact, and leaves the figures as they were', async () => {
    const d = testDesk()
    const ids = await workNewerRecords(d)
    // Once January is over, so that its follow-ups open at the end are those at its end.
    d.setTime('2025-03-01T10:00:00.000Z')
    await signIn(d, 'Ada Admin', 'Harbour')
    const figuresBefore = await must(d, 'figures.get', PERIOD)
    expect(figuresBefore.figures).toMatchObject({
      claresLawApplications: 2,
      claresLawDisclosures: 1,
      claresLawSupportAcceptedWithIdva: 1,
      followUpsScheduled: 2,
      followUpCalls: 1,
      followUpsOpenAtEnd: 1, // Sol's, due 25/01 and not made
      followUpsOverdueAtEnd: 1,
    })
    for (const text of [...REMOVED, ...KEPT]) expect(findText(d.db, text), text).not.toEqual([])

    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    const result = await must(d, 'retention.run', {})
    expect(result.purged.map((i) => i.incidentRef)).toEqual(['CL-N-P', 'CL-N-Q'])
    for (const text of REMOVED) expect(findText(d.db, text), text).toEqual([])
    expect(findText(d.db, 'Rita raised it herself')).toEqual(['clares_law_status_changes.note'])
    expect(findText(d.db, 'Sol asked for a call')).toEqual(['follow_ups.reason'])

    const dismissal = d.db
      .prepare(`SELECT incident_id, earlier_id, kind, reason FROM repeat_dismissals`)
      .get()
    expect(dismissal).toEqual({
      incident_id: ids.q,
      earlier_id: ids.earlier,
      kind: 'address',
      reason: REMOVED_TEXT,
    })
    const application = claresLawQueries(d.db).get(ids.applicationId)!
    expect(application).toMatchObject({
      route: 'right-to-ask',
      raisedBy: 'victim',
      raisedOn: DAY,
      status: 'disclosure-given',
      supportAccepted: 'yes',
      idvaPresent: true,
    })
    expect(application.changes.map((c) => [c.status, c.note])).toEqual([
      ['raised', REMOVED_TEXT],
      ['under-review', REMOVED_TEXT],
      ['disclosure-given', REMOVED_TEXT],
    ])
    const [followUp] = await must(d, 'followUps.ofIncident', { incidentId: ids.q })
    expect(followUp).toMatchObject({
      scheduledFor: '2025-01-20',
      dueOn: '2025-01-21',
      reason: REMOVED_TEXT,
      status: 'cancelled',
      closedReason: REMOVED_TEXT,
    })
    expect(followUp!.calls.map((c) => [c.outcome, c.tryAgainOn, c.note])).toEqual([
      ['not-reached', '2025-01-21', REMOVED_TEXT],
    ])
    // Yes/no answers are facts; only the free-text one goes.
    expect(followUp!.answers.map((a) => [a.questionId, a.value])).toEqual([
      ['update-given', 'yes'],
      ['update-notes', REMOVED_TEXT],
    ])

    expect(await must(d, 'figures.get', PERIOD)).toEqual(figuresBefore)
  })

  test('still refuses any other change to the newer records, during a purge or not', async () => {
    const d = testDesk()
    await workNewerRecords(d)
    const refused = [
      `UPDATE repeat_dismissals SET kind = 'victim'`,
      `UPDATE repeat_dismissals SET reason = 'Something else'`,
      `UPDATE clares_law_status_changes SET support_accepted = 'no' WHERE status = 'disclosure-given'`,
      `UPDATE follow_ups SET due_on = '2025-02-01'`,
      `UPDATE follow_up_closures SET kind = 'completed'`,
      `UPDATE follow_up_calls SET outcome = 'wrong-number', try_again_on = NULL`,
      `UPDATE follow_up_answers SET value = 'no' WHERE question_id = 'update-given'`,
      `DELETE FROM follow_up_calls`,
    ]
    for (const sql of refused) {
      expect(() => d.db.exec(sql), sql).toThrow(/append-only/)
    }
    // Inside a purge's switch, only the removal text gets through.
    d.db.transaction(() => {
      d.db.exec(`INSERT INTO retention_purge (id, started_at) VALUES (1, '${LATER}')`)
      for (const sql of refused) expect(() => d.db.exec(sql), sql).toThrow(/append-only/)
      d.db
        .prepare(`UPDATE follow_up_calls SET note = :removed WHERE note IS NOT NULL`)
        .run({ removed: REMOVED_TEXT })
      d.db.exec(`DELETE FROM retention_purge`)
    })()
    expect(findText(d.db, 'Fran’s mum answered')).toEqual([])
  })
})
