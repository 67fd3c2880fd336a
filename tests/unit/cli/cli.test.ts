// The command line, run as an administrator would run it.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../support/tempDir.ts'
import { closeDesk, must, signIn, testDesk } from '../../support/desk.ts'
import { cli, CLI_BIN } from '../../support/cli.ts'
import { TEST_KEY_HEX } from '../../support/databaseKey.ts'

const SAMPLES = resolve(import.meta.dirname, '../../fixtures/feed')

function samples(dir: string): string[] {
  return readdirSync(SAMPLES)
    .sort()
    .map((name) => {
      copyFileSync(join(SAMPLES, name), join(dir, name))
      return join(dir, name)
    })
}

describe('da-desk ingest', () => {
  it('ingests the sample files in order, leaves them where they are and exits 0', () => {
    const dir = tempDir()
    const db = join(dir, 'desk.sqlite')
    const files = samples(dir)
    const run = cli(['ingest', '--db', db, ...files])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.out)
    expect(report.totals).toEqual({
      accepted: 5,
      updated: 1,
      unchanged: 0,
      rejected: 0,
      failedFiles: 0,
    })
    expect(report.files.map((f: { file: string; error: unknown }) => [f.file, f.error])).toEqual(
      files.map((f) => [f.split('/').pop(), null]),
    )
    expect(files.every((f) => existsSync(f))).toBe(true)
  })

  it('is harmless to run twice: the second run changes nothing', () => {
    const dir = tempDir()
    const db = join(dir, 'desk.sqlite')
    const files = samples(dir)
    cli(['ingest', '--db', db, ...files])
    const again = JSON.parse(cli(['ingest', '--db', db, ...files]).out)
    expect(again.totals).toMatchObject({ accepted: 0, updated: 0, unchanged: 6 })
  })

  it('reports rejected records with their place, field and reason, and exits 3', () => {
    const dir = tempDir()
    const file = join(dir, 'mixed.json')
    writeFileSync(
      file,
      JSON.stringify([
        { incidentRef: 'CL-1', receivedAt: '2026-11-21T15:00:00Z', grade: 2, summary: 'ok' },
        { incidentRef: 'CL-2', receivedAt: '2026-11-21T15:00:00', grade: 2, summary: 'no offset' },
      ]),
    )
    const run = cli(['ingest', '--db', join(dir, 'desk.sqlite'), file])
    expect(run.code).toBe(3)
    const report = JSON.parse(run.out)
    expect(report.files[0]).toMatchObject({ accepted: 1, error: null })
    expect(report.files[0].rejected).toMatchObject([{ at: 'index 1', field: 'receivedAt' }])
    expect(report.totals).toMatchObject({ accepted: 1, rejected: 1, failedFiles: 0 })
  })

  it('rejects a whole file it cannot read and says why, and exits 3', () => {
    const dir = tempDir()
    const files = ['empty.json', 'notes.txt', 'missing.csv'].map((n) => join(dir, n))
    writeFileSync(files[0]!, '')
    writeFileSync(files[1]!, 'hello')
    const run = cli(['ingest', '--db', join(dir, 'desk.sqlite'), ...files])
    expect(run.code).toBe(3)
    const report = JSON.parse(run.out)
    expect(report.files.map((f: { error: string }) => f.error)).toEqual([
      expect.stringMatching(/empty/),
      expect.stringMatching(/unsupported file type \.txt/),
      expect.stringMatching(/could not be read \(ENOENT\)/),
    ])
    expect(report.totals.failedFiles).toBe(3)
  })

  it.each([
    [['ingest', '--db', '/tmp/x.sqlite']],
    [['ingest', '--nonsense', 'a.json']],
    [['frobnicate']],
    [[]],
  ])('exits 2 with usage for %j', (args) => {
    const run = cli(args)
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/Usage: da-desk/)
  })
})

describe('da-desk incidents', () => {
  it('prints every incident with grade 1–4, UTC times, extra fields, history and progress', () => {
    const dir = tempDir()
    const db = join(dir, 'desk.sqlite')
    cli(['ingest', '--db', db, ...samples(dir)])
    const run = cli(['incidents', '--db', db, '--json'])
    expect(run.code).toBe(0)
    const incidents = JSON.parse(run.out)
    expect(incidents).toHaveLength(5)
    const upgraded = incidents.find(
      (i: { incidentRef: string }) => i.incidentRef === 'CL-20261121-0461',
    )
    expect(upgraded).toMatchObject({
      grade: 2,
      status: 'assigned',
      receivedAt: '2026-11-21T15:12:40.000Z',
      updatedAt: '2026-11-21T15:44:10.000Z',
      progress: 'new',
      extra: {},
    })
    expect(upgraded.history.slice(0, 3)).toEqual([
      { at: '2026-11-21T15:12:40.000Z', field: 'incident', from: null, to: 'feed' },
      { at: '2026-11-21T15:44:10.000Z', field: 'grade', from: '3', to: '2' },
      { at: '2026-11-21T15:44:10.000Z', field: 'status', from: 'open', to: 'assigned' },
    ])
  })

  it('includes each incident’s contact attempts and notes, with amendments and done actions', async () => {
    const dataDir = tempDir()
    const d = testDesk(dataDir)
    await signIn(d)
    const { id } = await must(d, 'incidents.addManual', {
      record: {
        incidentRef: 'CL-8',
        receivedAt: '2026-11-21T17:40:00Z',
        grade: 2,
        summary: 'Call dropped.',
      },
    })
    await must(d, 'contact.logAttempt', {
      incidentId: id,
      number: '07700 900456',
      result: 'unsafe-to-talk',
      callBackAt: '2026-11-21T20:00:00Z',
      note: 'Whispered, hung up.',
    })
    const action = await must(d, 'notes.add', {
      incidentId: id,
      text: 'Ring back at 20:00.',
      tags: ['action'],
      actionOwner: 'next-shift',
      amends: null,
    })
    const correction = await must(d, 'notes.add', {
      incidentId: id,
      text: 'Correction: ring back at 20:30.',
      tags: ['action'],
      actionOwner: 'next-shift',
      amends: action.id,
    })
    await must(d, 'notes.markActionDone', { noteId: correction.id })
    await must(d, 'notes.saveDraft', {
      incidentId: id,
      text: 'Unfiled',
      tags: [],
      actionOwner: null,
      amends: null,
    })
    await closeDesk(d)

    const run = cli(['incidents', '--db', join(dataDir, 'da-desk.sqlite'), '--json'])
    expect(run.code).toBe(0)
    const [incident] = JSON.parse(run.out)
    expect(incident).toMatchObject({ incidentRef: 'CL-8', progress: 'reviewing' })
    expect(incident.attempts).toEqual([
      {
        id: expect.any(Number),
        at: '2026-11-21T18:00:00.000Z',
        number: '07700 900456',
        result: 'unsafe-to-talk',
        callBackAt: '2026-11-21T20:00:00.000Z',
        note: 'Whispered, hung up.',
        by: 'Jo Example (Harbour)',
      },
    ])
    expect(incident.notes).toEqual([
      {
        id: action.id,
        at: '2026-11-21T18:00:00.000Z',
        author: 'Jo Example (Harbour)',
        text: 'Ring back at 20:00.',
        tags: ['action'],
        actionOwner: 'next-shift',
        amends: null,
        actionDoneAt: null,
        actionDoneBy: null,
      },
      {
        id: correction.id,
        at: '2026-11-21T18:00:00.000Z',
        author: 'Jo Example (Harbour)',
        text: 'Correction: ring back at 20:30.',
        tags: ['action'],
        actionOwner: 'next-shift',
        amends: action.id,
        actionDoneAt: '2026-11-21T18:00:00.000Z',
        actionDoneBy: 'Jo Example (Harbour)',
      },
    ])
    expect(run.out).not.toMatch(/Unfiled/)
  })

  it('includes each incident’s script answers with their version, risk, judgements, referrals and outcomes', async () => {
    const dataDir = tempDir()
    const d = testDesk(dataDir)
    await signIn(d)
    const { id } = await must(d, 'incidents.addManual', {
      record: { incidentRef: 'CL-9', receivedAt: '2026-11-21T17:40:00Z', grade: 1, summary: 'x' },
    })
    const answer = { incidentId: id, scriptVersion: '1' }
    await must(d, 'script.answer', { ...answer, questionId: 'dash-strangulation', value: 'no' })
    await must(d, 'script.answer', { ...answer, questionId: 'dash-strangulation', value: 'yes' })
    await must(d, 'script.setStep', { incidentId: id, stepId: 'referrals' })
    await must(d, 'risk.judge', { incidentId: id, high: true, reason: 'Strangulation.' })
    await must(d, 'referrals.add', {
      incidentId: id,
      service: 'marac',
      otherService: null,
      decision: 'consented',
      detail: null,
    })
    await must(d, 'contact.recordOutcome', {
      incidentId: id,
      outcome: 'moved-to-safety',
      note: null,
    })
    await closeDesk(d)

    const run = cli(['incidents', '--db', join(dataDir, 'da-desk.sqlite'), '--json'])
    expect(run.code).toBe(0)
    const [incident] = JSON.parse(run.out)
    const by = 'Jo Example (Harbour)'
    const at = '2026-11-21T18:00:00.000Z'
    expect(incident.script).toEqual({
      stepId: 'referrals',
      answers: [
        {
          id: expect.any(Number),
          scriptId: 'safe-contact',
          scriptVersion: '1',
          questionId: 'dash-strangulation',
          value: 'no',
          at,
          by,
        },
        {
          id: expect.any(Number),
          scriptId: 'safe-contact',
          scriptVersion: '1',
          questionId: 'dash-strangulation',
          value: 'yes',
          at,
          by,
        },
      ],
      risk: {
        yesCount: 1,
        answered: 1,
        total: 24,
        level: 'high',
        byJudgement: true,
        maracPrompt: false,
      },
      judgements: [{ id: expect.any(Number), high: true, reason: 'Strangulation.', at, by }],
      referrals: [
        {
          id: expect.any(Number),
          service: 'marac',
          otherService: null,
          decision: 'consented',
          detail: null,
          at,
          by,
        },
      ],
      outcomes: [{ id: expect.any(Number), outcome: 'moved-to-safety', note: null, at, by }],
    })
  })

  it('shows no attempts or notes for an incident that has none', () => {
    const dir = tempDir()
    const db = join(dir, 'desk.sqlite')
    cli(['ingest', '--db', db, ...samples(dir)])
    const incidents = JSON.parse(cli(['incidents', '--db', db, '--json']).out)
    for (const incident of incidents) expect(incident).toMatchObject({ attempts: [], notes: [] })
    for (const incident of incidents) {
      expect(incident.script).toMatchObject({
        stepId: null,
        answers: [],
        risk: { level: 'standard' },
      })
    }
  })

  it('uses the app’s own database when --db is not given', () => {
    const dataDir = tempDir()
    const env = { DA_DESK_DATA_DIR: dataDir }
    const file = join(dataDir, 'one.json')
    writeFileSync(
      file,
      JSON.stringify({
        incidentRef: 'CL-7',
        receivedAt: '2026-11-21T15:00:00Z',
        grade: 1,
        summary: 'x',
      }),
    )
    expect(cli(['ingest', file], env).code).toBe(0)
    expect(existsSync(join(dataDir, 'da-desk.sqlite'))).toBe(true)
    const listed = execFileSync(process.execPath, [CLI_BIN, 'incidents'], {
      encoding: 'utf8',
      env: { ...process.env, DA_DESK_KEY: TEST_KEY_HEX, ...env },
    })
    expect(listed).toMatch(/^CL-7 {2}G1 {2}open {2}new {2}21\/11\/2026 15:00 {2}x$/m)
  })

  it('fails clearly, without creating anything, when the database does not exist', () => {
    const db = join(tempDir(), 'nope.sqlite')
    const run = cli(['incidents', '--db', db])
    expect(run.code).toBe(1)
    expect(run.err).toMatch(/No database at/)
    expect(existsSync(db)).toBe(false)
  })
})
