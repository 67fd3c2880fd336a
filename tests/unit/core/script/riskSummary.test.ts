// Counting the DASH answers: the level a worker sees, when professional judgement makes a case
// high risk, and when a MARAC referral is prompted.
import { describe, expect, it } from 'vitest'
import type { Referral, RiskJudgement, ScriptAnswer } from '../../../../shared/script.ts'
import { riskSummary } from '../../../../electron/core/script/riskSummary.ts'
import { loadScript } from '../../../../electron/core/script/loadScript.ts'
import { DEFAULT_SCRIPT_FILE } from '../../../../electron/core/paths.ts'

const script = loadScript(DEFAULT_SCRIPT_FILE)
const dashIds = script.steps.find((s) => s.role === 'risk')!.questions.map((q) => q.id)
let nextId = 1

const answer = (questionId: string, value: string, version = '1'): ScriptAnswer => ({
  id: nextId++,
  incidentId: 1,
  scriptId: 'safe-contact',
  scriptVersion: version,
  questionId,
  value,
  at: '2026-11-21T18:00:00.000Z',
  by: 'Jo Example (Harbour)',
})
/** The first `n` DASH questions answered yes, the rest no. */
const yes = (n: number) => dashIds.map((id, i) => answer(id, i < n ? 'yes' : 'no'))
const judgement = (high: boolean): RiskJudgement => ({
  id: nextId++,
  incidentId: 1,
  high,
  reason: 'Victim describes escalating threats.',
  at: '2026-11-21T18:05:00.000Z',
  by: 'Jo Example (Harbour)',
})
const marac: Referral = {
  id: 1,
  incidentId: 1,
  service: 'marac',
  otherService: null,
  decision: 'consented',
  detail: null,
  at: '2026-11-21T18:10:00.000Z',
  by: 'Jo Example (Harbour)',
}

describe('the DASH risk level', () => {
  it.each([
    [0, 'standard'],
    [9, 'standard'],
    [10, 'medium'],
    [13, 'medium'],
    [14, 'high'],
    [24, 'high'],
  ])('is %i yes → %s', (n, level) => {
    expect(riskSummary(script, yes(n), [], [])).toMatchObject({
      yesCount: n,
      answered: 24,
      total: 24,
      level,
      byJudgement: false,
    })
  })

  it('counts a changed answer once, with its latest value', () => {
    const answers = yes(14)
    answers.push(answer(dashIds[0]!, 'no'), answer(dashIds[1]!, 'yes'), answer(dashIds[1]!, 'no'))
    expect(riskSummary(script, answers, [], [])).toMatchObject({ yesCount: 12, level: 'medium' })
    answers.push(answer(dashIds[0]!, 'yes'), answer(dashIds[1]!, 'yes'))
    expect(riskSummary(script, answers, [], [])).toMatchObject({ yesCount: 14, level: 'high' })
  })

  it('does not count not-asked as answered, nor non-DASH questions or another version', () => {
    const answers = [
      answer(dashIds[0]!, 'not-asked'),
      answer(dashIds[1]!, 'not-known'),
      answer(dashIds[2]!, 'yes', '2'),
      answer('now-injured', 'yes'),
    ]
    expect(riskSummary(script, answers, [], [])).toMatchObject({ yesCount: 0, answered: 1 })
  })

  it('is high at any count when the latest judgement says so', () => {
    expect(riskSummary(script, yes(3), [judgement(true)], [])).toMatchObject({
      yesCount: 3,
      level: 'high',
      byJudgement: true,
      maracPrompt: true,
    })
    expect(riskSummary(script, [], [judgement(true)], [])).toMatchObject({ level: 'high' })
    expect(riskSummary(script, yes(3), [judgement(true), judgement(false)], [])).toMatchObject({
      level: 'standard',
      byJudgement: false,
    })
  })

  it('is not lowered by a judgement when the count says high', () => {
    expect(riskSummary(script, yes(15), [judgement(false)], [])).toMatchObject({
      level: 'high',
      byJudgement: false,
    })
  })

  it('prompts a MARAC referral when high, until one is recorded', () => {
    expect(riskSummary(script, yes(13), [], []).maracPrompt).toBe(false)
    expect(riskSummary(script, yes(14), [], []).maracPrompt).toBe(true)
    expect(riskSummary(script, yes(14), [], [{ ...marac, service: 'idva' }]).maracPrompt).toBe(true)
    expect(riskSummary(script, yes(14), [], [marac]).maracPrompt).toBe(false)
    expect(
      riskSummary(script, yes(14), [], [{ ...marac, decision: 'not-consented' }]).maracPrompt,
    ).toBe(false)
  })
})
