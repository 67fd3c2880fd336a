// Repeat call-outs: which earlier incidents count as the same home or the same victim, and only
// those whose call came in within the twelve months before this one's.
import { describe, expect, it } from 'vitest'
import type { RepeatCandidate } from '../../../electron/core/db/escalationQueries.ts'
import {
  repeatCounts,
  repeatCountsForAll,
  repeatWindow,
} from '../../../electron/core/escalation/repeatIncidents.ts'

const THIS_CALL = '2026-11-21T18:00:00.000Z'
let nextId = 100

const incident = (fields: Partial<RepeatCandidate>): RepeatCandidate => ({
  id: nextId++,
  receivedAt: '2026-10-01T12:00:00.000Z',
  address: null,
  postcode: null,
  victimPhone: null,
  victimName: null,
  victimDob: null,
  ...fields,
})

const target = incident({
  id: 1,
  receivedAt: THIS_CALL,
  address: 'Flat 3, 2 Sample Road, Stockton-on-Tees',
  postcode: 'TS18 9ZZ',
  victimPhone: '07700 900456',
  victimName: 'Sam Example',
  victimDob: '1990-04-02',
})

/** The counts both ways the desk works them out (one incident; every incident at once). */
function counts(earlier: RepeatCandidate[]) {
  const one = repeatCounts(target, earlier)
  expect(repeatCountsForAll([target, ...earlier]).get(target.id)).toEqual(one)
  return one
}

describe('earlier incidents at the same address', () => {
  it('match ignoring case and spaces', () => {
    expect(
      counts([
        incident({ address: 'flat 3,2 sample road,  STOCKTON-ON-TEES' }),
        incident({ address: 'Flat 3, 2 Sample Road, Stockton-on-Tees', postcode: 'ts18 9zz' }),
      ]),
    ).toEqual({ earlierAtAddress: 2, earlierForVictim: 0 })
  })

  it('do not match when both give a postcode and the postcodes differ, or the address differs', () => {
    expect(
      counts([
        incident({ address: 'Flat 3, 2 Sample Road, Stockton-on-Tees', postcode: 'TS17 1AA' }),
        incident({ address: 'Flat 32 Sample Road, Stockton-on-Tees', postcode: 'TS18 9ZZ' }),
        incident({ address: null, postcode: 'TS18 9ZZ' }),
      ]),
    ).toEqual({ earlierAtAddress: 0, earlierForVictim: 0 })
  })
})

describe('earlier incidents for the same victim', () => {
  it('match by the phone number’s digits, +44 read as 0', () => {
    expect(
      counts([
        incident({ victimPhone: '07700900456' }),
        incident({ victimPhone: '+44 7700 900-456' }),
        incident({ victimPhone: '07700 900457' }),
      ]),
    ).toEqual({ earlierAtAddress: 0, earlierForVictim: 2 })
  })

  it('match by name and date of birth together, ignoring case and spaces in the name', () => {
    expect(
      counts([
        incident({ victimName: 'SAM  EXAMPLE', victimDob: '1990-04-02' }),
        incident({ victimName: 'Sam Example', victimDob: '1991-04-02' }),
        incident({ victimName: 'Sam Example' }),
      ]),
    ).toEqual({ earlierAtAddress: 0, earlierForVictim: 1 })
  })

  it('count an incident that matches by phone and by name once', () => {
    expect(
      counts([
        incident({
          victimPhone: '07700 900456',
          victimName: 'Sam Example',
          victimDob: '1990-04-02',
        }),
      ]),
    ).toEqual({ earlierAtAddress: 0, earlierForVictim: 1 })
  })

  it('never match on a number too short to be one', () => {
    const short = { ...target, victimPhone: '999' }
    expect(repeatCounts(short, [incident({ victimPhone: '999' })])).toEqual({
      earlierAtAddress: 0,
      earlierForVictim: 0,
    })
  })
})

describe('the twelve months before the call', () => {
  const same = { victimPhone: '07700 900456', address: target.address }

  it('count calls in the 365 days before this one, not later ones nor this one', () => {
    expect(
      counts([
        incident({ ...same, receivedAt: '2025-11-21T18:00:00.000Z' }),
        incident({ ...same, receivedAt: '2025-11-21T17:59:59.999Z' }),
        incident({ ...same, receivedAt: '2026-11-21T17:59:00.000Z' }),
        incident({ ...same, receivedAt: THIS_CALL }),
        incident({ ...same, receivedAt: '2026-11-21T18:30:00.000Z' }),
      ]),
    ).toEqual({ earlierAtAddress: 2, earlierForVictim: 2 })
  })

  it('is the window the desk reads from the database', () => {
    expect(repeatWindow(THIS_CALL)).toEqual({ from: '2025-11-21T18:00:00.000Z', to: THIS_CALL })
  })
})
