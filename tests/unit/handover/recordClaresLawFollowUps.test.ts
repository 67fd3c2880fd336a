// The handover record's Clare's Law applications and follow-up calls: per incident, as they stood
// at the end of the shift (a later change is the next shift's), in the JSON (checked against the
// published schema), the CSV's columns added at the end, and the PDF; a statistics-only export
// keeps the facts and leaves out every note, reason and name.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS } from '../../../electron/core/handover/renderCsv.ts'
import { HANDOVER_SCHEMA_FILE } from '../../../electron/core/handover/jsonSchema.ts'
import type { HandoverRecord } from '../../../shared/handover.ts'
import { HANDOVER_SCHEMA_VERSION } from '../../../shared/handover.ts'
import { must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { addIncident } from '../../support/handoverShift.ts'
import { checkJsonSchema } from '../../support/jsonSchema.ts'
import { tempDir } from '../../support/tempDir.ts'

const DAY = '2026-11-21'
const t = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`

/** A shift that raises and decides an application and schedules, calls and moves a follow-up. */
async function workShift(d: TestDesk) {
  d.setTime(t('14:00'))
  await signIn(d, 'Jo Example', 'Harbour')
  const id = await addIncident(d, 'CL-R-1', t('13:50'), 2, {
    victim: { name: 'Vic Example', phone: '07700 900321' },
  })
  d.setTime(t('14:10'))
  const application = await must(d, 'claresLaw.raise', {
    incidentId: id,
    route: 'right-to-know',
    raisedBy: 'police',
    raisedOn: '2026-11-20',
    note: 'PC Khan started it after the last call.',
  })
  d.setTime(t('15:00'))
  await must(d, 'claresLaw.updateStatus', {
    applicationId: application.id,
    status: 'under-review',
    supportAccepted: null,
    idvaPresent: null,
    note: null,
  })
  d.setTime(t('18:00'))
  await must(d, 'claresLaw.updateStatus', {
    applicationId: application.id,
    status: 'disclosure-given',
    supportAccepted: 'yes',
    idvaPresent: true,
    note: 'IDVA Sue with her.',
  })
  const followUp = await must(d, 'followUps.schedule', {
    incidentId: id,
    dueOn: '2026-11-23',
    reason: 'Wants a call after the court date.',
  })
  d.setTime(t('18:30'))
  // Moved to another day: the first is closed as rescheduled, a new one replaces it.
  await must(d, 'followUps.schedule', {
    incidentId: id,
    dueOn: '2026-11-25',
    reason: 'Court moved to Tuesday.',
  })
  d.setTime(t('21:30'))
  return { id, applicationId: application.id, followUpId: followUp.id }
}

const handOver = (d: TestDesk, statsOnly: boolean) =>
  must(d, 'shift.handOver', { formats: ['pdf', 'csv', 'json'], statsOnly, outDir: tempDir() })

const fileOf = (result: Awaited<ReturnType<typeof handOver>>, format: string) =>
  result.files.find((f) => f.format === format)!.path

describe('Clare’s Law and follow-ups in the handover record', () => {
  it('are on the incident as they stood at the end of the shift, in the JSON, CSV and PDF', async () => {
    const d = testDesk()
    const ids = await workShift(d)
    const result = await handOver(d, false)
    // The next shift's record does not change this shift's.
    d.setTime('2026-11-22T14:00:00.000Z')
    await signIn(d, 'Sam Second', 'Harbour')
    const [, open] = await must(d, 'followUps.ofIncident', { incidentId: ids.id })
    await must(d, 'followUps.cancel', { followUpId: open!.id, reason: 'She moved away.' })

    const record = JSON.parse(readFileSync(fileOf(result, 'json'), 'utf8')) as HandoverRecord
    expect(record.schemaVersion).toBe(HANDOVER_SCHEMA_VERSION)
    const schema = JSON.parse(readFileSync(HANDOVER_SCHEMA_FILE, 'utf8'))
    expect(checkJsonSchema(schema, record)).toEqual([])
    const [incident] = record.incidents
    expect(incident!.claresLawApplications).toEqual([
      {
        id: `clareslaw-${ids.applicationId}`,
        route: 'right-to-know',
        raisedBy: 'police',
        raisedOn: '2026-11-20',
        recordedAt: t('14:10'),
        recordedBy: 'Jo Example (Harbour)',
        status: 'disclosure-given',
        supportAccepted: 'yes',
        idvaPresent: true,
        changes: [
          expect.objectContaining({
            status: 'raised',
            note: 'PC Khan started it after the last call.',
            at: t('14:10'),
          }),
          expect.objectContaining({ status: 'under-review', note: null, at: t('15:00') }),
          expect.objectContaining({
            status: 'disclosure-given',
            supportAccepted: 'yes',
            idvaPresent: true,
            note: 'IDVA Sue with her.',
            by: 'Jo Example (Harbour)',
          }),
        ],
      },
    ])
    expect(
      incident!.followUps.map((f) => [
        f.scheduledFor,
        f.dueOn,
        f.status,
        f.reason,
        f.closedReason,
        f.replaces,
      ]),
    ).toEqual([
      [
        '2026-11-23',
        '2026-11-23',
        'rescheduled',
        'Wants a call after the court date.',
        'Court moved to Tuesday.',
        null,
      ],
      // Still open at the end of the shift: its cancelling is the next shift's.
      [
        '2026-11-25',
        '2026-11-25',
        'open',
        'Court moved to Tuesday.',
        null,
        `followup-${ids.followUpId}`,
      ],
    ])

    const csv = readFileSync(fileOf(result, 'csv'), 'utf8').slice(1).split('\r\n')
    const header = csv[0]!.split(',')
    expect(header).toEqual(CSV_COLUMNS.map(([name]) => name))
    // New columns only ever at the end: everything up to postcode is as it was.
    expect(header.indexOf('postcode')).toBe(header.indexOf('clares_law_applications') - 1)
    const row = Object.fromEntries(header.map((name, i) => [name, csv[1]!.split(',')[i]]))
    expect(row).toMatchObject({
      clares_law_application: 'no', // no Clare's Law referral in the script
      clares_law_applications: '1',
      clares_law_statuses: 'right-to-know: disclosure-given',
      clares_law_disclosure: 'yes',
      clares_law_idva_present: 'yes',
      clares_law_support_accepted: 'yes',
      follow_ups: '2',
      follow_up_status: 'open',
      follow_up_due_on: '25/11/2026',
      follow_up_calls: '0',
      follow_up_reached: 'no',
    })

    const pdf = execFileSync('pdftotext', ['-layout', fileOf(result, 'pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ')
    expect(pdf).toContain("Clare's Law applications (1)")
    expect(pdf).toMatch(/Right to know, made by police on 20\/11\/2026: DISCLOSURE GIVEN/)
    expect(pdf).toContain('IDVA Sue with her.')
    expect(pdf).toContain('Follow-up calls (2)')
    expect(pdf).toContain('• Due 23/11/2026: RESCHEDULED 18:30 — Court moved to Tuesday.')
    expect(pdf).toContain(
      'Scheduled 18:00 by Jo Example (Harbour) for 23/11/2026, standard risk — Wants a call',
    )
    expect(pdf).toContain('• Due 25/11/2026: OPEN')
  })

  it('keep the facts and leave out every note, reason and name in a statistics-only export', async () => {
    const d = testDesk()
    await workShift(d)
    const result = await handOver(d, true)
    const text = readFileSync(fileOf(result, 'json'), 'utf8')
    const record = JSON.parse(text) as HandoverRecord
    const [incident] = record.incidents
    expect(incident!.claresLawApplications[0]).toMatchObject({
      status: 'disclosure-given',
      supportAccepted: 'yes',
      idvaPresent: true,
      recordedBy: null,
    })
    expect(incident!.claresLawApplications[0]!.changes.map((c) => [c.note, c.by])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ])
    expect(
      incident!.followUps.map((f) => [f.status, f.reason, f.closedReason, f.scheduledBy]),
    ).toEqual([
      ['rescheduled', null, null, null],
      ['open', null, null, null],
    ])
    const pdf = execFileSync('pdftotext', ['-layout', fileOf(result, 'pdf'), '-'], {
      encoding: 'utf8',
    })
    const csv = readFileSync(fileOf(result, 'csv'), 'utf8')
    for (const typed of ['PC Khan', 'IDVA Sue', 'court date', 'Court moved', 'Jo Example']) {
      for (const file of [text, pdf, csv]) expect(file).not.toContain(typed)
    }
  })
})
