// The support car in a period's figures, in the shape the scheme publishes: victims engaged,
// referred to DA services and to other services, moved to safety (by phone, by visit and in all,
// each victim once) and Clare's Law disclosures given at visits. A visit's referral is one of the
// incident's referrals, so the desk's own referral figures count it once, not twice.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addIncident, closeDesk, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { cli } from '../../support/cli.ts'

const PERIOD = { from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z' }

const spoke = (d: TestDesk, incidentId: number) =>
  must(d, 'contact.logAttempt', {
    incidentId,
    number: '07700 900123',
    result: 'spoke-to-victim',
    callBackAt: null,
    note: null,
  })
const referral = (d: TestDesk, incidentId: number, service: string, decision = 'consented') =>
  must(d, 'referrals.add', {
    incidentId,
    service,
    otherService: null,
    decision,
    detail: decision === 'declined' ? 'Has support from family.' : null,
  })
async function visited(d: TestDesk, incidentId: number, change: object) {
  const tasking = await must(d, 'supportCar.task', {
    incidentId,
    reason: 'Second response.',
    priority: 'high',
  })
  return must(d, 'supportCar.recordVisit', {
    taskingId: tasking.id,
    visitedAt: '2026-11-21T17:55:00Z',
    officer: 'PC 4410 Ellis',
    idva: 'Sam Rivers',
    victimEngaged: true,
    safetyPlanAgreed: false,
    movedToSafety: false,
    disclosureGiven: false,
    referrals: [],
    notes: null,
    completesTasking: true,
    ...change,
  })
}

/** Six incidents worked by phone, by the car, or both, as a weekend's records might be. */
async function fixturePeriod() {
  const d = testDesk()
  await signIn(d)
  const [a, b, c, dd, e, f] = [
    await addIncident(d, 'CL-A'),
    await addIncident(d, 'CL-B'),
    await addIncident(d, 'CL-C'),
    await addIncident(d, 'CL-D'),
    await addIncident(d, 'CL-E'),
    await addIncident(d, 'CL-F'),
  ] as number[]
  // A: by phone, referred to a DA service.
  await spoke(d, a!)
  await referral(d, a!, 'da-service')
  // B: by phone and then by the car, which referred her to the IDVA and housing, moved her to
  // safety and gave a Clare's Law disclosure.
  await spoke(d, b!)
  await visited(d, b!, {
    referrals: ['idva', 'housing'],
    movedToSafety: true,
    disclosureGiven: true,
  })
  // C: only by the car, referred to a refuge.
  await visited(d, c!, { referrals: ['refuge'] })
  // D: the car called and no one was in.
  await visited(d, dd!, { victimEngaged: false })
  // E: by phone, moved to safety and referred to housing.
  await spoke(d, e!)
  await must(d, 'contact.recordOutcome', { incidentId: e!, outcome: 'moved-to-safety', note: null })
  await referral(d, e!, 'housing')
  // F: by phone; declined a referral, which is not counted.
  await spoke(d, f!)
  await referral(d, f!, 'da-service', 'declined')
  return { d, b: b! }
}

describe('the support car in the figures', () => {
  it('counts engagement, referrals and moves to safety by phone and by visit, each victim once', async () => {
    const { d } = await fixturePeriod()
    const figures = await must(d, 'figures.get', PERIOD)
    expect(figures.supportCar).toEqual({
      taskings: 3,
      visits: 3,
      engaged: { byPhone: 4, byVisit: 2, total: 5 },
      referredToDaServices: { byPhone: 1, byVisit: 2, total: 3 },
      referredToOtherServices: { byPhone: 1, byVisit: 1, total: 2 },
      movedToSafety: { byPhone: 1, byVisit: 1, total: 2 },
      disclosuresAtVisits: 1,
    })
    // The desk's own figures count a visit's referral once, as the referral it is.
    expect(figures.figures.daServiceReferrals).toBe(3)
    expect(figures.figures.otherServiceReferrals).toBe(2)
  })

  it('counts a visit, with its referrals, when it is recorded, not when the crew attended', async () => {
    const d = testDesk()
    await signIn(d)
    const incidentId = await addIncident(d, 'CL-LATE')
    // Attended late on the 21st; the crew reports it on the morning of the 22nd.
    d.setTime('2026-11-22T09:00:00Z')
    await visited(d, incidentId, { visitedAt: '2026-11-21T23:30:00Z', referrals: ['idva'] })
    const day = (from: string, to: string) => must(d, 'figures.get', { from, to })
    const attended = await day('2026-11-21T00:00:00Z', '2026-11-22T00:00:00Z')
    const recorded = await day('2026-11-22T00:00:00Z', '2026-11-23T00:00:00Z')
    expect(attended.supportCar).toMatchObject({ visits: 0, engaged: { byVisit: 0 } })
    expect(recorded.supportCar).toMatchObject({
      visits: 1,
      engaged: { byVisit: 1 },
      referredToDaServices: { byVisit: 1 },
    })
  })

  it('counts nothing in a period before the work was done', async () => {
    const { d } = await fixturePeriod()
    const before = await must(d, 'figures.get', {
      from: '2026-11-20T00:00:00Z',
      to: '2026-11-21T00:00:00Z',
    })
    const none = { byPhone: 0, byVisit: 0, total: 0 }
    expect(before.supportCar).toEqual({
      taskings: 0,
      visits: 0,
      engaged: none,
      referredToDaServices: none,
      referredToOtherServices: none,
      movedToSafety: none,
      disclosuresAtVisits: 0,
    })
  })

  it('exports each incident’s taskings and visits in incidents --json', async () => {
    const { d, b } = await fixturePeriod()
    const dataDir = d.dataDir
    expect(b).toBeGreaterThan(0)
    await closeDesk(d)
    const run = cli(['incidents', '--db', join(dataDir, 'da-desk.sqlite'), '--json'])
    expect(run.code).toBe(0)
    const record = JSON.parse(run.out).find(
      (i: { incidentRef: string }) => i.incidentRef === 'CL-B',
    )
    expect(record.taskings).toEqual([
      expect.objectContaining({ priority: 'high', reason: 'Second response.', state: 'completed' }),
    ])
    expect(record.visits).toEqual([
      expect.objectContaining({
        officer: 'PC 4410 Ellis',
        idva: 'Sam Rivers',
        movedToSafety: true,
        disclosureGiven: true,
        referrals: [
          expect.objectContaining({ service: 'idva' }),
          expect.objectContaining({ service: 'housing' }),
        ],
      }),
    ])
    expect(record.taskings[0]).not.toHaveProperty('visits')
  })
})
