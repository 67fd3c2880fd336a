// Handing over: the files and their manifest, the audit entry, the shift ended and the worker
// signed out, handed-over and changed-since marks on the queue, outstanding actions carried to the
// next shift, statistics-only exports without personal data, the C&C log update, shifts at
// sign-in, settings, and refusals that change nothing.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ExportResult } from '../../../shared/handover.ts'
import { call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { FIXTURE_FIGURES, workFixtureShift } from '../../support/handoverShift.ts'
import { tempDir } from '../../support/tempDir.ts'

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const rows = (d: TestDesk, table: string) => d.db.prepare(`SELECT * FROM ${table}`).all()
const auditOf = (d: TestDesk, action: string) =>
  d.db
    .prepare<[string], { actor: string; at: string; detail: string; incident_id: number | null }>(
      `SELECT actor, at, detail, incident_id FROM audit_log WHERE action = ? ORDER BY id`,
    )
    .all(action)
    .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }))

/** Every file's text: the PDF through pdftotext, the others as they are. */
function textOf(result: ExportResult): string {
  return result.files
    .map((f) =>
      f.format === 'pdf'
        ? execFileSync('pdftotext', ['-layout', f.path, '-'], { encoding: 'utf8' })
        : readFileSync(f.path, 'utf8'),
    )
    .join('\n')
}

/** What the fixture holds that is personal: names, numbers, addresses and free text. */
const PERSONAL = [
  'Zoë',
  'Łukasiewicz',
  '07700 900111',
  '07700 900222',
  '07700 900333',
  '07700 900339',
  'Example Street',
  'TS1 1AA',
  'Mark Suspect',
  'ex-partner',
  'Bea Victim',
  'Cal Victim',
  'Call about',
  'Safe to talk',
  'bail conditions',
  'HYPERLINK',
  'strangulation; she is terrified',
  'her family',
  'sister',
  'Knife mentioned',
  'PC 1234',
  'Jo Example',
  'Sam Second',
]

describe('handing over a shift', () => {
  it('writes the PDF, CSV and JSON with a manifest of their SHA-256, audited, then ends the shift and signs the worker out', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    const folder = tempDir()
    const result = await must(d, 'shift.handOver', {
      formats: ['json', 'pdf', 'csv'],
      statsOnly: false,
      outDir: folder,
    })
    expect(result.files.map((f) => f.name)).toEqual([
      'DA-Desk-handover-shift-1-2026-11-21.pdf',
      'DA-Desk-handover-shift-1-2026-11-21.csv',
      'DA-Desk-handover-shift-1-2026-11-21.json',
      'DA-Desk-handover-shift-1-2026-11-21.manifest.json',
    ])
    expect(readdirSync(folder).sort()).toEqual(result.files.map((f) => f.name).sort())
    const manifest = JSON.parse(readFileSync(result.files[3]!.path, 'utf8'))
    expect(manifest).toEqual(result.manifest)
    expect(manifest).toMatchObject({
      schema: 'da-desk.manifest',
      scope: 'shift',
      shiftId: 1,
      exportedBy: 'Sam Second (Harbour)',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      incidents: 3,
    })
    for (const [i, file] of manifest.files.entries()) {
      const path = join(folder, file.name)
      expect(sha256(path)).toBe(file.sha256)
      expect(readFileSync(path).length).toBe(file.bytes)
      expect(result.files[i]!.sha256).toBe(file.sha256)
    }
    expect(result.files[3]!.sha256).toBe(sha256(result.files[3]!.path))

    expect(result.shift).toMatchObject({
      startedAt: '2026-11-21T14:00:00.000Z',
      endedAt: '2026-11-21T21:30:00.000Z',
      workers: ['Jo Example (Harbour)', 'Sam Second (Harbour)'],
      handedOverBy: 'Sam Second (Harbour)',
    })
    expect(result.handedOver).toBe(3)
    expect(await must(d, 'session.current', {})).toBeNull()
    expect(await must(d, 'shift.current', {})).toBeNull()

    const [entry] = auditOf(d, 'handover.export')
    expect(entry).toMatchObject({
      actor: 'Sam Second (Harbour)',
      at: '2026-11-21T21:30:00.000Z',
      incident_id: null,
      detail: {
        exportId: result.exportId,
        scope: 'shift',
        shiftId: 1,
        folder,
        statisticsOnly: false,
        incidents: 3,
        disclosedTo: 'police and the next shift (shift handover)',
        files: result.files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
      },
    })
    expect(rows(d, 'handed_over_incidents')).toHaveLength(3)
  })

  it('marks the incidents handed over; a later record shows “changed since handover”, a look does not', async () => {
    const d = testDesk()
    const { ids } = await workFixtureShift(d)
    await must(d, 'shift.handOver', { formats: ['csv'], statsOnly: false, outDir: tempDir() })
    d.setTime('2026-11-21T21:40:00.000Z')
    await signIn(d, 'Nia Night', 'Harbour')
    const row = async (id: number) =>
      (await must(d, 'incidents.list', {})).find((r) => r.id === id)!
    expect(await row(ids.a)).toMatchObject({
      handedOverAt: '2026-11-21T21:30:00.000Z',
      changedSinceHandover: false,
    })
    expect(await row(ids.d)).toMatchObject({ handedOverAt: null, changedSinceHandover: false })

    await must(d, 'incidents.get', { id: ids.a })
    await must(d, 'handover.ccLogUpdate', { incidentId: ids.a })
    expect((await row(ids.a)).changedSinceHandover).toBe(false)

    await must(d, 'contact.logAttempt', {
      incidentId: ids.a,
      number: '07700 900111',
      result: 'no-answer',
      callBackAt: null,
      note: null,
    })
    expect(await row(ids.a)).toMatchObject({
      handedOverAt: '2026-11-21T21:30:00.000Z',
      changedSinceHandover: true,
    })
    expect((await row(ids.b)).changedSinceHandover).toBe(false)
  })

  it('carries outstanding actions to the next shift’s queue and handover until they are done', async () => {
    const d = testDesk()
    const { ids } = await workFixtureShift(d)
    await must(d, 'shift.handOver', { formats: ['json'], statsOnly: false, outDir: tempDir() })
    d.setTime('2026-11-22T14:00:00.000Z')
    await signIn(d, 'Nia Night', 'Harbour')
    const list = await must(d, 'incidents.list', {})
    expect(list.find((r) => r.id === ids.a)!.outstandingActions).toBe(1)
    expect(list.find((r) => r.id === ids.b)!.outstandingActions).toBe(0)

    // The next shift has not touched A, but its handover still lists A's action.
    const preview = await must(d, 'handover.preview', {})
    expect(preview.incidents).toEqual([])
    expect(preview.outstandingActions).toEqual([
      {
        id: expect.stringMatching(/^note-\d+$/),
        incidentId: `incident-${ids.a}`,
        incidentRef: 'CL-X-A',
        owner: 'police',
        text: 'Ask attending officers to check bail conditions.',
        at: '2026-11-21T14:25:00.000Z',
        by: 'Jo Example (Harbour)',
      },
    ])
    const noteId = Number(preview.outstandingActions[0]!.id.slice('note-'.length))
    await must(d, 'notes.markActionDone', { noteId })
    expect(
      (await must(d, 'incidents.list', {})).find((r) => r.id === ids.a)!.outstandingActions,
    ).toBe(0)
    expect((await must(d, 'handover.preview', {})).outstandingActions).toEqual([])
  })

  it('a statistics-only export has the figures and a row per incident, and no names, numbers, addresses or notes', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    const result = await must(d, 'shift.handOver', {
      formats: ['pdf', 'csv', 'json'],
      statsOnly: true,
      outDir: tempDir(),
    })
    expect(result.files[0]!.name).toBe('DA-Desk-statistics-shift-1-2026-11-21.pdf')
    const text = textOf(result)
    for (const personal of PERSONAL) expect(text).not.toContain(personal)
    const record = JSON.parse(readFileSync(result.files[2]!.path, 'utf8'))
    expect(record.figures).toEqual(FIXTURE_FIGURES)
    expect(record.header).toMatchObject({ statisticsOnly: true, workers: [], workerCount: 2 })
    expect(record.people).toEqual([])
    expect(record.locations).toEqual([])
    expect(record.incidents.map((i: { incidentRef: string }) => i.incidentRef)).toEqual([
      'CL-X-A',
      'CL-X-B',
      'CL-X-C',
    ])
    const csv = readFileSync(result.files[1]!.path, 'utf8').trim().split('\r\n')
    expect(csv).toHaveLength(4)
    expect(result.manifest.exportedBy).toBeNull()
  })

  it('the full export does carry the people, apart from the incident, with stable ids', async () => {
    const d = testDesk()
    const { ids } = await workFixtureShift(d)
    const result = await must(d, 'shift.handOver', {
      formats: ['json'],
      statsOnly: false,
      outDir: tempDir(),
    })
    const record = JSON.parse(readFileSync(result.files[0]!.path, 'utf8'))
    expect(record.people).toContainEqual({
      id: `person-${ids.a}-victim`,
      incidentId: `incident-${ids.a}`,
      role: 'victim',
      name: 'Zoë Łukasiewicz-Ó Briain',
      phone: '07700 900111',
      dateOfBirth: null,
      relationship: null,
    })
    expect(record.locations).toEqual([
      {
        id: `location-${ids.a}`,
        incidentId: `incident-${ids.a}`,
        address: '1 Example Street, Middlesbrough',
        postcode: 'TS1 1AA',
      },
    ])
    const a = record.incidents[0]
    expect(a).toMatchObject({
      id: `incident-${ids.a}`,
      victimId: `person-${ids.a}-victim`,
      suspectId: `person-${ids.a}-suspect`,
      locationId: `location-${ids.a}`,
    })
    // The person and the place are referred to, not repeated in the event.
    expect(JSON.stringify(a)).not.toContain('Zoë')
    expect(JSON.stringify(a)).not.toContain('Example Street')
    expect(a.notes[1].amends).toBe(a.notes[0].id)
  })

  it('the figures export is statistics-only, audited, and hands nothing over', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    const folder = tempDir()
    const result = await must(d, 'figures.export', {
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      formats: ['csv', 'json', 'pdf'],
      outDir: folder,
    })
    expect(result.files.map((f) => f.name)).toEqual([
      'DA-Desk-statistics-2026-11-01-to-2026-11-30.pdf',
      'DA-Desk-statistics-2026-11-01-to-2026-11-30.csv',
      'DA-Desk-statistics-2026-11-01-to-2026-11-30.json',
      'DA-Desk-statistics-2026-11-01-to-2026-11-30.manifest.json',
    ])
    const text = textOf(result)
    for (const personal of PERSONAL) expect(text).not.toContain(personal)
    expect(result.handedOver).toBe(0)
    expect(rows(d, 'handed_over_incidents')).toEqual([])
    expect(auditOf(d, 'handover.export')[0]!.detail).toMatchObject({
      scope: 'period',
      statisticsOnly: true,
      disclosedTo: 'statistics only: no personal data',
    })
    // The shift goes on.
    expect(await must(d, 'shift.current', {})).toMatchObject({ endedAt: null })
  })

  it('exports to the export folder in Settings, made in the data folder when it is the default', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    expect((await must(d, 'settings.get', {})).exportDir).toBe(join(d.dataDir, 'exports'))
    const result = await must(d, 'shift.handOver', {
      formats: ['csv'],
      statsOnly: false,
      outDir: null,
    })
    expect(result.folder).toBe(join(d.dataDir, 'exports'))
    expect(existsSync(result.files[0]!.path)).toBe(true)
  })
})

describe('the C&C log update', () => {
  it('sums up one incident in plain text for the police log, without numbers or addresses', async () => {
    const d = testDesk()
    const { ids } = await workFixtureShift(d)
    const { text } = await must(d, 'handover.ccLogUpdate', { incidentId: ids.a })
    expect(text).toBe(
      [
        'DA SUPPORT UPDATE - CL-X-A - 21/11/2026 21:30',
        'By Sam Second (Harbour), DA support worker.',
        'Contact: 2 attempt(s). Spoke to the victim 21/11/2026 14:10 (20 min after the call).',
        'Risk: HIGH - DASH 14 yes of 24 (14 answered).',
        'Outcome: Moved to safety.',
        'Referrals: MARAC - referred, with consent; IDVA - referred, with consent.',
        'Escalation: raised 21/11/2026 14:12, G3 (Scheduled) -> G2 (Priority) recommended ' +
          '(Weapon; Threats to kill); acknowledged by PC 1234 Ahmed 21/11/2026 14:15; ' +
          'upgraded to G2 (Priority) 21/11/2026 14:25.',
        'Outstanding actions: [Police] Ask attending officers to check bail conditions.',
      ].join('\n'),
    )
    expect(text).not.toContain('07700')
    expect(auditOf(d, 'handover.ccLogUpdate')).toMatchObject([{ incident_id: ids.a }])
  })

  it('refuses an incident that does not exist', async () => {
    const d = testDesk()
    await signIn(d)
    expect(await call(d, 'handover.ccLogUpdate', { incidentId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})

describe('shifts at sign-in', () => {
  it('the first sign-in starts a shift, the next worker joins it, and it is shown before sign-in', async () => {
    const d = testDesk()
    expect(await must(d, 'shift.current', {})).toBeNull()
    await signIn(d, 'Jo Example', 'Harbour')
    await must(d, 'session.signOut', {})
    d.setTime('2026-11-21T19:00:00.000Z')
    expect(await must(d, 'shift.current', {})).toMatchObject({
      id: 1,
      startedAt: '2026-11-21T18:00:00.000Z',
      workers: ['Jo Example (Harbour)'],
    })
    await signIn(d, 'Sam Second', 'Harbour')
    expect(await must(d, 'shift.current', {})).toMatchObject({
      id: 1,
      workers: ['Jo Example (Harbour)', 'Sam Second (Harbour)'],
    })
    expect(rows(d, 'shifts')).toHaveLength(1)
  })

  it('a shift left open with nothing done for 12 hours ends at its last activity, and a new one starts', async () => {
    const d = testDesk()
    await signIn(d)
    d.setTime('2026-11-21T18:30:00.000Z')
    await must(d, 'session.signOut', {})
    d.setTime('2026-11-22T06:29:00.000Z')
    expect(await must(d, 'shift.current', {})).toMatchObject({ id: 1 })
    d.setTime('2026-11-22T06:30:00.000Z')
    expect(await must(d, 'shift.current', {})).toBeNull()
    await signIn(d, 'Sam Second', 'Harbour')
    expect(
      await must(d, 'shift.list', { from: '2026-11-21T00:00:00Z', to: '2026-11-23T00:00:00Z' }),
    ).toEqual([
      {
        id: 1,
        startedAt: '2026-11-21T18:00:00.000Z',
        endedAt: '2026-11-21T18:30:00.000Z',
        workers: ['Jo Example (Harbour)'],
        handedOverBy: null,
      },
      {
        id: 2,
        startedAt: '2026-11-22T06:30:00.000Z',
        endedAt: null,
        workers: ['Sam Second (Harbour)'],
        handedOverBy: null,
      },
    ])
    expect(auditOf(d, 'shift.lapsed')[0]!.detail).toEqual({
      shiftId: 1,
      endedAt: '2026-11-21T18:30:00.000Z',
    })
  })
})

describe('refusals change nothing', () => {
  it('a hand over with a bad folder, no format or no sign-in is refused, and the shift stays open', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    const before = { exports: rows(d, 'handover_exports'), shifts: rows(d, 'shifts') }
    const cases: [unknown, string][] = [
      [{ formats: [], statsOnly: false, outDir: null }, 'Choose at least one format.'],
      [{ formats: ['pdf', 'pdf'], statsOnly: false, outDir: null }, 'Each format only once.'],
      [{ formats: ['docx'], statsOnly: false, outDir: null }, 'formats.0'],
      [{ formats: ['pdf'], statsOnly: false, outDir: 'relative/folder' }, 'must be a full path'],
      [{ formats: ['pdf'], statsOnly: 'yes', outDir: null }, 'statsOnly'],
      [{ formats: ['pdf'], statsOnly: false, outDir: null, extra: 1 }, 'extra'],
    ]
    for (const [request, words] of cases) {
      const result = await call(d, 'shift.handOver', request)
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      expect(JSON.stringify(result)).toContain(words)
    }
    expect({ exports: rows(d, 'handover_exports'), shifts: rows(d, 'shifts') }).toEqual(before)
    expect(await must(d, 'session.current', {})).not.toBeNull()

    await must(d, 'session.signOut', {})
    expect(
      await call(d, 'shift.handOver', { formats: ['pdf'], statsOnly: false, outDir: null }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    })
    expect(
      await call(d, 'figures.get', { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    })
    expect(rows(d, 'shifts')).toEqual(before.shifts)
  })

  it('a folder that cannot be written leaves no file, ends nothing, and says why', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    const missing = join(tempDir(), 'usb-stick')
    const result = await call(d, 'shift.handOver', {
      formats: ['pdf', 'csv', 'json'],
      statsOnly: false,
      outDir: missing,
    })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'io',
        message:
          `The handover was not saved: the folder ${missing} is not there (if it is on a ` +
          'removable drive or a network share, check it is connected). No file was left behind ' +
          'and your shift is still open; choose another folder or try again.',
      },
    })
    expect(existsSync(missing)).toBe(false)
    expect(rows(d, 'handover_exports')).toEqual([])
    expect(await must(d, 'shift.current', {})).toMatchObject({ endedAt: null })
    expect(auditOf(d, 'handover.exportFailed')[0]!.detail).toMatchObject({ code: 'ENOENT' })
  })

  it.runIf(process.platform === 'linux')(
    'a folder the system will not let even root write to (sysfs) is refused in words',
    async () => {
      const d = testDesk()
      await workFixtureShift(d)
      const result = await call(d, 'shift.handOver', {
        formats: ['csv'],
        statsOnly: false,
        outDir: '/sys/kernel',
      })
      expect(JSON.stringify(result)).toContain('DA Desk is not allowed to write to /sys/kernel.')
      expect(readdirSync('/sys/kernel').some((n) => n.includes('DA-Desk'))).toBe(false)
      expect(await must(d, 'shift.current', {})).toMatchObject({ endedAt: null })
    },
  )
})

describe('handover settings', () => {
  it('start with OFFICIAL-SENSITIVE, are saved and audited, and head every export', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    expect(await must(d, 'settings.get', {})).toMatchObject({
      serviceName: '',
      forceName: '',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
    })
    const folder = tempDir()
    await must(d, 'settings.update', {
      serviceName: 'Harbour Support Services',
      forceName: 'Cleveland Police',
      protectiveMarking: 'OFFICIAL-SENSITIVE PERSONAL',
      exportDir: folder,
    })
    expect(auditOf(d, 'settings.update').map((e) => e.detail)).toEqual([
      { serviceName: 'Harbour Support Services' },
      { forceName: 'Cleveland Police' },
      { protectiveMarking: 'OFFICIAL-SENSITIVE PERSONAL' },
      { exportDir: folder },
    ])
    const result = await must(d, 'shift.handOver', {
      formats: ['json', 'csv'],
      statsOnly: false,
      outDir: null,
    })
    expect(result.folder).toBe(folder)
    const record = JSON.parse(readFileSync(result.files[1]!.path, 'utf8'))
    expect(record.header).toMatchObject({
      service: 'Harbour Support Services',
      force: 'Cleveland Police',
      protectiveMarking: 'OFFICIAL-SENSITIVE PERSONAL',
      appVersion: JSON.parse(readFileSync('package.json', 'utf8')).version,
    })
    expect(readFileSync(result.files[0]!.path, 'utf8')).toContain(',OFFICIAL-SENSITIVE PERSONAL,')
  })

  it('refuse an export folder that is relative or not there, changing nothing', async () => {
    const d = testDesk()
    await signIn(d)
    const before = await must(d, 'settings.get', {})
    for (const [exportDir, words] of [
      ['exports', 'must be a full path'],
      [join(tempDir(), 'nope'), 'There is no folder'],
    ]) {
      const result = await call(d, 'settings.update', { exportDir, serviceName: 'Changed' })
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      expect(JSON.stringify(result)).toContain(words)
    }
    expect(await call(d, 'settings.update', { protectiveMarking: '' })).toMatchObject({ ok: false })
    expect(await must(d, 'settings.get', {})).toEqual(before)
  })
})
