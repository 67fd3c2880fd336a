// The retention purge on a real, encrypted SQLite file: who is due and who is kept and why, every
// personal detail gone from every table while the figures stay exactly as they were, the
// append-only triggers still refusing ordinary edits, the audit entries, and bad requests.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { Db } from '../../../electron/core/db/openDatabase.ts'
import { deskQueries } from '../../../electron/core/db/deskQueries.ts'
import { incidentQueries } from '../../../electron/core/db/incidentQueries.ts'
import { ingestFile } from '../../../electron/core/feed/ingestFile.ts'
import { REMOVED_TEXT } from '../../../shared/retention.ts'
import { call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { addIncident, workFixtureShift } from '../../support/handoverShift.ts'
import { cli } from '../../support/cli.ts'
import { tempDir } from '../../support/tempDir.ts'

const FIXTURE_DAY = '2025-01-11'
const PERIOD = { from: '2025-01-01T00:00:00.000Z', to: '2025-02-01T00:00:00.000Z' }
/** 12 months on from this, the fixture's incidents are due: the cut-off is 01/06/2025. */
const LATER = '2026-06-01T12:00:00.000Z'

/** Every personal value the fixture and `workEverything` record. */
const PERSONAL = [
  'Zoë Łukasiewicz',
  'Mark Suspect',
  '1 Example Street',
  'TS1 1AA',
  'Bea Victim',
  '900222',
  'Recent strangulation',
  'Says she has her family',
  'Cal Victim',
  'Left Alone',
  'Eve Everything',
  'Eve Renamed',
  '07700 900555',
  '2 Quiet Lane',
  'Dan Suspect',
  'Ring the sister on Tuesdays',
  'Hid the car keys',
  'Bag packed at the neighbour',
  'He has a shotgun licence',
  'Controller says no unit free',
  'Not relevant: she is out of area',
  'Half-typed note about Eve',
  'Code word is pineapple',
  'ex-partner of Eve',
  '1990-02-03',
  'Call about CL-Z-B',
  'Call about CL-Z-D',
  'Updated: caller now safe',
]

/** Rows in any column of any table that contain `text`, as "table.column". */
function findText(db: Db, text: string): string[] {
  const found: string[] = []
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`)
    .pluck()
    .all() as string[]
  for (const table of tables) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(:table)`).pluck().all({
      table,
    }) as string[]
    for (const column of columns) {
      const n = db
        .prepare(
          `SELECT count(*) FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), :text) > 0`,
        )
        .pluck()
        .get({ text }) as number
      if (n > 0) found.push(`${table}.${column}`)
    }
  }
  return found
}

/**
 * An incident with a record of every kind that holds free text, and a feed update that changed
 * its victim, so its history holds the earlier values too. Returns its id.
 */
async function workEverything(d: TestDesk, tag: string, day: string): Promise<number> {
  const t = (hhmm: string) => `${day}T${hhmm}:00.000Z`
  d.setTime(t('21:00'))
  const e = await addIncident(d, `CL-${tag}-E`, t('20:55'), 3, {
    victim: { name: 'Eve Everything', phone: '07700 900555', dateOfBirth: '1990-02-03' },
    suspect: { name: 'Dan Suspect', relationship: 'ex-partner of Eve' },
    location: { address: '2 Quiet Lane, Redcar', postcode: 'TS10 2QQ' },
    caseNotes: 'Code word is pineapple',
  })
  const update = join(tempDir(), 'update.json')
  writeFileSync(
    update,
    JSON.stringify({
      incidentRef: `CL-${tag}-E`,
      receivedAt: t('20:55'),
      updatedAt: t('21:01'),
      grade: 3,
      summary: 'Updated: caller now safe.',
      victim: { name: 'Eve Renamed', phone: '07700 900555' },
      location: { address: '2 Quiet Lane, Redcar', postcode: 'TS10 2QQ' },
    }),
  )
  await ingestFile(d.db, incidentQueries(d.db), update, { now: () => Date.parse(t('21:02')) })
  d.setTime(t('21:05'))
  await must(d, 'contact.logAttempt', {
    incidentId: e,
    number: '07700 900555',
    result: 'spoke-to-victim',
    callBackAt: null,
    note: 'Ring the sister on Tuesdays',
  })
  await must(d, 'script.answer', {
    incidentId: e,
    scriptVersion: '1',
    questionId: 'plan-notes',
    value: 'Bag packed at the neighbour',
  })
  await must(d, 'script.answer', {
    incidentId: e,
    scriptVersion: '1',
    questionId: 'dash-weapons',
    value: 'yes',
  })
  await must(d, 'risk.judge', { incidentId: e, high: true, reason: 'He has a shotgun licence' })
  await must(d, 'referrals.add', {
    incidentId: e,
    service: 'other',
    otherService: 'Housing association',
    decision: 'declined',
    detail: 'Not relevant: she is out of area',
  })
  await must(d, 'contact.recordOutcome', {
    incidentId: e,
    outcome: 'safety-plan-agreed',
    note: 'Hid the car keys',
  })
  const escalation = await must(d, 'escalations.raise', {
    incidentId: e,
    reasons: ['other'],
    detail: 'Dan Suspect seen nearby',
    recommendedGrade: 2,
    fromSuggestion: [],
  })
  await must(d, 'escalations.recordOutcome', {
    escalationId: escalation.id,
    outcome: 'withdrawn',
    grade: null,
    reason: 'Controller says no unit free',
  })
  await must(d, 'escalations.dismissSuggestion', {
    incidentId: e,
    ruleIds: ['dash-high-risk'],
    reason: 'Eve Everything is with her sister',
  })
  const note = await must(d, 'notes.add', {
    incidentId: e,
    text: 'Eve Everything asked us to ring after 18:00.',
    tags: ['rapport'],
    actionOwner: null,
    amends: null,
  })
  await must(d, 'notes.add', {
    incidentId: e,
    text: 'Correction: Eve Everything asked for after 19:00.',
    tags: ['rapport'],
    actionOwner: null,
    amends: note.id,
  })
  await must(d, 'notes.saveDraft', {
    incidentId: e,
    text: 'Half-typed note about Eve',
    tags: [],
    actionOwner: null,
    amends: null,
  })
  return e
}

/** The fixture shift and the incident with everything, worked in January 2025 and handed over. */
async function workedLongAgo() {
  const d = testDesk()
  d.setTime(`${FIXTURE_DAY}T13:00:00.000Z`)
  const shift = await workFixtureShift(d, FIXTURE_DAY, 'Z')
  const e = await workEverything(d, 'Z', FIXTURE_DAY)
  d.setTime(`${FIXTURE_DAY}T21:30:00.000Z`)
  const handedOver = await must(d, 'shift.handOver', {
    formats: ['json', 'csv'],
    statsOnly: false,
    outDir: tempDir(),
  })
  return { d, ids: { ...shift.ids, e }, handedOver }
}

describe('retention preview', () => {
  test('lists the incidents due with their last activity, and keeps open work, saying why', async () => {
    const { d, ids } = await workedLongAgo()
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    const preview = await must(d, 'retention.preview', {})

    expect(preview.months).toBe(12)
    expect(preview.cutoff).toBe('2025-05-31T23:00:00.000Z') // 01/06/2025 00:00 in London (BST)
    // D arrived from the feed and nobody touched it; the hand over was the last thing to B and E.
    expect(preview.due.map((i) => [i.incidentId, i.incidentRef, i.lastActivityAt])).toEqual([
      [ids.d, 'CL-Z-D', `${FIXTURE_DAY}T13:56:00.000Z`],
      [ids.b, 'CL-Z-B', `${FIXTURE_DAY}T21:30:00.000Z`],
      [ids.e, 'CL-Z-E', `${FIXTURE_DAY}T21:30:00.000Z`],
    ])
    expect(preview.kept).toEqual([
      expect.objectContaining({ incidentRef: 'CL-Z-A', reasons: ['outstanding-action'] }),
      expect.objectContaining({ incidentRef: 'CL-Z-C', reasons: ['open-escalation'] }),
    ])
    // A preview changes nothing but the audit log.
    expect(findText(d.db, 'Bea Victim')).toEqual(['incidents.victim_name'])
  })

  test('counts from the latest record of any kind, so recent work keeps an old incident', async () => {
    const { d, ids } = await workedLongAgo()
    d.setTime('2025-12-01T10:00:00.000Z')
    await signIn(d, 'Ada Admin', 'Harbour')
    await must(d, 'notes.add', {
      incidentId: ids.b,
      text: 'Victim rang in again.',
      tags: [],
      actionOwner: null,
      amends: null,
    })
    d.setTime(LATER)
    const preview = await must(d, 'retention.preview', {})
    expect(preview.due.map((i) => i.incidentRef)).toEqual(['CL-Z-D', 'CL-Z-E'])
    // A shorter period makes it due.
    const short = await must(d, 'retention.preview', { months: 3 })
    expect(short.cutoff).toBe('2026-03-01T00:00:00.000Z')
    expect(short.due.map((i) => i.incidentRef)).toEqual(['CL-Z-D', 'CL-Z-E', 'CL-Z-B'])
    expect(short.due.find((i) => i.incidentId === ids.b)!.lastActivityAt).toBe(
      '2025-12-01T10:00:00.000Z',
    )
  })

  test('is audited with the period, cut-off and counts', async () => {
    const { d } = await workedLongAgo()
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    await must(d, 'retention.preview', { months: 24 })
    const entry = d.db
      .prepare(`SELECT actor, detail FROM audit_log WHERE action = 'retention.previewed'`)
      .get() as { actor: string; detail: string }
    expect(entry.actor).toBe('Ada Admin (Harbour)')
    expect(JSON.parse(entry.detail)).toEqual({
      months: 24,
      cutoff: '2024-05-31T23:00:00.000Z',
      due: 0,
      kept: 0,
      feedFiles: 0,
    })
  })
})

describe('retention purge', () => {
  test('removes every personal detail of the incidents due, from every table', async () => {
    const { d, ids } = await workedLongAgo()
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    const result = await must(d, 'retention.run', {})
    expect(result.purged.map((i) => i.incidentRef)).toEqual(['CL-Z-D', 'CL-Z-B', 'CL-Z-E'])

    // Kept incidents keep theirs: A (outstanding action) and C (open escalation).
    expect(findText(d.db, 'Zoë Łukasiewicz')).toEqual(['incidents.victim_name'])
    expect(findText(d.db, 'Cal Victim')).toEqual(['incidents.victim_name'])
    const kept = new Set(['Zoë Łukasiewicz', 'Mark Suspect', '1 Example Street', 'TS1 1AA'])
    kept.add('Cal Victim')
    for (const text of PERSONAL.filter((p) => !kept.has(p))) {
      expect(findText(d.db, text), text).toEqual([])
    }

    const e = await must(d, 'incidents.get', { id: ids.e })
    expect(e.row.purgedAt).toBe(LATER)
    expect(e.fields.victim).toEqual({ name: null, phone: null, dateOfBirth: null })
    expect(e.fields.suspect).toEqual({ name: null, relationship: null })
    expect(e.fields.location).toEqual({ address: null, postcode: null })
    expect(e.fields.summary).toBe(REMOVED_TEXT)
    expect(e.fields.extra).toEqual({})
    expect(e.notes.map((n) => n.text)).toEqual([REMOVED_TEXT, REMOVED_TEXT])
    expect(e.notes[1]!.amends).toBe(e.notes[0]!.id)
    expect(e.draft).toBeNull()
    expect(e.attempts.map((a) => [a.number, a.note, a.result])).toEqual([
      [REMOVED_TEXT, REMOVED_TEXT, 'spoke-to-victim'],
    ])
    // The structured facts stay: the DASH answer, the referral's service and decision, the
    // outcome, the risk judgement, the escalation's lifecycle.
    const answers = e.script.answers.map((a) => [a.questionId, a.value])
    expect(answers).toEqual([
      ['plan-notes', REMOVED_TEXT],
      ['dash-weapons', 'yes'],
    ])
    expect(
      e.script.referrals.map((r) => [r.service, r.otherService, r.decision, r.detail]),
    ).toEqual([['other', 'Housing association', 'declined', REMOVED_TEXT]])
    expect(e.script.outcomes.map((o) => [o.outcome, o.note])).toEqual([
      ['safety-plan-agreed', REMOVED_TEXT],
    ])
    expect(e.script.judgements.map((j) => [j.high, j.reason])).toEqual([[true, REMOVED_TEXT]])
    const [escalation] = e.escalation.escalations
    expect(escalation).toMatchObject({
      reasons: ['other'],
      detail: REMOVED_TEXT,
      recommendedGrade: 2,
      outcome: { outcome: 'withdrawn', reason: REMOVED_TEXT },
    })
    expect(e.escalation.dismissals.map((x) => x.reason)).toEqual([REMOVED_TEXT])
    // The history keeps what changed and when; the values it quoted are gone.
    const changes = e.history.filter((h) => h.kind === 'change')
    expect(changes.map((h) => h.field)).toContain('victim.name')
    for (const h of changes) {
      for (const value of [h.from, h.to]) expect([null, REMOVED_TEXT]).toContain(value)
    }
  })

  test('leaves the figures for any period exactly as they were', async () => {
    const { d } = await workedLongAgo()
    await signIn(d, 'Ada Admin', 'Harbour')
    const before = await must(d, 'figures.get', PERIOD)
    const year = { from: '2024-12-01T00:00:00.000Z', to: '2025-12-01T00:00:00.000Z' }
    const yearBefore = await must(d, 'figures.get', year)
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    await must(d, 'retention.run', {})
    expect(await must(d, 'figures.get', PERIOD)).toEqual(before)
    expect(await must(d, 'figures.get', year)).toEqual(yearBefore)
    expect(before.figures.incidentsReviewed).toBe(4) // A, B, C and E
  })

  test('a handover exported afterwards says the details were removed and holds none', async () => {
    const { d, handedOver } = await workedLongAgo()
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    await must(d, 'retention.run', {})
    const out = tempDir()
    const run = cli([
      'export',
      '--db',
      join(d.dataDir, 'da-desk.sqlite'),
      '--shift',
      String(handedOver.manifest.shiftId),
      '--format',
      'json,csv',
      '--out',
      out,
    ])
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const files = readdirSync(out).map((name) => readFileSync(join(out, name), 'utf8'))
    const json = files.find((f) => f.startsWith('{') && f.includes('"incidents"'))!
    const record = JSON.parse(json) as {
      incidents: { incidentRef: string; summary: string | null }[]
      people: { incidentId: string }[]
    }
    const e = record.incidents.find((i) => i.incidentRef === 'CL-Z-E')!
    expect(e.summary).toBe('Personal details removed under the retention policy on 01/06/2026')
    for (const text of ['Eve Everything', 'Bea Victim', '07700 900555', 'Hid the car keys']) {
      for (const file of files) expect(file.includes(text), text).toBe(false)
    }
  })

  test('is audited with the period, cut-off and references, and marks nothing personal', async () => {
    const { d } = await workedLongAgo()
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    await must(d, 'retention.run', {})
    const entry = d.db
      .prepare(`SELECT actor, incident_id, detail FROM audit_log WHERE action = 'retention.purged'`)
      .get() as { actor: string; incident_id: number | null; detail: string }
    expect(entry.actor).toBe('Ada Admin (Harbour)')
    expect(entry.incident_id).toBeNull()
    expect(JSON.parse(entry.detail)).toEqual({
      trigger: 'worker',
      months: 12,
      cutoff: '2025-05-31T23:00:00.000Z',
      incidents: 3,
      incidentRefs: ['CL-Z-D', 'CL-Z-B', 'CL-Z-E'],
      kept: [
        { incidentRef: 'CL-Z-A', reasons: ['outstanding-action'] },
        { incidentRef: 'CL-Z-C', reasons: ['open-escalation'] },
      ],
      feedReports: 0,
      feedFiles: 0,
    })
    expect((await must(d, 'audit.status', {})).intact).toBe(true)
  })

  test('a second run finds nothing to do until an incident has new activity', async () => {
    const { d, ids } = await workedLongAgo()
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    await must(d, 'retention.run', {})
    expect((await must(d, 'retention.preview', {})).due).toEqual([])
    d.setTime('2026-06-01T12:01:00.000Z')
    await must(d, 'notes.add', {
      incidentId: ids.b,
      text: 'Bea Victim called back from a new number.',
      tags: [],
      actionOwner: null,
      amends: null,
    })
    d.setTime('2027-07-01T12:00:00.000Z')
    const again = await must(d, 'retention.run', {})
    expect(again.purged.map((i) => i.incidentRef)).toEqual(['CL-Z-B'])
    expect(findText(d.db, 'Bea Victim')).toEqual([])
    expect((await must(d, 'incidents.get', { id: ids.b })).row.purgedAt).toBe(
      '2027-07-01T12:00:00.000Z',
    )
  })

  test('a newer feed version of a purged incident brings it back unmarked, due again later', async () => {
    const { d, ids } = await workedLongAgo()
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    await must(d, 'retention.run', {})
    const file = join(tempDir(), 'again.json')
    writeFileSync(
      file,
      JSON.stringify({
        incidentRef: 'CL-Z-D',
        receivedAt: `${FIXTURE_DAY}T13:55:00.000Z`,
        updatedAt: '2026-06-02T09:00:00.000Z',
        grade: 4,
        summary: 'Reopened: Left Alone rang again.',
        victim: { name: 'Left Alone' },
      }),
    )
    await ingestFile(d.db, incidentQueries(d.db), file, {
      now: () => Date.parse('2026-06-02T09:01:00.000Z'),
    })
    const reopened = await must(d, 'incidents.get', { id: ids.d })
    expect(reopened.row.purgedAt).toBeNull()
    expect(reopened.fields.victim.name).toBe('Left Alone')
    d.setTime('2027-06-03T12:00:00.000Z')
    const again = await must(d, 'retention.run', {})
    expect(again.purged.map((i) => [i.incidentRef, i.lastActivityAt])).toEqual([
      ['CL-Z-D', '2026-06-02T09:01:00.000Z'],
    ])
    expect(findText(d.db, 'Left Alone')).toEqual([])
  })

  test('deletes the feed files kept from before the cut-off and blanks old reports', async () => {
    const d = testDesk()
    await signIn(d)
    const inbox = (await must(d, 'settings.get', {})).inboxDir
    const old = Date.parse('2025-01-11T12:00:00.000Z') / 1000
    const files: Record<string, boolean> = {
      'processed/old.json': true,
      'quarantine/old.csv': true,
      'quarantine/old.csv.report.json': true,
      'processed/recent.json': false,
    }
    for (const [name, isOld] of Object.entries(files)) {
      const path = join(inbox, name)
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, '{"victim":{"name":"Bea Victim"}}')
      if (isOld) utimesSync(path, old, old)
    }
    const desk = deskQueries(d.db)
    for (const [processedAt, file] of [
      ['2025-01-11T12:00:00.000Z', 'old.csv'],
      ['2026-05-30T12:00:00.000Z', 'recent.csv'],
    ] as const) {
      desk.recordFeedFile({
        fileName: file,
        path: join(inbox, 'quarantine', file),
        processedAt,
        outcome: 'quarantined',
        report: {
          file,
          accepted: 1,
          updated: 0,
          unchanged: 0,
          rejected: [{ at: 'row 2', field: 'victim.phone', reason: '“07700 900222” is not valid' }],
          error: null,
        },
      })
    }
    d.setTime(LATER)
    const preview = await must(d, 'retention.preview', {})
    expect(preview.feedFiles).toBe(3)
    const result = await must(d, 'retention.run', {})
    expect(result).toMatchObject({ feedFiles: 3, feedReports: 1, purged: [] })
    for (const [name, isOld] of Object.entries(files)) {
      expect(existsSync(join(inbox, name)), name).toBe(!isOld)
    }
    const reports = (await must(d, 'feed.quarantined', {})).map((f) => f.report)
    expect(reports.map((r) => [r.file, r.accepted, r.rejected])).toEqual([
      [
        'recent.csv',
        1,
        [{ at: 'row 2', field: 'victim.phone', reason: '“07700 900222” is not valid' }],
      ],
      ['old.csv', 1, [{ at: 'row 2', field: 'victim.phone', reason: REMOVED_TEXT }]],
    ])
  })
})

describe('the append-only records during and after a purge', () => {
  test('an ordinary update is still refused, and the purge leaves no way open', async () => {
    const { d, ids } = await workedLongAgo()
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    await must(d, 'retention.run', {})
    expect(d.db.prepare('SELECT count(*) FROM retention_purge').pluck().get()).toBe(0)
    const edits = [
      `UPDATE notes SET text = 'changed' WHERE incident_id = ${ids.a}`,
      `UPDATE notes SET text = '${REMOVED_TEXT}' WHERE incident_id = ${ids.a}`,
      `UPDATE contact_attempts SET result = 'no-answer' WHERE incident_id = ${ids.e}`,
      `UPDATE referrals SET decision = 'consented' WHERE incident_id = ${ids.e}`,
      `DELETE FROM notes WHERE incident_id = ${ids.e}`,
    ]
    for (const sql of edits) expect(() => d.db.exec(sql), sql).toThrow(/append-only/)
  })

  test('while the purge runs, only blanking personal text is let through', async () => {
    const { d, ids } = await workedLongAgo()
    const db = d.db
    const inPurge = (sql: string) =>
      db.transaction(() => {
        db.exec(`INSERT INTO retention_purge (id, started_at) VALUES (1, '${LATER}')`)
        db.exec(sql)
        db.exec('DELETE FROM retention_purge')
      })
    for (const sql of [
      `UPDATE notes SET text = 'rewritten' WHERE incident_id = ${ids.e}`,
      `UPDATE notes SET text = '${REMOVED_TEXT}', author = 'someone else' WHERE incident_id = ${ids.e}`,
      `UPDATE contact_attempts SET result = 'no-answer' WHERE incident_id = ${ids.e}`,
      `UPDATE referrals SET decision = 'consented', detail = '${REMOVED_TEXT}' WHERE incident_id = ${ids.e}`,
      `UPDATE escalation_outcomes SET outcome = 'not-upgraded', reason = '${REMOVED_TEXT}'`,
      `DELETE FROM notes WHERE incident_id = ${ids.e}`,
    ]) {
      expect(() => inPurge(sql)(), sql).toThrow(/append-only/)
    }
    expect(db.prepare('SELECT count(*) FROM retention_purge').pluck().get()).toBe(0)
    expect(findText(db, 'Eve Everything asked')).toEqual(['notes.text'])
  })

  test('a purge that fails part-way changes nothing and leaves the control row unset', async () => {
    const { d } = await workedLongAgo()
    d.setTime(LATER)
    await signIn(d, 'Ada Admin', 'Harbour')
    // A trigger standing in for a fault half-way through the purge.
    d.db.exec(`CREATE TEMP TRIGGER fail_midway BEFORE UPDATE ON risk_judgements
               BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    const result = await call(d, 'retention.run', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(d.db.prepare('SELECT count(*) FROM retention_purge').pluck().get()).toBe(0)
    expect(findText(d.db, 'Bea Victim')).toEqual(['incidents.victim_name'])
    expect(
      d.db.prepare('SELECT count(*) FROM incidents WHERE purged_at IS NOT NULL').pluck().get(),
    ).toBe(0)
  })
})

describe('retention settings and requests', () => {
  test('the period defaults to 12 months; saving a new one is audited and purges what it makes due', async () => {
    const { d } = await workedLongAgo()
    d.setTime('2025-03-01T12:00:00.000Z')
    await signIn(d, 'Ada Admin', 'Harbour')
    expect((await must(d, 'settings.get', {})).retentionMonths).toBe(12)
    expect((await must(d, 'retention.preview', {})).due).toEqual([])
    const saved = await must(d, 'settings.update', { retentionMonths: 1 })
    expect(saved.retentionMonths).toBe(1)
    expect(findText(d.db, 'Bea Victim')).toEqual([])
    const actions = d.db
      .prepare(
        `SELECT action, detail FROM audit_log WHERE action IN ('settings.update', 'retention.purged') ORDER BY id`,
      )
      .all() as { action: string; detail: string }[]
    expect(
      actions.map((a) => [a.action, JSON.parse(a.detail).trigger ?? JSON.parse(a.detail)]),
    ).toEqual([
      ['settings.update', { retentionMonths: 1 }],
      ['retention.purged', 'settings'],
    ])
  })

  test('refuses a period out of range, a signed-out caller and unknown fields, changing nothing', async () => {
    const d = testDesk()
    await signIn(d)
    for (const months of [0, 121, 1.5, '12', null]) {
      expect(await call(d, 'retention.preview', { months })).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      })
      expect(await call(d, 'settings.update', { retentionMonths: months })).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      })
    }
    expect(await call(d, 'retention.run', { now: true })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    await must(d, 'session.signOut', {})
    for (const name of ['retention.preview', 'retention.run']) {
      expect(await call(d, name, {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } })
    }
    expect((await must(d, 'settings.get', {})).retentionMonths).toBe(12)
    const count = d.db
      .prepare(`SELECT count(*) FROM audit_log WHERE action LIKE 'retention.%'`)
      .pluck()
      .get()
    expect(count).toBe(0)
  })
})
