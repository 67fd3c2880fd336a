// Repeat call-outs: which earlier incidents count as the same home or the same victim (typed by
// different call handlers, so compared loosely), and only those whose call came in within the
// twelve months before this one's.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import type { Db } from '../../../electron/core/db/openDatabase.ts'
import { incidentQueries } from '../../../electron/core/db/incidentQueries.ts'
import { escalationQueries } from '../../../electron/core/db/escalationQueries.ts'
import type { IncidentFields } from '../../../shared/domain.ts'
import { tempDir } from '../../support/tempDir.ts'

const THIS_CALL = '2026-11-21T18:00:00.000Z'
const WINDOW_START = '2025-11-21T18:00:00.000Z'
const HOME = { address: 'Flat 3, 2 Sample Road, Stockton-on-Tees', postcode: 'TS18 9ZZ' }
const VICTIM = { name: 'Sam Example', phone: '07700 900456', dateOfBirth: '1990-04-02' }

interface Earlier {
  receivedAt?: string
  location?: Partial<IncidentFields['location']>
  victim?: Partial<IncidentFields['victim']>
}

/** A database with the given earlier incidents; the counts for a call now from VICTIM at HOME. */
interface Target {
  location: IncidentFields['location']
  victim: IncidentFields['victim']
}

function counts(earlier: Earlier[], target: Target = { location: HOME, victim: VICTIM }) {
  const db = openDatabase(join(tempDir(), 'desk.sqlite'))
  const incidents = incidentQueries(db)
  let n = 0
  const add = (e: Earlier) =>
    incidents.insertIfNew(
      {
        incidentRef: `CL-${++n}`,
        receivedAt: e.receivedAt ?? '2026-10-01T12:00:00.000Z',
        updatedAt: e.receivedAt ?? '2026-10-01T12:00:00.000Z',
        grade: 3,
        status: 'open',
        source: null,
        summary: 'Call.',
        location: { address: null, postcode: null, ...e.location },
        callerRole: null,
        victim: { name: null, phone: null, dateOfBirth: null, ...e.victim },
        suspect: { name: null, relationship: null },
        flags: [],
        extra: {},
      },
      'feed',
      THIS_CALL,
    )!
  for (const e of earlier) add(e)
  const id = add({ ...target, receivedAt: THIS_CALL })
  const result = escalationQueries(db).repeatCounts({
    id,
    receivedAt: THIS_CALL,
    from: WINDOW_START,
    address: target.location.address,
    postcode: target.location.postcode,
    victimPhone: target.victim.phone,
    victimName: target.victim.name,
    victimDob: target.victim.dateOfBirth,
  })
  db.close()
  return result
}

describe('earlier incidents at the same address', () => {
  it('match ignoring case and spaces', () => {
    expect(
      counts([
        { location: { address: 'flat 3,2 sample road,  STOCKTON-ON-TEES' } },
        { location: { address: 'Flat 3, 2 Sample Road,\nStockton-on-Tees', postcode: 'ts189zz' } },
      ]),
    ).toEqual({ earlierAtAddress: 2, earlierForVictim: 0 })
  })

  it('do not match a different postcode where both give one, nor a different address', () => {
    expect(
      counts([
        { location: { ...HOME, postcode: 'TS17 1AA' } },
        { location: { address: 'Flat 32 Sample Road, Stockton-on-Tees', postcode: 'TS18 9ZZ' } },
        { location: { address: null, postcode: 'TS18 9ZZ' } },
      ]),
    ).toEqual({ earlierAtAddress: 0, earlierForVictim: 0 })
  })

  it('never match when this incident has no address', () => {
    expect(
      counts([{ location: { address: null } }], {
        location: { address: null, postcode: 'TS18 9ZZ' },
        victim: { name: null, phone: null, dateOfBirth: null },
      }),
    ).toEqual({ earlierAtAddress: 0, earlierForVictim: 0 })
  })
})

describe('earlier incidents for the same victim', () => {
  it('match by the last ten digits of the phone number', () => {
    expect(
      counts([
        { victim: { phone: '07700900456' } },
        { victim: { phone: '+44 (0)7700 900-456' } },
        { victim: { phone: '07700 900457' } },
      ]),
    ).toEqual({ earlierAtAddress: 0, earlierForVictim: 2 })
  })

  it('match by name and date of birth together, ignoring case and spaces in the name', () => {
    expect(
      counts([
        { victim: { name: 'SAM  EXAMPLE', dateOfBirth: '1990-04-02' } },
        { victim: { name: 'Sam Example', dateOfBirth: '1991-04-02' } },
        { victim: { name: 'Sam Example' } },
      ]),
    ).toEqual({ earlierAtAddress: 0, earlierForVictim: 1 })
  })

  it('count an incident that matches by phone and by name once', () => {
    expect(counts([{ victim: VICTIM }])).toEqual({ earlierAtAddress: 0, earlierForVictim: 1 })
  })

  it('never match on a number too short to be one, nor on a name without a date of birth', () => {
    const target = {
      location: HOME,
      victim: { name: 'Sam Example', phone: '999', dateOfBirth: null },
    }
    expect(
      counts([{ victim: { phone: '999' } }, { victim: { name: 'Sam Example' } }], target),
    ).toEqual({ earlierAtAddress: 0, earlierForVictim: 0 })
  })
})

describe('the twelve months before the call', () => {
  const same = { location: HOME, victim: { phone: VICTIM.phone } }

  it('count calls in the 365 days before this one, not earlier or later ones', () => {
    expect(
      counts([
        { ...same, receivedAt: WINDOW_START },
        { ...same, receivedAt: '2025-11-21T17:59:59.999Z' },
        { ...same, receivedAt: '2026-11-21T17:59:00.000Z' },
        { ...same, receivedAt: THIS_CALL },
        { ...same, receivedAt: '2026-11-21T18:30:00.000Z' },
      ]),
    ).toEqual({ earlierAtAddress: 2, earlierForVictim: 2 })
  })
})

describe('counting', () => {
  it('looks incidents up by index, not by reading every incident', () => {
    const db = openDatabase(join(tempDir(), 'desk.sqlite'))
    const plans: string[][] = []
    const prepare = db.prepare.bind(db)
    const spy = Object.assign(Object.create(db) as Db, {
      prepare: (sql: string) => {
        if (/count\(\*\) AS n FROM incidents/.test(sql)) {
          plans.push(
            prepare(`EXPLAIN QUERY PLAN ${sql}`)
              .all({
                id: 1,
                receivedAt: '',
                from: '',
                address: 'x',
                postcode: null,
                victimPhone: '07700 900456',
                victimName: 'x',
                victimDob: 'x',
              })
              .map((r) => (r as { detail: string }).detail),
          )
        }
        return prepare(sql)
      },
    })
    escalationQueries(spy)
    db.close()
    expect(plans).toHaveLength(2)
    const indexes = plans.flat().join('\n')
    expect(indexes).toMatch(/USING INDEX incidents_by_address_key/)
    expect(indexes).toMatch(/USING INDEX incidents_by_phone_key/)
    expect(indexes).toMatch(/USING INDEX incidents_by_victim_key/)
    expect(indexes).not.toMatch(/SCAN/)
  })
})
