import { describe, expect, it } from 'vitest'
import { formatAge, formatDateTime, formatTime, parseLondonDateTime } from '../../../shared/time.ts'

describe('times shown to the worker', () => {
  it('are London wall-clock times, 24-hour, dd/MM/yyyy, in winter and in summer', () => {
    expect(formatDateTime('2026-11-21T15:04:12.000Z')).toBe('21/11/2026 15:04')
    expect(formatDateTime('2026-07-01T23:30:00.000Z')).toBe('02/07/2026 00:30')
    expect(formatTime('2026-07-01T11:05:00.000Z')).toBe('12:05')
  })

  it('count the age of a call in minutes, then hours, then days', () => {
    const call = '2026-11-21T15:00:00.000Z'
    expect(formatAge(call, Date.parse('2026-11-21T15:00:30Z'))).toBe('just now')
    expect(formatAge(call, Date.parse('2026-11-21T15:12:00Z'))).toBe('12 min')
    expect(formatAge(call, Date.parse('2026-11-21T16:05:00Z'))).toBe('1 h 05 min')
    expect(formatAge(call, Date.parse('2026-11-23T18:00:00Z'))).toBe('2 d 3 h')
  })
})

describe('a time typed by the worker', () => {
  it('is read as London time and stored in UTC', () => {
    expect(parseLondonDateTime('21/11/2026 15:04')).toBe('2026-11-21T15:04:00.000Z')
    expect(parseLondonDateTime('1/7/2026 12:00')).toBe('2026-07-01T11:00:00.000Z')
  })

  it('takes the first of the two 01:30s on the night the clocks go back', () => {
    expect(parseLondonDateTime('25/10/2026 01:30')).toBe('2026-10-25T00:30:00.000Z')
    expect(parseLondonDateTime('25/10/2026 02:30')).toBe('2026-10-25T02:30:00.000Z')
  })

  it('moves a time in the hour skipped when the clocks go forward on by an hour', () => {
    expect(parseLondonDateTime('29/03/2026 01:30')).toBe('2026-03-29T01:30:00.000Z')
    expect(formatDateTime(parseLondonDateTime('29/03/2026 01:30')!)).toBe('29/03/2026 02:30')
  })

  it.each(['31/02/2026 10:00', '21/13/2026 10:00', '21/11/2026 24:00', '2026-11-21 10:00', ''])(
    'is refused when it is not a real date and time: %j',
    (input) => {
      expect(parseLondonDateTime(input)).toBeNull()
    },
  )
})
