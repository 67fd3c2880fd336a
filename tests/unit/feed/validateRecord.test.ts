import { describe, expect, it } from 'vitest'
import { validateRecord } from '../../../electron/core/feed/validateRecord.ts'

const NOW = Date.parse('2026-11-21T18:00:00Z')

function record(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    incidentRef: 'CL-20261121-0457',
    receivedAt: '2026-11-21T15:04:12Z',
    grade: 2,
    summary: 'Caller reports ex-partner banging on door.',
    ...fields,
  }
}

function accepted(raw: unknown) {
  const result = validateRecord(raw, 'record', NOW)
  if (!result.ok) throw new Error(`expected the record to be accepted: ${JSON.stringify(result)}`)
  return result.incident
}

function rejections(raw: unknown) {
  const result = validateRecord(raw, 'index 3', NOW)
  if (result.ok) throw new Error('expected the record to be rejected')
  return result.rejections
}

/** The reasons given for one field. */
function reasonsFor(raw: unknown, field: string): string[] {
  return rejections(raw)
    .filter((r) => r.field === field)
    .map((r) => r.reason)
}

/** An array nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

describe('a valid record', () => {
  it('is normalised with the defaults the format gives', () => {
    expect(accepted(record())).toEqual({
      incidentRef: 'CL-20261121-0457',
      receivedAt: '2026-11-21T15:04:12.000Z',
      updatedAt: '2026-11-21T15:04:12.000Z',
      grade: 2,
      status: 'open',
      source: null,
      summary: 'Caller reports ex-partner banging on door.',
      location: { address: null, postcode: null },
      callerRole: null,
      victim: { name: null, phone: null, dateOfBirth: null },
      suspect: { name: null, relationship: null },
      flags: [],
      extra: {},
    })
  })

  it('keeps every field of the format, trimmed', () => {
    const incident = accepted(
      record({
        incidentRef: '  CL/2026_11-21  ',
        updatedAt: '2026-11-21T15:30:00Z',
        status: ' Assigned ',
        source: 'ONLINE',
        summary: '  Neighbour heard shouting.  ',
        location: { address: ' 14 Example Terrace ', postcode: 'TS1 9ZZ' },
        callerRole: 'Third-Party',
        victim: { name: 'Alex Sample', phone: '07700 900123', dateOfBirth: '1990-04-17' },
        suspect: { name: 'Jordan Sample', relationship: 'ex-partner' },
      }),
    )
    expect(incident).toMatchObject({
      incidentRef: 'CL/2026_11-21',
      updatedAt: '2026-11-21T15:30:00.000Z',
      status: 'assigned',
      source: 'online',
      summary: 'Neighbour heard shouting.',
      location: { address: '14 Example Terrace', postcode: 'TS1 9ZZ' },
      callerRole: 'third-party',
      victim: { name: 'Alex Sample', phone: '07700 900123', dateOfBirth: '1990-04-17' },
      suspect: { name: 'Jordan Sample', relationship: 'ex-partner' },
    })
  })

  it('treats null, empty and whitespace-only optional fields as absent', () => {
    const incident = accepted(
      record({
        updatedAt: null,
        status: '',
        source: '   ',
        callerRole: null,
        location: null,
        victim: { name: '', phone: null, dateOfBirth: ' ' },
        suspect: '',
        flags: null,
      }),
    )
    expect(incident).toMatchObject({
      updatedAt: incident.receivedAt,
      status: 'open',
      source: null,
      callerRole: null,
      location: { address: null, postcode: null },
      victim: { name: null, phone: null, dateOfBirth: null },
      suspect: { name: null, relationship: null },
      flags: [],
    })
  })

  it('accepts the sources 999 and 101 written as numbers', () => {
    expect(accepted(record({ source: 999 })).source).toBe('999')
    expect(accepted(record({ source: 101 })).source).toBe('101')
  })
})

describe('grade', () => {
  it.each([
    [1, 1],
    ['4', 4],
    [' 2 ', 2],
    ['G3', 3],
    ['g1', 1],
    ['IMMEDIATE', 1],
    ['Priority', 2],
    [' scheduled ', 3],
    ['resolution', 4],
  ])('%j is read as grade %i', (grade, expected) => {
    expect(accepted(record({ grade })).grade).toBe(expected)
  })

  it.each([true, 5, 0, 2.5, 'G5', '2a', 'urgent', [1], { grade: 1 }])(
    '%j is rejected with the spellings that are allowed',
    (grade) => {
      const [reason] = reasonsFor(record({ grade }), 'grade')
      expect(reason).toMatch(/^must be 1, 2, 3 or 4, G1–G4, or immediate, priority, scheduled/)
    },
  )

  it('is required', () => {
    expect(reasonsFor(record({ grade: undefined }), 'grade')).toEqual(['required'])
    expect(reasonsFor(record({ grade: ' ' }), 'grade')).toEqual(['required'])
  })
})

describe('receivedAt and updatedAt', () => {
  it.each([
    ['2026-11-21T15:04:12Z', '2026-11-21T15:04:12.000Z'],
    ['2026-11-21T16:04:12+01:00', '2026-11-21T15:04:12.000Z'],
    ['2026-11-21T16:04:12+0100', '2026-11-21T15:04:12.000Z'],
    ['2026-11-21T09:34:12-05:30', '2026-11-21T15:04:12.000Z'],
    ['2026-11-21T15:04Z', '2026-11-21T15:04:00.000Z'],
    ['2026-11-21T15:04:12.5Z', '2026-11-21T15:04:12.500Z'],
    ['2026-11-21T15:04:12.123456z', '2026-11-21T15:04:12.123Z'],
    ['2026-11-22T05:04:12+14:00', '2026-11-21T15:04:12.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
  ])('%s is normalised to %s', (receivedAt, expected) => {
    const now = Date.parse('2028-03-01T00:00:00Z')
    const result = validateRecord(record({ receivedAt }), 'record', now)
    expect(result.ok && result.incident.receivedAt).toBe(expected)
  })

  it.each([
    ['2026-11-21T15:04:12', /has no Z or offset/],
    ['2026-02-31T10:00:00Z', /is not a real date \(2026-02-31 does not exist\)/],
    ['2026-02-29T10:00:00Z', /is not a real date/],
    ['2026-13-01T10:00:00Z', /is not a real date/],
    ['2026-11-21T24:00:00Z', /is not a real time/],
    ['2026-11-21T15:60:00Z', /is not a real time/],
    ['2026-11-21T15:04:12+25:00', /offset of \+25:00, beyond the largest real one/],
    ['2026-11-21T15:04:12+14:30', /beyond the largest real one/],
    [
      '2026-11-21',
      /^must be an ISO 8601 date-time with Z or an offset, e.g. 2026-11-21T15:04:12Z$/,
    ],
    ['21/11/2026 15:04', /^must be an ISO 8601 date-time/],
    ['2026-11-21T15:04:12+1', /^must be an ISO 8601 date-time/],
    [1763737452000, /^must be an ISO 8601 date-time .*, found a number$/],
  ])('%j is rejected', (receivedAt, reason) => {
    expect(reasonsFor(record({ receivedAt }), 'receivedAt')).toEqual([
      expect.stringMatching(reason),
    ])
  })

  it('rejects a receivedAt more than an hour ahead of the clock, allowing for drift', () => {
    expect(reasonsFor(record({ receivedAt: '2026-11-21T19:00:01Z' }), 'receivedAt')).toEqual([
      expect.stringMatching(/^is in the future/),
    ])
    expect(accepted(record({ receivedAt: '2026-11-21T19:00:00Z' })).receivedAt).toBe(
      '2026-11-21T19:00:00.000Z',
    )
  })

  it('rejects an updatedAt before receivedAt', () => {
    const raw = record({ receivedAt: '2026-11-21T15:04:12Z', updatedAt: '2026-11-21T15:04:11Z' })
    expect(reasonsFor(raw, 'updatedAt')).toEqual(['is before receivedAt'])
  })

  it('compares updatedAt with receivedAt as moments, not as text', () => {
    const raw = record({
      receivedAt: '2026-11-21T15:04:12Z',
      updatedAt: '2026-11-21T16:00:00+01:00',
    })
    expect(reasonsFor(raw, 'updatedAt')).toEqual(['is before receivedAt'])
  })

  it('rejects a far-future updatedAt that would outrank every later update', () => {
    expect(reasonsFor(record({ updatedAt: '2099-01-01T00:00:00Z' }), 'updatedAt')).toEqual([
      expect.stringMatching(/^is in the future/),
    ])
  })

  it('requires receivedAt', () => {
    expect(reasonsFor(record({ receivedAt: undefined }), 'receivedAt')).toEqual(['required'])
  })
})

describe('incidentRef', () => {
  it('accepts 64 characters and rejects 65', () => {
    expect(accepted(record({ incidentRef: 'A'.repeat(64) })).incidentRef).toHaveLength(64)
    expect(reasonsFor(record({ incidentRef: 'A'.repeat(65) }), 'incidentRef')).toEqual([
      'must be at most 64 characters (it has 65)',
    ])
  })

  it.each(['CL 0457', 'CL#0457', 'CL-ü', 'CL.0457', 'CL\n0457'])('rejects %j', (incidentRef) => {
    expect(reasonsFor(record({ incidentRef }), 'incidentRef')).toEqual([
      'may only contain letters, digits, /, - and _',
    ])
  })

  it('is required and must be text', () => {
    expect(reasonsFor(record({ incidentRef: '' }), 'incidentRef')).toEqual(['required'])
    expect(reasonsFor(record({ incidentRef: 457 }), 'incidentRef')).toEqual([
      'must be text, found a number',
    ])
  })
})

describe('summary and other text', () => {
  it('accepts 4,000 characters of summary and rejects 4,001', () => {
    expect(accepted(record({ summary: 'x'.repeat(4000) })).summary).toHaveLength(4000)
    expect(reasonsFor(record({ summary: 'x'.repeat(4001) }), 'summary')).toEqual([
      'must be at most 4,000 characters (it has 4,001)',
    ])
  })

  it('counts an emoji as one character', () => {
    expect(accepted(record({ summary: '😢'.repeat(4000) })).summary).toHaveLength(8000)
    expect(reasonsFor(record({ summary: '😢'.repeat(4001) }), 'summary')).toEqual([
      'must be at most 4,000 characters (it has 4,001)',
    ])
  })

  it('rejects a summary that is not text or is blank', () => {
    expect(reasonsFor(record({ summary: 42 }), 'summary')).toEqual(['must be text, found a number'])
    expect(reasonsFor(record({ summary: '  \n ' }), 'summary')).toEqual(['required'])
  })

  it.each([
    ['location.address', { location: { address: 'a'.repeat(501) } }, 500],
    ['location.postcode', { location: { postcode: 'a'.repeat(17) } }, 16],
    ['victim.name', { victim: { name: 'a'.repeat(201) } }, 200],
    ['victim.phone', { victim: { phone: '0'.repeat(41) } }, 40],
    ['suspect.name', { suspect: { name: 'a'.repeat(201) } }, 200],
    ['suspect.relationship', { suspect: { relationship: 'a'.repeat(101) } }, 100],
  ])('rejects a %s over its limit', (field, fields, max) => {
    expect(reasonsFor(record(fields), field)).toEqual([
      expect.stringContaining(`must be at most ${max} characters`),
    ])
  })

  it('rejects a phone number written as a number, which would lose its leading zero', () => {
    expect(reasonsFor(record({ victim: { phone: 7700900123 } }), 'victim.phone')).toEqual([
      'must be text, found a number',
    ])
  })
})

describe('status, source and callerRole', () => {
  it.each([
    ['status', 'pending', 'must be one of open, assigned, attended, closed, found "pending"'],
    ['status', 1, 'must be one of open, assigned, attended, closed, found 1'],
    ['source', 112, 'must be one of 999, 101, online, other, found 112'],
    ['source', 'phone', 'must be one of 999, 101, online, other, found "phone"'],
    [
      'callerRole',
      'neighbour',
      'must be one of victim, third-party, child, other, found "neighbour"',
    ],
  ])('rejects %s %j', (field, value, reason) => {
    expect(reasonsFor(record({ [field]: value }), field)).toEqual([reason])
  })
})

describe('victim.dateOfBirth', () => {
  it.each([
    ['17/04/1990', 'must be a date written YYYY-MM-DD, e.g. 1990-04-17'],
    ['1990-02-30', 'is not a real date (1990-02-30 does not exist)'],
    ['2027-01-01', 'is in the future'],
  ])('rejects %s', (dateOfBirth, reason) => {
    expect(reasonsFor(record({ victim: { dateOfBirth } }), 'victim.dateOfBirth')).toEqual([reason])
  })

  it('accepts a leap day', () => {
    expect(accepted(record({ victim: { dateOfBirth: '2000-02-29' } })).victim.dateOfBirth).toBe(
      '2000-02-29',
    )
  })
})

describe('location, victim and suspect', () => {
  it.each([
    ['victim', 'Alex Sample', 'found a string'],
    ['location', ['14 Example Terrace'], 'found an array'],
    ['suspect', 7, 'found a number'],
  ])('rejects a %s that is not an object', (field, value, found) => {
    expect(reasonsFor(record({ [field]: value }), field)).toEqual([
      expect.stringMatching(new RegExp(`^must be an object with .*, ${found}$`)),
    ])
  })
})

describe('flags', () => {
  it('spells known flags the known way and keeps unknown ones as they came, once each', () => {
    const flags = [' Weapon ', 'INJURY', 'weapon', 'Dog at address', 'Dog at address', 'injury']
    expect(accepted(record({ flags })).flags).toEqual(['weapon', 'injury', 'Dog at address'])
  })

  it('rejects flags that are not a list', () => {
    expect(reasonsFor(record({ flags: 'weapon' }), 'flags')).toEqual([
      'must be a list of markers, e.g. ["weapon", "injury"], found a string',
    ])
  })

  it('names the marker that is wrong', () => {
    const problems = rejections(record({ flags: ['weapon', 3, ' ', 'x'.repeat(65)] }))
    expect(problems).toEqual([
      { at: 'index 3', field: 'flags[1]', reason: 'must be text, found a number' },
      { at: 'index 3', field: 'flags[2]', reason: 'must not be empty' },
      { at: 'index 3', field: 'flags[3]', reason: 'must be at most 64 characters' },
    ])
  })

  it('accepts 50 markers and rejects 51', () => {
    const markers = (n: number) => Array.from({ length: n }, (_, i) => `marker-${i}`)
    expect(accepted(record({ flags: markers(50) })).flags).toHaveLength(50)
    expect(reasonsFor(record({ flags: markers(51) }), 'flags')).toEqual([
      'must have at most 50 markers (it has 51)',
    ])
  })
})

describe('a record with several problems', () => {
  it('reports every problem, each with its place', () => {
    const problems = rejections({
      incidentRef: 'bad ref',
      receivedAt: '2026-11-21',
      grade: 5,
      summary: 12,
      victim: 'someone',
    })
    expect(problems.map((p) => [p.at, p.field])).toEqual([
      ['index 3', 'incidentRef'],
      ['index 3', 'receivedAt'],
      ['index 3', 'grade'],
      ['index 3', 'summary'],
      ['index 3', 'victim'],
    ])
  })

  it.each([
    [null, 'null'],
    ['CL-1', 'a string'],
    [12, 'a number'],
    [[record()], 'an array'],
  ])('rejects %j as a whole when it is not an object', (raw, found) => {
    expect(rejections(raw)).toEqual([
      { at: 'index 3', field: 'record', reason: `must be an incident object, found ${found}` },
    ])
  })
})

describe('fields outside the format', () => {
  it('are kept in extra, nested ones under dotted names', () => {
    const incident = accepted(
      record({
        forceCode: 'CL',
        callHandler: { id: 17, team: ['B'] },
        'victim.name': 'written flat',
        victim: { name: 'Alex', gender: 'female' },
        location: { postcode: 'TS1 9ZZ', gridRef: null },
      }),
    )
    expect(incident.victim.name).toBe('Alex')
    expect(incident.extra).toEqual({
      forceCode: 'CL',
      callHandler: { id: 17, team: ['B'] },
      'victim.name': 'written flat',
      'victim.gender': 'female',
      'location.gridRef': null,
    })
  })

  it('keep a __proto__ key as data without changing any prototype', () => {
    const raw = JSON.parse(
      '{"incidentRef":"CL-1","receivedAt":"2026-11-21T15:04:12Z","grade":1,"summary":"s",' +
        '"__proto__":{"polluted":"top"},"victim":{"name":"Alex","__proto__":{"polluted":"victim"}}}',
    ) as unknown
    const incident = accepted(raw)
    expect(Object.getOwnPropertyNames(incident.extra)).toEqual(['__proto__', 'victim.__proto__'])
    expect(Object.getOwnPropertyDescriptor(incident.extra, '__proto__')?.value).toEqual({
      polluted: 'top',
    })
    expect(incident.extra['victim.__proto__']).toEqual({ polluted: 'victim' })
    expect(Object.getPrototypeOf(incident.extra)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((incident.extra as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('are rejected when nested more than 32 levels deep, naming the field', () => {
    expect(accepted(record({ deep: nested(32) })).extra.deep).toEqual(nested(32))
    expect(reasonsFor(record({ deep: nested(33) }), 'deep')).toEqual([
      'is nested too deeply (more than 32 levels of arrays or objects)',
    ])
    expect(reasonsFor(record({ victim: { notes: nested(40) } }), 'victim.notes')).toEqual([
      expect.stringMatching(/^is nested too deeply/),
    ])
  })

  it('are checked for depth without recursion, however deep', () => {
    expect(reasonsFor(record({ deep: nested(100_000) }), 'deep')).toEqual([
      expect.stringMatching(/^is nested too deeply/),
    ])
  })

  it('are rejected when there are more than 200 of them', () => {
    const fields = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, i]))
    expect(Object.keys(accepted(record(fields(200))).extra)).toHaveLength(200)
    expect(reasonsFor(record(fields(201)), 'record')).toEqual([
      'has 201 fields that are not in the format; at most 200 are kept',
    ])
  })

  it('must be plain data when a record comes from somewhere other than a file', () => {
    const loop: Record<string, unknown> = {}
    loop.self = loop
    expect(reasonsFor(record({ loop }), 'loop')).toEqual([
      expect.stringMatching(/^must be plain JSON data/),
    ])
    expect(reasonsFor(record({ big: 10n }), 'big')).toEqual(['must be plain JSON data'])
    expect(reasonsFor(record({ when: new Date(0) }), 'when')).toEqual(['must be plain JSON data'])
  })

  it('must not be given twice, flat and nested', () => {
    const raw = record({ 'victim.gender': 'f', victim: { gender: 'female' } })
    expect(reasonsFor(raw, 'victim.gender')).toEqual([
      'is given twice, as a dotted name and inside its object',
    ])
  })
})
