// Follow-up calls in the notes pane's timeline: the open incident's detail carries its follow-ups
// with every call made to them, and the timeline titles each "Follow-up call: …" so the worker
// can tell it from the first contact's "Call: …" attempts.
import { describe, expect, it } from 'vitest'
import { followUpCallEntries } from '../../../renderer/src/notes/followUpCallEntries.ts'
import { addIncident, must, signIn, testDesk } from '../../support/desk.ts'

const DASH_YES = [
  'dash-injury',
  'dash-frightened',
  'dash-fear-of-what',
  'dash-isolated',
  'dash-low-mood',
  'dash-separation',
  'dash-child-contact',
  'dash-stalking',
  'dash-pregnancy',
  'dash-more-often',
]

describe('follow-up calls in the timeline', () => {
  it('shows each follow-up call apart from the first contact, with its outcome, try-again day and note', async () => {
    const d = testDesk()
    await signIn(d)
    const incidentId = await addIncident(d)
    await must(d, 'contact.logAttempt', {
      incidentId,
      number: '07700 900999',
      result: 'spoke-to-victim',
      callBackAt: null,
      note: null,
    })
    for (const questionId of DASH_YES) {
      await must(d, 'script.answer', { incidentId, scriptVersion: '1', questionId, value: 'yes' })
    }
    await must(d, 'contact.recordOutcome', {
      incidentId,
      outcome: 'safety-plan-agreed',
      note: null,
    })
    const [followUp] = await must(d, 'followUps.list', {})

    d.setTime('2027-01-02T10:00:00Z')
    await must(d, 'followUps.recordCall', {
      followUpId: followUp!.id,
      outcome: 'not-reached',
      tryAgainOn: '2027-01-04',
      note: null,
    })
    d.setTime('2027-01-04T09:15:00Z')
    await must(d, 'followUps.recordCall', {
      followUpId: followUp!.id,
      outcome: 'reached-supported',
      tryAgainOn: null,
      note: 'Wants to hear from the IDVA.',
    })

    const detail = await must(d, 'incidents.get', { id: incidentId })
    expect(detail.attempts).toHaveLength(1)
    expect(detail.followUps.map((f) => [f.id, f.status])).toEqual([[followUp!.id, 'completed']])
    expect(
      followUpCallEntries(detail).map(({ kind, at, title, tryAgain, call }) => ({
        kind,
        at,
        title,
        tryAgain,
        note: call.note,
        by: call.by,
      })),
    ).toEqual([
      {
        kind: 'followUpCall',
        at: '2027-01-02T10:00:00.000Z',
        title: 'Follow-up call: Not reached — try again',
        tryAgain: 'Try again on 04/01/2027',
        note: null,
        by: 'Jo Example (Harbour)',
      },
      {
        kind: 'followUpCall',
        at: '2027-01-04T09:15:00.000Z',
        title: 'Follow-up call: Reached and supported',
        tryAgain: null,
        note: 'Wants to hear from the IDVA.',
        by: 'Jo Example (Harbour)',
      },
    ])
  })

  it('an incident with no follow-up has no follow-up calls in its timeline', async () => {
    const d = testDesk()
    await signIn(d)
    const detail = await must(d, 'incidents.get', { id: await addIncident(d) })
    expect(detail.followUps).toEqual([])
    expect(followUpCallEntries(detail)).toEqual([])
  })
})
