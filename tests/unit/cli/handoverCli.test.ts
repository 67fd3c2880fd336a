// The export and stats commands, run as real processes on a database a shift was worked in.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/main.ts'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { closeDesk, must, testDesk } from '../../support/desk.ts'
import { FIXTURE_FIGURES, workFixtureShift } from '../../support/handoverShift.ts'
import { cli } from '../../support/cli.ts'
import { TEST_KEY, TEST_KEY_HEX } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

/** A database with the fixture shift handed over in the app, and the app's JSON export. */
async function handedOverShift() {
  const dir = tempDir()
  const d = testDesk(dir)
  await workFixtureShift(d)
  const app = await must(d, 'shift.handOver', {
    formats: ['json'],
    statsOnly: false,
    outDir: tempDir(),
  })
  await closeDesk(d)
  return {
    db: join(dir, 'da-desk.sqlite'),
    appJson: JSON.parse(readFileSync(app.files[0]!.path, 'utf8')),
  }
}

/** The incidents without what differs between two exports made at different times. */
const incidentsOf = (record: { incidents: Record<string, unknown>[] }) =>
  record.incidents.map(({ previouslyHandedOverAt, ...rest }) => rest)

describe('da-desk export', () => {
  it('writes the same record as the app, with a manifest it prints, and is audited', async () => {
    const { db, appJson } = await handedOverShift()
    const out = tempDir()
    const run = cli([
      'export',
      '--db',
      db,
      '--shift',
      '1',
      '--format',
      'pdf,csv',
      '--format',
      'json',
      '--out',
      out,
    ])
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    const manifest = JSON.parse(run.out)
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual([
      'DA-Desk-handover-shift-1-2026-11-21.pdf',
      'DA-Desk-handover-shift-1-2026-11-21.csv',
      'DA-Desk-handover-shift-1-2026-11-21.json',
    ])
    expect(readdirSync(out).sort()).toEqual(
      [
        ...manifest.files.map((f: { name: string }) => f.name),
        'DA-Desk-handover-shift-1-2026-11-21.manifest.json',
      ].sort(),
    )
    for (const f of manifest.files) {
      const bytes = readFileSync(join(out, f.name))
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256)
    }
    const record = JSON.parse(readFileSync(join(out, manifest.files[2].name), 'utf8'))
    expect(record.figures).toEqual(appJson.figures)
    expect(record.figures).toEqual(FIXTURE_FIGURES)
    expect(incidentsOf(record)).toEqual(incidentsOf(appJson))
    expect(record.header).toMatchObject({
      from: appJson.header.from,
      to: appJson.header.to,
      workers: appJson.header.workers,
      exportedBy: expect.stringMatching(/^command line \(/),
    })
    // The app's hand over is recorded as an earlier handover of each incident.
    expect(record.incidents[0].previouslyHandedOverAt).toBe('2026-11-21T21:30:00.000Z')

    const check = openDatabase(db, TEST_KEY)
    const audit = check
      .prepare(
        `SELECT actor, session_id, detail FROM audit_log WHERE action = 'handover.export' ORDER BY id`,
      )
      .all() as { actor: string; session_id: number | null; detail: string }[]
    check.close()
    expect(audit).toHaveLength(2)
    expect(audit[1]).toMatchObject({
      actor: expect.stringMatching(/^command line \(/),
      session_id: null,
    })
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ folder: out, scope: 'shift', shiftId: 1 })
  })

  it('exports a period statistics-only, without names', async () => {
    const { db } = await handedOverShift()
    const out = tempDir()
    const run = cli([
      'export',
      '--db',
      db,
      '--from',
      '2026-11-01',
      '--to',
      '2026-12-01',
      '--format',
      'csv',
      '--stats-only',
      '--out',
      out,
    ])
    expect(run.code).toBe(0)
    const manifest = JSON.parse(run.out)
    expect(manifest).toMatchObject({
      scope: 'period',
      statisticsOnly: true,
      incidents: 3,
      exportedBy: null,
    })
    const csv = readFileSync(join(out, manifest.files[0].name), 'utf8')
    expect(csv).not.toContain('Zoë')
    expect(csv).not.toContain('07700')
  })

  it('says why and leaves nothing when the folder is not there (exit 1)', async () => {
    const { db } = await handedOverShift()
    const out = join(tempDir(), 'gone')
    const run = cli(['export', '--db', db, '--shift', '1', '--format', 'pdf', '--out', out])
    expect(run.code).toBe(1)
    expect(run.err).toContain(`Nothing was exported: the folder ${out} is not there`)
  })

  it('refuses wrong usage with exit 2 and writes nothing', { timeout: 60_000 }, async () => {
    const { db } = await handedOverShift()
    const out = tempDir()
    const cases: [string[], string][] = [
      [['--shift', '1', '--format', 'pdf'], 'Give --out DIR'],
      [
        [
          '--shift',
          '1',
          '--from',
          '2026-11-01',
          '--to',
          '2026-12-01',
          '--format',
          'pdf',
          '--out',
          out,
        ],
        'either --shift',
      ],
      [['--format', 'pdf', '--out', out], 'either --shift'],
      [['--shift', '1', '--format', 'docx', '--out', out], '--format "docx"'],
      [['--shift', '1', '--out', out], 'Give --format'],
      [['--shift', 'one', '--format', 'pdf', '--out', out], 'is not a shift number'],
      [
        ['--from', '2026-12-01', '--to', '2026-11-01', '--format', 'pdf', '--out', out],
        '--from must be before --to',
      ],
      [['--from', '2026-11-01', '--format', 'pdf', '--out', out], 'Give both --from and --to'],
    ]
    // In the process, for speed; one of them also as a real process below.
    for (const [args, words] of cases) {
      const err: string[] = []
      const io = {
        out: () => {},
        err: (t: string) => err.push(t),
        now: Date.now,
        env: { DA_DESK_KEY: TEST_KEY_HEX },
      }
      expect(await runCli(['export', '--db', db, ...args], io), words).toBe(2)
      expect(err.join('\n')).toContain(words)
      expect(err.join('\n')).toContain('Usage: da-desk')
    }
    const real = cli(['export', '--db', db, '--shift', '1', '--format', 'docx', '--out', out])
    expect(real.code).toBe(2)
    expect(readdirSync(out)).toEqual([])
    const unknown = cli(['export', '--db', db, '--shift', '7', '--format', 'pdf', '--out', out])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('No shift 7')
  })
})

describe('da-desk stats', () => {
  it('prints the figures for a period as JSON, with its weeks', async () => {
    const { db } = await handedOverShift()
    const run = cli(['stats', '--db', db, '--from', '2026-11-16', '--to', '2026-11-23', '--json'])
    expect(run.code).toBe(0)
    const figures = JSON.parse(run.out)
    expect(figures).toMatchObject({
      from: '2026-11-16T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
      shifts: 1,
      figures: FIXTURE_FIGURES,
    })
    expect(figures.weeks).toHaveLength(1)
  })

  it('prints them for people without --json, and refuses a period without an end (exit 2)', async () => {
    const { db } = await handedOverShift()
    const run = cli(['stats', '--db', db, '--from', '2026-11-01', '--to', '2026-12-01'])
    expect(run.code).toBe(0)
    expect(run.out).toContain('01/11/2026 00:00 to 01/12/2026 00:00: 1 shift(s)')
    expect(run.out).toMatch(/Median minutes from call to escalation\s+48.5/)
    const bad = cli(['stats', '--db', db, '--from', '2026-11-01'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('Give both --from and --to')
  })
})
