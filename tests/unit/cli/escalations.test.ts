// Escalations on the command line, run as a manager or administrator would run it: the full
// lifecycle in `incidents --json`, the rules' advice beside it, and `escalations` with the minutes
// from the call to each step.
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../../support/cli.ts'
import { tempDir } from '../../support/tempDir.ts'
import { closeDesk, must, signIn, testDesk } from '../../support/desk.ts'

const FEED = resolve(import.meta.dirname, '../../fixtures/feed')
const WORKER = 'Jo Example (Harbour)'

/**
 * The sample feed, then: CL-…-0461 (grade 3) escalated at 18:00, acknowledged at 18:03, regraded
 * to 2 by a feed file at 18:06 and closed as upgraded at 18:10; CL-…-0463 (grade 3) with
 * strangulation disclosed and escalated at 19:00 (still open); CL-…-0457 with a suggestion
 * dismissed.
 */
async function escalatedDatabase(dataDir: string) {
  const db = join(dataDir, 'da-desk.sqlite')
  const batch = join(dataDir, 'batch.ndjson')
  copyFileSync(join(FEED, '2026-11-21T152000Z-batch.ndjson'), batch)
  const first = join(dataDir, 'first.json')
  copyFileSync(join(FEED, '2026-11-21T150412Z-CL-0457.json'), first)
  expect(cli(['ingest', '--db', db, first, batch]).code).toBe(0)

  let d = testDesk(dataDir)
  await signIn(d)
  const rows = await must(d, 'incidents.list', {})
  const idOf = (ref: string) => rows.find((r) => r.incidentRef === ref)!.id
  const upgraded = await must(d, 'escalations.raise', {
    incidentId: idOf('CL-20261121-0461'),
    reasons: ['suspect-present'],
    detail: 'Neighbour hears him shouting again.',
    recommendedGrade: 2,
    fromSuggestion: [],
  })
  d.setTime('2026-11-21T18:03:00Z')
  await must(d, 'escalations.acknowledge', { escalationId: upgraded.id, controller: 'PC 4512' })
  await closeDesk(d)

  const update = join(dataDir, 'update.json')
  writeFileSync(
    update,
    JSON.stringify({
      incidentRef: 'CL-20261121-0461',
      receivedAt: '2026-11-21T15:12:40Z',
      updatedAt: '2026-11-21T18:06:00Z',
      grade: 2,
      status: 'assigned',
      summary: 'Upgraded after DA desk escalation.',
    }),
  )
  expect(cli(['ingest', '--db', db, update]).code).toBe(0)

  d = testDesk(dataDir)
  await signIn(d)
  d.setTime('2026-11-21T18:10:00Z')
  await must(d, 'escalations.recordOutcome', {
    escalationId: upgraded.id,
    outcome: 'upgraded',
    grade: 2,
    reason: null,
  })
  const disclosed = idOf('CL-20261121-0463')
  await must(d, 'script.answer', {
    incidentId: disclosed,
    scriptVersion: '1',
    questionId: 'dash-strangulation',
    value: 'yes',
  })
  d.setTime('2026-11-21T19:00:00Z')
  await must(d, 'escalations.raise', {
    incidentId: disclosed,
    reasons: ['strangulation'],
    detail: null,
    recommendedGrade: 2,
    fromSuggestion: ['answer-dash-strangulation'],
  })
  await must(d, 'escalations.dismissSuggestion', {
    incidentId: idOf('CL-20261121-0457'),
    ruleIds: ['flag-weapon'],
    reason: 'Weapon seized by officers.',
  })
  await closeDesk(d)
  return db
}

// Built once: every command here only reads it.
let shared = ''
let db = ''
beforeAll(async () => {
  shared = mkdtempSync(join(tmpdir(), 'da-desk-cli-escalations-'))
  db = await escalatedDatabase(shared)
  // Three CLI processes and two desks: on a loaded machine this takes far longer than a hook's
  // default 10 s.
}, 120_000)
afterAll(() => rmSync(shared, { recursive: true, force: true }))

describe('da-desk incidents --json', () => {
  it('includes each incident’s escalations with their whole lifecycle, dismissals and advice', () => {
    const run = cli(['incidents', '--db', db, '--json'])
    expect(run.code).toBe(0)
    const incidents = JSON.parse(run.out) as Record<string, unknown>[]
    const byRef = (ref: string) => incidents.find((i) => i.incidentRef === ref)!
    expect(byRef('CL-20261121-0461').escalations).toEqual([
      {
        id: 1,
        state: 'closed',
        raisedAt: '2026-11-21T18:00:00.000Z',
        raisedBy: WORKER,
        reasons: ['suspect-present'],
        detail: 'Neighbour hears him shouting again.',
        currentGrade: 3,
        recommendedGrade: 2,
        fromSuggestion: [],
        acknowledgement: {
          at: '2026-11-21T18:03:00.000Z',
          controller: 'PC 4512',
          recordedBy: WORKER,
        },
        linkedRegrade: { from: 3, to: 2, at: '2026-11-21T18:06:00.000Z' },
        outcome: {
          outcome: 'upgraded',
          at: '2026-11-21T18:10:00.000Z',
          by: WORKER,
          grade: 2,
          reason: null,
        },
      },
    ])
    expect(byRef('CL-20261121-0463')).toMatchObject({
      escalations: [{ state: 'raised', fromSuggestion: ['answer-dash-strangulation'] }],
      suggestionDismissals: [],
      escalationAdvice: {
        recommendedGrade: 2,
        reasons: ['strangulation'],
        summary: 'strangulation disclosed; grade 3',
      },
    })
    expect(byRef('CL-20261121-0457')).toMatchObject({
      escalations: [],
      suggestionDismissals: [
        {
          id: 1,
          ruleIds: ['flag-weapon'],
          reason: 'Weapon seized by officers.',
          at: '2026-11-21T19:00:00.000Z',
          by: WORKER,
        },
      ],
    })
  })

  it('advises nothing where no rule counts', () => {
    const dir = tempDir()
    const fresh = join(dir, 'desk.sqlite')
    const file = join(dir, 'one.json')
    writeFileSync(
      file,
      JSON.stringify({
        incidentRef: 'CL-1',
        receivedAt: '2026-11-21T15:00:00Z',
        grade: 3,
        summary: 'Historic report.',
      }),
    )
    cli(['ingest', '--db', fresh, file])
    const [incident] = JSON.parse(cli(['incidents', '--db', fresh, '--json']).out)
    expect(incident).toMatchObject({
      escalations: [],
      suggestionDismissals: [],
      escalationAdvice: null,
    })
  })
})

describe('da-desk escalations', () => {
  it('lists every escalation with the minutes from the call to escalation, acknowledgement and upgrade', () => {
    const run = cli(['escalations', '--db', db, '--json'])
    expect(run.code).toBe(0)
    const listed = JSON.parse(run.out)
    expect(listed).toMatchObject([
      {
        incidentRef: 'CL-20261121-0461',
        callReceivedAt: '2026-11-21T15:12:40.000Z',
        state: 'closed',
        minutesFromCall: { toEscalation: 167.3, toAcknowledgement: 170.3, toUpgrade: 173.3 },
      },
      {
        incidentRef: 'CL-20261121-0463',
        callReceivedAt: '2026-11-21T15:18:05.000Z',
        state: 'raised',
        minutesFromCall: { toEscalation: 221.9, toAcknowledgement: null, toUpgrade: null },
      },
    ])
  })

  it('lists only those raised in the window, from inclusive, to exclusive', () => {
    const refs = (args: string[]) =>
      JSON.parse(cli(['escalations', '--db', db, '--json', ...args]).out).map(
        (e: { incidentRef: string }) => e.incidentRef,
      )
    expect(refs(['--from', '2026-11-21T18:30:00Z'])).toEqual(['CL-20261121-0463'])
    expect(refs(['--to', '2026-11-21T19:00:00Z'])).toEqual(['CL-20261121-0461'])
    expect(refs(['--from', '2026-11-21T19:00:00Z', '--to', '2026-11-21T19:00:01Z'])).toEqual([
      'CL-20261121-0463',
    ])
    // A date is midnight in London; an offset is honoured.
    expect(refs(['--from', '2026-11-21', '--to', '2026-11-22'])).toHaveLength(2)
    expect(refs(['--to', '2026-11-21T18:30:00+00:30'])).toEqual([])
  }, 60_000)

  it('prints a table without --json', () => {
    const run = cli(['escalations', '--db', db])
    expect(run.code).toBe(0)
    expect(run.out.split('\n')).toEqual([
      'Incident          Raised            Grade  State           Call→esc  Call→ack  Call→upgrade',
      'CL-20261121-0461  21/11/2026 18:00  G3→G2  upgraded to G2  167.3     170.3     173.3',
      'CL-20261121-0463  21/11/2026 19:00  G3→G2  raised          221.9     —         —',
      '2 escalation(s); times in minutes from the call',
      '',
    ])
  })

  it.each([
    [['--from', 'yesterday']],
    [['--to', '2026-11-21T18:00:00']],
    [['--from', '2026-02-30']],
    [['--from', '2026-11-22', '--to', '2026-11-21']],
    [['--from', '2026-11-21', '--to', '2026-11-21']],
    [['--since', '2026-11-21']],
    [['extra']],
  ])('is a usage error (exit 2) with %j, and creates nothing', (args) => {
    const missing = join(tempDir(), 'desk.sqlite')
    const run = cli(['escalations', '--db', missing, ...args])
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/Usage: da-desk/)
    expect(run.out).toBe('')
    expect(existsSync(missing)).toBe(false)
  })

  it('fails clearly when the database does not exist', () => {
    const run = cli(['escalations', '--db', join(tempDir(), 'nope.sqlite')])
    expect(run.code).toBe(1)
    expect(run.err).toMatch(/No database at/)
  })
})
