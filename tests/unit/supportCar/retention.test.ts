// The retention policy over the support car's records: a tasking or a visit is activity, an open
// tasking keeps its incident like an open escalation, and a purge turns the tasking's reason, the
// stand-down reason and the visit's notes into the removal text, keeping every counted fact.
import { describe, expect, it } from 'vitest'
import { REMOVED_TEXT } from '../../../shared/retention.ts'
import { addIncident, must, signIn, testDesk } from '../../support/desk.ts'

const LATER = '2028-01-10T12:00:00.000Z'

describe('retention and the support car', () => {
  it('keeps an incident on the car’s list and purges one whose tasking ended', async () => {
    const d = testDesk()
    await signIn(d)
    const onList = await addIncident(d, 'CL-ON-LIST')
    const visited = await addIncident(d, 'CL-VISITED')
    const task = (incidentId: number) =>
      must(d, 'supportCar.task', {
        incidentId,
        reason: 'Wants to see someone; he is at the pub until 23:00.',
        priority: 'urgent',
      })
    await task(onList)
    const tasking = await task(visited)
    await must(d, 'supportCar.recordVisit', {
      taskingId: tasking.id,
      visitedAt: '2026-11-21T17:58:00Z',
      officer: 'PC 4410 Ellis',
      idva: null,
      victimEngaged: true,
      safetyPlanAgreed: true,
      movedToSafety: true,
      disclosureGiven: false,
      referrals: ['refuge'],
      notes: 'Taken to the refuge on Mill Road.',
      completesTasking: false,
    })
    await must(d, 'supportCar.standDown', {
      taskingId: tasking.id,
      reason: 'She is at the refuge on Mill Road now.',
    })
    const figuresBefore = await must(d, 'figures.get', {
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    })

    d.setTime(LATER)
    await signIn(d)
    const preview = await must(d, 'retention.preview', {})
    expect(preview.kept.map((k) => [k.incidentRef, k.reasons])).toEqual([
      ['CL-ON-LIST', ['open-tasking']],
    ])
    const result = await must(d, 'retention.run', {})
    expect(result.purged.map((i) => i.incidentRef)).toEqual(['CL-VISITED'])

    const detail = await must(d, 'incidents.get', { id: visited })
    const [purged] = detail.supportCar
    expect(purged).toMatchObject({
      reason: REMOVED_TEXT,
      standDownReason: REMOVED_TEXT,
      priority: 'urgent',
      state: 'stood-down',
    })
    expect(purged!.visits[0]).toMatchObject({
      notes: REMOVED_TEXT,
      officer: 'PC 4410 Ellis',
      movedToSafety: true,
      referrals: [expect.objectContaining({ service: 'refuge' })],
    })
    const kept = await must(d, 'incidents.get', { id: onList })
    expect(kept.supportCar[0]!.reason).toBe('Wants to see someone; he is at the pub until 23:00.')
    const text = d.db
      .prepare(
        `SELECT count(*) FROM support_car_visits WHERE notes LIKE '%Mill Road%'
         UNION ALL SELECT count(*) FROM support_car_tasking_closures WHERE reason LIKE '%Mill Road%'`,
      )
      .pluck()
      .all()
    expect(text).toEqual([0, 0])
    expect(
      await must(d, 'figures.get', { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }),
    ).toMatchObject({ supportCar: figuresBefore.supportCar })
    // Outside a purge, the records still refuse to change.
    expect(() => d.db.exec(`UPDATE support_car_visits SET notes = '${REMOVED_TEXT}'`)).toThrow(
      'append-only',
    )
  })

  it('counts a visit as activity, so an incident visited recently is not due', async () => {
    const d = testDesk()
    await signIn(d)
    const id = await addIncident(d, 'CL-RECENT')
    const tasking = await must(d, 'supportCar.task', {
      incidentId: id,
      reason: 'Second response.',
      priority: 'routine',
    })
    d.setTime('2027-11-01T12:00:00Z')
    await signIn(d)
    await must(d, 'supportCar.recordVisit', {
      taskingId: tasking.id,
      visitedAt: '2027-11-01T11:00:00Z',
      officer: null,
      idva: 'Sam Rivers',
      victimEngaged: false,
      safetyPlanAgreed: false,
      movedToSafety: false,
      disclosureGiven: false,
      referrals: [],
      notes: null,
      completesTasking: true,
    })
    d.setTime(LATER)
    await signIn(d)
    const preview = await must(d, 'retention.preview', {})
    expect(preview.due.map((i) => i.incidentRef)).toEqual([])
  })
})
