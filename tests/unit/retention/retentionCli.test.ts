// `da-desk retention`: the preview and the purge from the command line, on a database a shift was
// worked in long ago; the figures `da-desk stats` prints stay exactly the same.
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { runCli } from '../../../electron/cli/main.ts'
import type { CliIo } from '../../../electron/cli/main.ts'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { closeDesk, testDesk } from '../../support/desk.ts'
import { workFixtureShift } from '../../support/handoverShift.ts'
import { TEST_KEY, TEST_KEY_HEX } from '../../support/databaseKey.ts'
import { cli } from '../../support/cli.ts'

/** A database with the fixture shift worked in January 2025, closed. */
async function oldDatabase(): Promise<string> {
  const d = testDesk()
  d.setTime('2025-01-11T13:00:00.000Z')
  await workFixtureShift(d, '2025-01-11', 'Q')
  await closeDesk(d)
  return join(d.dataDir, 'da-desk.sqlite')
}

/** The CLI in this process, on 01/06/2026 at noon. */
async function at(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    now: () => Date.parse('2026-06-01T12:00:00.000Z'),
    env: { DA_DESK_KEY: TEST_KEY_HEX },
  }
  const code = await runCli(args, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const victimNames = (db: string) => {
  const open = openDatabase(db, TEST_KEY)
  try {
    return open.prepare(`SELECT victim_name FROM incidents ORDER BY id`).pluck().all() as (
      string | null
    )[]
  } finally {
    open.close()
  }
}

describe('da-desk retention', () => {
  test('--preview lists what a purge would remove and what it keeps, and changes nothing', async () => {
    const db = await oldDatabase()
    const run = await at(['retention', '--db', db, '--preview'])
    expect(run).toMatchObject({ code: 0, err: '' })
    expect(run.out.split('\n')).toEqual([
      'Retention period 12 months: a purge now would remove personal details from 2 ' +
        'incident(s) whose last activity was before 01/06/2025, and delete 0 feed file(s) ' +
        'from before then.',
      '  CL-Q-D  last activity 11/01/2025',
      '  CL-Q-B  last activity 11/01/2025',
      '  CL-Q-A  last activity 11/01/2025  kept: outstanding action',
      '  CL-Q-C  last activity 11/01/2025  kept: open escalation',
    ])
    expect(victimNames(db)).toContain('Bea Victim')
    const json = await at(['retention', '--db', db, '--preview', '--json', '--months', '120'])
    expect(JSON.parse(json.out)).toMatchObject({ months: 120, due: [], kept: [] })
  })

  test('--run removes them, is audited, and stats prints the same figures before and after', async () => {
    const db = await oldDatabase()
    const stats = ['stats', '--db', db, '--from', '2025-01-01', '--to', '2025-02-01', '--json']
    const before = cli(stats)
    expect(before.code).toBe(0)
    const run = await at(['retention', '--db', db, '--run', '--json'])
    expect(run).toMatchObject({ code: 0, err: '' })
    const result = JSON.parse(run.out)
    expect(result.purged.map((i: { incidentRef: string }) => i.incidentRef)).toEqual([
      'CL-Q-D',
      'CL-Q-B',
    ])
    expect(victimNames(db)).toEqual(['Zoë Łukasiewicz-Ó Briain', null, null, 'Cal Victim']) // A, D, B, C
    const after = cli(stats)
    expect(after.out).toBe(before.out)
    const open = openDatabase(db, TEST_KEY)
    const entry = open
      .prepare(`SELECT actor, detail FROM audit_log WHERE action = 'retention.purged'`)
      .get() as { actor: string; detail: string }
    open.close()
    expect(entry.actor).toMatch(/^command line \(/)
    expect(JSON.parse(entry.detail)).toMatchObject({ trigger: 'command line', incidents: 2 })
  })

  test('refuses usage errors with exit 2 and changes nothing', async () => {
    const db = await oldDatabase()
    for (const args of [
      ['retention', '--db', db],
      ['retention', '--db', db, '--preview', '--run'],
      ['retention', '--db', db, '--run', '--months', '0'],
      ['retention', '--db', db, '--run', '--months', '121'],
      ['retention', '--db', db, '--run', '--months', 'twelve'],
      ['retention', '--db', db, '--run', 'extra'],
    ]) {
      const run = await at(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.err).toMatch(/^da-desk: /)
    }
    expect(victimNames(db)).toContain('Bea Victim')
  })
})
