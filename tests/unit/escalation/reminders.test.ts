// When an unacknowledged escalation comes back to the worker's attention, moved by a fake clock,
// and the text the worker pastes into the police incident log.
import { describe, expect, it } from 'vitest'
import type { Escalation } from '../../../shared/escalation.ts'
import { ccLogText, nextReminderAt } from '../../../shared/escalation.ts'

const RAISED = '2026-11-21T18:00:00.000Z'
const minutes = (n: number) => Date.parse(RAISED) + n * 60_000

const raised: Escalation = {
  id: 7,
  incidentId: 3,
  incidentRef: 'CL-20261121-0461',
  callReceivedAt: '2026-11-21T17:40:00.000Z',
  state: 'raised',
  raisedAt: RAISED,
  raisedBy: 'Jo Example (Harbour)',
  reasons: ['strangulation', 'suspect-present'],
  detail: 'Disclosed being choked last week; he is on his way back.',
  currentGrade: 3,
  recommendedGrade: 2,
  fromSuggestion: ['answer-dash-strangulation'],
  acknowledgement: null,
  linkedRegrade: null,
  outcome: null,
}

describe('the reminder for an unacknowledged escalation', () => {
  it('is due one interval after raising, then one interval after each reminder shown', () => {
    expect(nextReminderAt(raised, 2, null)).toBe(minutes(2))
    // The worker saw the reminder 10 s late; the next counts from then.
    expect(nextReminderAt(raised, 2, minutes(2) + 10_000)).toBe(minutes(4) + 10_000)
    expect(nextReminderAt(raised, 5, minutes(5))).toBe(minutes(10))
  })

  it('a clock moved through a shift brings it back every interval until acknowledged', () => {
    let now = Date.parse(RAISED)
    let last: number | null = null
    const shown: number[] = []
    for (; now <= minutes(7); now += 15_000) {
      const due = nextReminderAt(raised, 2, last)
      if (due !== null && now >= due) {
        shown.push((now - Date.parse(RAISED)) / 60_000)
        last = now
      }
    }
    expect(shown).toEqual([2, 4, 6])
  })

  it('stops once acknowledged or closed', () => {
    expect(nextReminderAt({ ...raised, state: 'acknowledged' }, 2, null)).toBeNull()
    expect(nextReminderAt({ ...raised, state: 'closed' }, 2, minutes(2))).toBeNull()
  })
})

describe('the C&C log text', () => {
  it('gives the reference, time, reasons, detail, grades and worker, in London time', () => {
    expect(ccLogText(raised)).toBe(
      [
        'DA SUPPORT ESCALATION — CL-20261121-0461',
        'Raised 21/11/2026 18:00 by Jo Example (Harbour) (DA support worker).',
        'Reasons: Strangulation or choking; Suspect present or returning.',
        'Detail: Disclosed being choked last week; he is on his way back.',
        'Current grade 3 (Scheduled); recommended grade 2 (Priority).',
      ].join('\n'),
    )
  })

  it('adds the acknowledgement and the outcome once recorded, in summer time too', () => {
    const text = ccLogText({
      ...raised,
      raisedAt: '2026-07-04T17:00:00.000Z',
      detail: null,
      state: 'closed',
      acknowledgement: { at: '2026-07-04T17:03:00.000Z', controller: 'PC 4512', recordedBy: 'x' },
      outcome: {
        outcome: 'upgraded',
        at: '2026-07-04T17:09:00.000Z',
        by: 'Jo Example (Harbour)',
        grade: 1,
        reason: null,
      },
    })
    expect(text.split('\n')).toEqual([
      'DA SUPPORT ESCALATION — CL-20261121-0461',
      'Raised 04/07/2026 18:00 by Jo Example (Harbour) (DA support worker).',
      'Reasons: Strangulation or choking; Suspect present or returning.',
      'Current grade 3 (Scheduled); recommended grade 2 (Priority).',
      'Acknowledged by PC 4512 at 04/07/2026 18:03.',
      'Outcome: upgraded to grade 1 (Immediate) at 04/07/2026 18:09.',
    ])
  })

  it('gives the reason for an escalation not upgraded', () => {
    const text = ccLogText({
      ...raised,
      state: 'closed',
      acknowledgement: { at: RAISED, controller: 'PC 4512', recordedBy: 'x' },
      outcome: {
        outcome: 'not-upgraded',
        at: '2026-11-21T18:20:00.000Z',
        by: 'x',
        grade: null,
        reason: 'No units free',
      },
    })
    expect(text.split('\n').at(-1)).toBe(
      'Outcome: not upgraded at 21/11/2026 18:20 — No units free.',
    )
  })
})
