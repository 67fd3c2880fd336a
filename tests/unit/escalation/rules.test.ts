// The suggestion rules, one by one: each fires on what it looks for, and only when the grade it
// warrants is above the incident's; the advice names the reasons and the grade, the way the
// escalate button shows them.
import { describe, expect, it } from 'vitest'
import type { Grade } from '../../../shared/domain.ts'
import type { EscalationFacts, GradeTargets } from '../../../shared/escalation.ts'
import { DEFAULT_GRADE_TARGETS } from '../../../shared/escalation.ts'
import { ESCALATION_RULES, suggestEscalation } from '../../../shared/escalationRules.ts'

const CALL = '2026-11-21T18:00:00.000Z'
const at = (minutesAfterCall: number) => Date.parse(CALL) + minutesAfterCall * 60_000
const NOW = at(5)

/** A grade-4 incident, still open, about which nothing worrying is known. */
const quiet: EscalationFacts = {
  grade: 4,
  status: 'open',
  receivedAt: CALL,
  flags: [],
  answers: {},
  riskLevel: 'standard',
  lastAttemptResult: null,
  earlierAtAddress: 0,
  earlierForVictim: 0,
}

const fired = (facts: Partial<EscalationFacts>, now = NOW, targets = DEFAULT_GRADE_TARGETS) =>
  suggestEscalation({ ...quiet, ...facts }, now, targets, [])?.suggestions.map((s) => s.ruleId) ??
  []

/** Each rule, facts that fire it, and the grade it warrants. */
const FIRING: [string, Partial<EscalationFacts>, Grade][] = [
  ['flag-weapon', { flags: ['weapon'] }, 1],
  ['flag-suspect-on-scene', { flags: ['suspect-on-scene'] }, 1],
  ['flag-strangulation', { flags: ['strangulation'] }, 2],
  ['flag-threats-to-kill', { flags: ['threats-to-kill'] }, 2],
  ['flag-injury', { flags: ['injury'] }, 2],
  ['flag-children-present', { flags: ['children-present'] }, 2],
  ['answer-safety-suspect-near', { answers: { 'safety-suspect-near': 'yes' } }, 1],
  ['answer-now-suspect-where', { answers: { 'now-suspect-where': 'in-the-home' } }, 1],
  ['answer-now-suspect-where', { answers: { 'now-suspect-where': 'nearby' } }, 1],
  ['answer-now-urgent-help', { answers: { 'now-urgent-help': 'yes' } }, 1],
  ['answer-now-weapons', { answers: { 'now-weapons': 'yes' } }, 2],
  ['answer-now-injured', { answers: { 'now-injured': 'yes' } }, 2],
  ['answer-now-children', { answers: { 'now-children': 'yes' } }, 2],
  ['answer-dash-strangulation', { answers: { 'dash-strangulation': 'yes' } }, 2],
  ['answer-dash-threats-to-kill', { answers: { 'dash-threats-to-kill': 'yes' } }, 2],
  ['answer-dash-weapons', { answers: { 'dash-weapons': 'yes' } }, 2],
  ['dash-high-risk', { riskLevel: 'high' }, 2],
  ['repeat-address', { earlierAtAddress: 2 }, 2],
  ['repeat-victim', { earlierForVictim: 2 }, 2],
  ['contact-lost', { lastAttemptResult: 'call-dropped' }, 2],
  ['contact-lost', { lastAttemptResult: 'unsafe-to-talk' }, 2],
]

describe('each rule', () => {
  it.each(FIRING)('%s fires on %j and warrants grade %i', (ruleId, facts, warrants) => {
    const advice = suggestEscalation({ ...quiet, ...facts }, NOW, DEFAULT_GRADE_TARGETS, [])
    expect(advice?.suggestions).toEqual([expect.objectContaining({ ruleId, warrants })])
    expect(ESCALATION_RULES.find((r) => r.id === ruleId)?.warrants).toBe(warrants)
  })

  it.each(FIRING)('%s stays quiet on %j when the incident is already grade %i', (_, facts, g) => {
    expect(fired({ ...facts, grade: g })).toEqual([])
  })

  it.each<[string, Partial<EscalationFacts>]>([
    ['an unknown flag or a flag no rule looks at', { flags: ['pregnancy', 'WEAPON?'] }],
    ['a suspect not near', { answers: { 'safety-suspect-near': 'no' } }],
    ['a suspect elsewhere', { answers: { 'now-suspect-where': 'elsewhere-known' } }],
    ['a suspect with police', { answers: { 'now-suspect-where': 'with-police' } }],
    ['no urgent help needed', { answers: { 'now-urgent-help': 'no' } }],
    ['no weapons, injury or children', { answers: { 'now-weapons': 'no', 'now-injured': 'no' } }],
    ['DASH answers not known', { answers: { 'dash-strangulation': 'not-known' } }],
    ['DASH answers not asked', { answers: { 'dash-threats-to-kill': 'not-asked' } }],
    ['a medium DASH risk', { riskLevel: 'medium' }],
    [
      'one earlier incident at the address and one for the victim',
      { earlierAtAddress: 1, earlierForVictim: 1 },
    ],
    ['a last attempt with no answer', { lastAttemptResult: 'no-answer' }],
    ['a last attempt that reached the victim', { lastAttemptResult: 'spoke-to-victim' }],
  ])('none fires on %s', (_, facts) => {
    expect(fired(facts)).toEqual([])
  })

  it('counts the strangulation answer on a grade-3 incident, as the button says it', () => {
    expect(
      suggestEscalation(
        { ...quiet, grade: 3, answers: { 'dash-strangulation': 'yes' } },
        NOW,
        DEFAULT_GRADE_TARGETS,
        [],
      ),
    ).toEqual({
      suggestions: [
        {
          ruleId: 'answer-dash-strangulation',
          reason: 'strangulation',
          text: 'strangulation disclosed',
          warrants: 2,
        },
      ],
      recommendedGrade: 2,
      reasons: ['strangulation'],
      summary: 'strangulation disclosed; grade 3',
    })
  })

  it('names the number of call-outs for a repeat address or victim', () => {
    const advice = suggestEscalation(
      { ...quiet, earlierAtAddress: 4, earlierForVictim: 2 },
      NOW,
      DEFAULT_GRADE_TARGETS,
      [],
    )
    expect(advice?.suggestions.map((s) => s.text)).toEqual([
      '5 call-outs in 12 months to this address',
      '3 call-outs in 12 months for this victim',
    ])
    expect(advice?.reasons).toEqual(['repeat-incidents'])
  })
})

describe('a response past its attendance target', () => {
  const targets: GradeTargets = { 1: 15, 2: 60, 3: 240, 4: null }

  it('asks for one grade up once the target has passed, saying by how much', () => {
    expect(fired({ grade: 2 }, at(60), targets)).toEqual([])
    expect(suggestEscalation({ ...quiet, grade: 2 }, at(83), targets, [])?.suggestions).toEqual([
      {
        ruleId: 'overdue-grade-2',
        reason: 'response-overdue',
        text: 'response overdue: 23 min past the 60 min target',
        warrants: 1,
      },
    ])
    expect(
      suggestEscalation({ ...quiet, grade: 3 }, at(305), targets, [])?.suggestions[0],
    ).toMatchObject({
      ruleId: 'overdue-grade-3',
      text: 'response overdue: 1 h 05 min past the 240 min target',
      warrants: 2,
    })
  })

  it('holds while police are assigned, and stops once they have attended or closed it', () => {
    expect(fired({ grade: 2, status: 'assigned' }, at(90), targets)).toEqual(['overdue-grade-2'])
    expect(fired({ grade: 2, status: 'attended' }, at(90), targets)).toEqual([])
    expect(fired({ grade: 2, status: 'closed' }, at(90), targets)).toEqual([])
  })

  it('never fires for a grade with no target, nor for grade 1', () => {
    expect(fired({ grade: 4 }, at(10_000), targets)).toEqual([])
    expect(fired({ grade: 3 }, at(10_000), DEFAULT_GRADE_TARGETS)).toEqual([])
    expect(fired({ grade: 1, flags: ['weapon'] }, at(10_000), targets)).toEqual([])
  })
})

describe('the advice', () => {
  it('leaves out rules that warrant no more than the grade the incident already has', () => {
    const facts = { flags: ['injury', 'weapon'], answers: { 'dash-strangulation': 'yes' } }
    expect(fired({ ...facts, grade: 2 })).toEqual(['flag-weapon'])
    expect(fired({ ...facts, grade: 3 })).toEqual([
      'flag-weapon',
      'flag-injury',
      'answer-dash-strangulation',
    ])
    expect(fired({ ...facts, grade: 1 })).toEqual([])
  })

  it('recommends the highest grade warranted, lists it first and sums up every reason', () => {
    const advice = suggestEscalation(
      { ...quiet, grade: 3, flags: ['injury'], answers: { 'safety-suspect-near': 'yes' } },
      NOW,
      DEFAULT_GRADE_TARGETS,
      [],
    )
    expect(advice).toMatchObject({
      recommendedGrade: 1,
      reasons: ['suspect-present', 'injury'],
      summary: 'suspect with the victim; injury reported in the call; grade 3',
    })
  })

  it('is silent once police have attended or closed the incident', () => {
    for (const status of ['attended', 'closed'] as const) {
      expect(
        suggestEscalation({ ...quiet, status, flags: ['weapon'] }, NOW, DEFAULT_GRADE_TARGETS, []),
      ).toBeNull()
    }
  })

  it('keeps dismissed rules quiet and still counts the others', () => {
    const facts = { ...quiet, grade: 3 as const, flags: ['weapon', 'injury'] }
    const advice = suggestEscalation(facts, NOW, DEFAULT_GRADE_TARGETS, ['flag-weapon'])
    expect(advice).toMatchObject({ recommendedGrade: 2, reasons: ['injury'] })
    expect(
      suggestEscalation(facts, NOW, DEFAULT_GRADE_TARGETS, ['flag-weapon', 'flag-injury']),
    ).toBeNull()
  })

  it('is null when nothing fires', () => {
    expect(suggestEscalation(quiet, NOW, DEFAULT_GRADE_TARGETS, [])).toBeNull()
  })

  it('has one rule per id, each warranting a real grade', () => {
    const ids = ESCALATION_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of ESCALATION_RULES) expect([1, 2, 3]).toContain(rule.warrants)
    // Every rule has its firing case above (the overdue ones have their own tests).
    const tested = new Set<string>(FIRING.map(([id]) => id))
    expect(ids.filter((id) => !tested.has(id))).toEqual([
      'overdue-grade-2',
      'overdue-grade-3',
      'overdue-grade-4',
    ])
  })
})
