// The support car in the handover record: per incident, its taskings and their visits as they
// stood at the record's instant (a visit recorded later is the next record's), the figures by
// phone and by visit for the record's window, in the JSON (checked against the published
// schema), the CSV's columns at the end and the PDF; statistics only keeps the facts and leaves
// out every name, reason and note.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS } from '../../../electron/core/handover/renderCsv.ts'
import { HANDOVER_SCHEMA_FILE } from '../../../electron/core/handover/jsonSchema.ts'
import type { HandoverRecord } from '../../../shared/handover.ts'
import { must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { addIncident } from '../../support/handoverShift.ts'
import { checkJsonSchema } from '../../support/jsonSchema.ts'
import { tempDir } from '../../support/tempDir.ts'

const DAY = '2026-11-21'
const t = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`

/** A shift that speaks to one victim by phone and tasks the car to another, which visits. */
async function workShift(d: TestDesk) {
  d.setTime(t('14:00'))
  await signIn(d, 'Jo Example', 'Harbour')
  const phoned = await addIncident(d, 'CL-S-1', t('13:40'), 3, {
    victim: { name: 'Phone Example', phone: '07700 900111' },
  })
  const visited = await addIncident(d, 'CL-S-2', t('13:50'), 2, {
    victim: { name: 'Vic Example', phone: '07700 900321' },
  })
  d.setTime(t('14:05'))
  await must(d, 'contact.logAttempt', {
    incidentId: phoned,
    number: '07700 900111',
    result: 'spoke-to-victim',
    callBackAt: null,
    note: null,
  })
  d.setTime(t('14:10'))
  const tasking = await must(d, 'supportCar.task', {
    incidentId: visited,
    reason: 'No answer by phone; neighbours heard shouting.',
    priority: 'urgent',
  })
  d.setTime(t('18:00'))
  const afterVisit = await must(d, 'supportCar.recordVisit', {
    taskingId: tasking.id,
    visitedAt: t('17:40'),
    officer: 'PC 4410 Ellis',
    idva: 'Sam Rivers',
    victimEngaged: true,
    safetyPlanAgreed: true,
    movedToSafety: true,
    disclosureGiven: true,
    referrals: ['idva'],
    notes: 'Went to her sister in Redcar.',
    completesTasking: false,
  })
  d.setTime(t('21:30'))
  return { phoned, visited, taskingId: tasking.id, visit: afterVisit.visits[0]! }
}

/** The next shift's visit on the same tasking, recorded after the first shift's end. */
async function visitAgainLater(d: TestDesk, taskingId: number) {
  d.setTime(t('22:30'))
  await signIn(d, 'Sam Second', 'Harbour')
  await must(d, 'supportCar.recordVisit', {
    taskingId,
    visitedAt: t('22:20'),
    officer: 'PC 4410 Ellis',
    idva: null,
    victimEngaged: false,
    safetyPlanAgreed: false,
    movedToSafety: false,
    disclosureGiven: false,
    referrals: [],
    notes: 'Nobody in at the sister’s.',
    completesTasking: true,
  })
}

const fileOf = (result: { files: { format: string; path: string }[] }, format: string) =>
  result.files.find((f) => f.format === format)!.path
const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')

describe('the support car in the handover record', () => {
  it('holds the taskings, visits and figures by phone and by visit, in the JSON, CSV and PDF', async () => {
    const d = testDesk()
    const shift = await workShift(d)
    const result = await must(d, 'shift.handOver', {
      formats: ['pdf', 'csv', 'json'],
      statsOnly: false,
      outDir: tempDir(),
    })

    const record = JSON.parse(readFileSync(fileOf(result, 'json'), 'utf8')) as HandoverRecord
    const schema = JSON.parse(readFileSync(HANDOVER_SCHEMA_FILE, 'utf8'))
    expect(checkJsonSchema(schema, record)).toEqual([])
    const visitedIncident = record.incidents.find((i) => i.id === `incident-${shift.visited}`)!
    const referral = visitedIncident.referrals.find((r) => r.service === 'idva')!
    expect(visitedIncident.supportCar.taskings).toEqual([
      {
        id: `tasking-${shift.taskingId}`,
        reason: 'No answer by phone; neighbours heard shouting.',
        priority: 'urgent',
        taskedAt: t('14:10'),
        taskedBy: 'Jo Example (Harbour)',
        state: 'open',
        closedAt: null,
        closedBy: null,
        standDownReason: null,
        visits: [
          {
            id: `visit-${shift.visit.id}`,
            visitedAt: t('17:40'),
            recordedAt: t('18:00'),
            recordedBy: 'Jo Example (Harbour)',
            officer: 'PC 4410 Ellis',
            idva: 'Sam Rivers',
            victimEngaged: true,
            safetyPlanAgreed: true,
            movedToSafety: true,
            disclosureGiven: true,
            referralIds: [referral.id],
            notes: 'Went to her sister in Redcar.',
          },
        ],
      },
    ])
    const phonedIncident = record.incidents.find((i) => i.id === `incident-${shift.phoned}`)!
    expect(phonedIncident.supportCar).toEqual({ taskings: [] })
    expect(record.supportCarFigures).toEqual({
      taskings: 1,
      visits: 1,
      engaged: { byPhone: 1, byVisit: 1, total: 2 },
      referredToDaServices: { byPhone: 0, byVisit: 1, total: 1 },
      referredToOtherServices: { byPhone: 0, byVisit: 0, total: 0 },
      movedToSafety: { byPhone: 0, byVisit: 1, total: 1 },
      disclosuresAtVisits: 1,
    })

    const csv = readFileSync(fileOf(result, 'csv'), 'utf8').slice(1).split('\r\n')
    const header = csv[0]!.split(',')
    expect(header).toEqual(CSV_COLUMNS.map(([name]) => name))
    // New columns only ever at the end.
    expect(header.slice(-5)).toEqual([
      'support_car_tasked',
      'support_car_visits',
      'engaged_at_visit',
      'moved_to_safety_at_visit',
      'disclosure_at_visit',
    ])
    const rows = csv.slice(1, 3).map((line) => line.split(',').slice(-5))
    expect(rows).toEqual([
      ['no', '0', 'no', 'no', 'no'],
      ['yes', '1', 'yes', 'yes', 'yes'],
    ])

    const pdf = pdfText(fileOf(result, 'pdf'))
    expect(pdf).toContain('By phone and by support car visit')
    expect(pdf).toMatch(/Victims engaged 1 1 2/)
    expect(pdf).toContain('Support car (1 tasking)')
    expect(pdf).toContain('Urgent, tasked 14:10 by Jo Example (Harbour): OPEN')
    expect(pdf).toContain('No answer by phone; neighbours heard shouting.')
    expect(pdf).toContain('Visit 17:40 by PC 4410 Ellis and Sam Rivers')
    expect(pdf).toContain(
      "engaged, safety plan agreed, moved to safety, Clare's Law disclosure given",
    )
    expect(pdf).toContain('Went to her sister in Redcar.')
  })

  it('leaves out a visit recorded after the record’s instant, and every name and note in statistics only', async () => {
    const d = testDesk()
    const shift = await workShift(d)
    await must(d, 'shift.handOver', { formats: ['json'], statsOnly: false, outDir: tempDir() })
    await visitAgainLater(d, shift.taskingId)
    // The day up to 22:00: the later visit (22:20, recorded 22:30) is after it.
    const result = await must(d, 'figures.export', {
      from: t('00:00'),
      to: t('22:00'),
      formats: ['pdf', 'csv', 'json'],
      outDir: tempDir(),
    })
    const text = readFileSync(fileOf(result, 'json'), 'utf8')
    const record = JSON.parse(text) as HandoverRecord
    const schema = JSON.parse(readFileSync(HANDOVER_SCHEMA_FILE, 'utf8'))
    expect(checkJsonSchema(schema, record)).toEqual([])
    const incident = record.incidents.find((i) => i.id === `incident-${shift.visited}`)!
    const [tasking] = incident.supportCar.taskings
    // Completed by the later visit, but open as the record stood.
    expect(tasking).toMatchObject({ state: 'open', reason: null, taskedBy: null, closedAt: null })
    expect(tasking!.visits).toEqual([
      expect.objectContaining({
        visitedAt: t('17:40'),
        officer: null,
        idva: null,
        recordedBy: null,
        notes: null,
        victimEngaged: true,
        movedToSafety: true,
      }),
    ])
    expect(record.supportCarFigures.visits).toBe(1)
    const pdf = pdfText(fileOf(result, 'pdf'))
    const csv = readFileSync(fileOf(result, 'csv'), 'utf8')
    for (const typed of ['Ellis', 'Sam Rivers', 'neighbours', 'Redcar', 'sister', 'Jo Example']) {
      for (const file of [text, pdf, csv]) expect(file).not.toContain(typed)
    }
  })
})
