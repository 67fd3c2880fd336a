// Repeat victims and addresses on the command line: `incidents --json` gives each incident's
// earlier incidents, how each matched, the counts the rules use, and the false matches dismissed.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../../support/cli.ts'
import { tempDir } from '../../support/tempDir.ts'
import { closeDesk, must, signIn, testDesk } from '../../support/desk.ts'

const HOME = { address: '2 Sample Road, Stockton-on-Tees', postcode: 'TS18 9ZZ' }

describe('da-desk incidents --json', () => {
  it('includes each incident’s repeats with how they matched and the dismissals', async () => {
    const dataDir = tempDir()
    const d = testDesk(dataDir)
    await signIn(d)
    const add = async (incidentRef: string, receivedAt: string, victim: object) =>
      (
        await must(d, 'incidents.addManual', {
          record: { incidentRef, receivedAt, grade: 3, summary: 'Call.', location: HOME, victim },
        })
      ).id
    const old = await add('CL-A', '2025-03-01T10:00:00Z', {})
    const first = await add('CL-B', '2026-10-01T10:00:00Z', { phone: '07700 900456' })
    const id = await add('CL-C', '2026-11-21T17:40:00Z', { phone: '07700900456' })
    await must(d, 'repeats.dismiss', {
      incidentId: id,
      earlierId: first,
      kind: 'address',
      reason: 'Her new flat shares the building’s number.',
    })
    await closeDesk(d)
    expect(old).toBeLessThan(first)

    const run = cli(['incidents', '--db', join(dataDir, 'da-desk.sqlite'), '--json'])
    expect(run.code).toBe(0)
    const records = JSON.parse(run.out) as { incidentRef: string; repeats: unknown }[]
    expect(records.find((r) => r.incidentRef === 'CL-A')?.repeats).toEqual({
      earlierAtAddress: 0,
      earlierForVictim: 0,
      matches: [],
    })
    expect(records.find((r) => r.incidentRef === 'CL-C')?.repeats).toEqual({
      earlierAtAddress: 0,
      earlierForVictim: 1,
      matches: [
        {
          incidentRef: 'CL-B',
          receivedAt: '2026-10-01T10:00:00.000Z',
          grade: 3,
          status: 'open',
          keys: ['address', 'phone'],
          withinWindow: true,
          outcome: null,
          riskLevel: null,
          dismissals: [
            {
              id: expect.any(Number),
              kind: 'address',
              reason: 'Her new flat shares the building’s number.',
              at: '2026-11-21T18:00:00.000Z',
              by: 'Jo Example (Harbour)',
            },
          ],
        },
        {
          incidentRef: 'CL-A',
          receivedAt: '2025-03-01T10:00:00.000Z',
          grade: 3,
          status: 'open',
          keys: ['address'],
          withinWindow: false,
          outcome: null,
          riskLevel: null,
          dismissals: [],
        },
      ],
    })
  })
})
