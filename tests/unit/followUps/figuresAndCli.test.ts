// Follow-up calls in the figures and in the command line's full export.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addIncident, closeDesk, must, signIn, testDesk } from '../../support/desk.ts'
import { cli } from '../../support/cli.ts'
import { tempDir } from '../../support/tempDir.ts'

async function deskWithFollowUps() {
  const dataDir = tempDir()
  const d = testDesk(dataDir)
  await signIn(d)
  const reached = await addIncident(d, 'CL-20261121-0001')
  const missed = await addIncident(d, 'CL-20261121-0002')
  const schedule = (incidentId: number) =>
    must(d, 'followUps.schedule', { incidentId, dueOn: '2026-11-23', reason: 'Medium risk.' })
  const first = await schedule(reached)
  const second = await schedule(missed)
  d.setTime('2026-11-23T10:00:00Z')
  const callOf = (followUpId: number, outcome: string, tryAgainOn: string | null) =>
    must(d, 'followUps.recordCall', { followUpId, outcome, tryAgainOn, note: null })
  await callOf(second.id, 'not-reached', '2026-11-24')
  await callOf(first.id, 'reached-supported', null)
  d.setTime('2026-11-24T10:00:00Z')
  await callOf(second.id, 'reached-declined', null)
  return { d, dataDir }
}

describe('follow-ups in the figures and the CLI', () => {
  it('counts follow-ups scheduled, calls made and survivors reached in the shift, and none open at its end', async () => {
    const { d } = await deskWithFollowUps()
    const whole = await must(d, 'figures.get', {
      from: '2026-11-21T00:00:00Z',
      to: '2026-11-25T00:00:00Z',
    })
    expect(whole.shifts).toBe(1)
    expect(whole.figures).toMatchObject({
      followUpsScheduled: 2,
      followUpCalls: 3,
      followUpsReached: 2,
      followUpsOpenAtEnd: 0,
      followUpsOverdueAtEnd: 0,
    })
  })

  it('includes each incident’s follow-ups with their calls in incidents --json', async () => {
    const { d, dataDir } = await deskWithFollowUps()
    await closeDesk(d)
    const run = cli(['incidents', '--db', join(dataDir, 'da-desk.sqlite'), '--json'])
    expect(run.code).toBe(0)
    const missed = JSON.parse(run.out).find(
      (i: { incidentRef: string }) => i.incidentRef === 'CL-20261121-0002',
    )
    expect(missed.followUps).toEqual([
      expect.objectContaining({
        scheduledFor: '2026-11-23',
        dueOn: '2026-11-24',
        status: 'completed',
        reason: 'Medium risk.',
        calls: [
          expect.objectContaining({ outcome: 'not-reached', tryAgainOn: '2026-11-24' }),
          expect.objectContaining({ outcome: 'reached-declined', tryAgainOn: null }),
        ],
      }),
    ])
    expect(missed.followUps[0]).not.toHaveProperty('incidentRef')
  })
})
