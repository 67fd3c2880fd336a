// The safe-contact script a worker follows: the shipped file is valid and goes where the domain
// says, and a broken file stops the desk at start-up with the problem named.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ContactScript, ScriptStep } from '../../../../shared/script.ts'
import { loadScript } from '../../../../electron/core/script/loadScript.ts'
import { DEFAULT_SCRIPT_FILE } from '../../../../electron/core/paths.ts'
import { openDesk } from '../../../../electron/core/desk.ts'
import { tempDir } from '../../../support/tempDir.ts'
import { TEST_KEY } from '../../../support/databaseKey.ts'

const script = loadScript(DEFAULT_SCRIPT_FILE)
const step = (id: string): ScriptStep => script.steps.find((s) => s.id === id)!

/** Where the worker goes from a step, given the answers they record there. */
function nextStep(from: ScriptStep, answers: Record<string, string>): string | undefined {
  for (const q of from.questions) {
    const target = q.branches?.[answers[q.id] ?? '']
    if (target) return target
  }
  return from.next
}

/** A copy of the shipped script with one change, written to a file. */
function brokenFile(change: (s: ContactScript) => void): string {
  const copy = JSON.parse(readFileSync(DEFAULT_SCRIPT_FILE, 'utf8')) as ContactScript
  change(copy)
  const file = join(tempDir(), 'script.json')
  writeFileSync(file, JSON.stringify(copy))
  return file
}

describe('the shipped safe-contact script', () => {
  it('is version 1 with the DASH threshold and bands', () => {
    expect(script).toMatchObject({ id: 'safe-contact', version: '1', highRiskYes: 14 })
    expect(script.bands).toEqual([
      { level: 'standard', minYes: 0 },
      { level: 'medium', minYes: 10 },
      { level: 'high', minYes: 14 },
    ])
    expect(script.wordingNote).toMatch(/paraphrase/)
  })

  it('has 24 DASH questions in its risk step, in DA Desk’s own words', () => {
    const risk = step('risk')
    expect(risk.role).toBe('risk')
    expect(risk.questions).toHaveLength(24)
    expect(risk.questions.every((q) => q.kind === 'dash')).toBe(true)
    expect(new Set(risk.questions.map((q) => q.text)).size).toBe(24)
  })

  it('goes safety → introduction → immediate safety → risk → safety planning → referrals → close when it is safe to talk', () => {
    const safe: Record<string, string> = {
      'safety-right-person': 'yes',
      'safety-can-talk': 'yes',
      'safety-suspect-near': 'no',
    }
    const path = [script.firstStep]
    for (let at = step(script.firstStep); ;) {
      const next = nextStep(at, safe)
      if (next === undefined) break
      path.push(next)
      at = step(next)
    }
    expect(path).toEqual([
      'safety',
      'introduction',
      'immediate-safety',
      'risk',
      'safety-planning',
      'referrals',
      'close',
    ])
    expect(step('close').role).toBe('close')
    expect(step('referrals').role).toBe('referrals')
  })

  it.each([
    ['the wrong person answers', { 'safety-right-person': 'no' }],
    ['it is not safe to talk now', { 'safety-can-talk': 'no' }],
    ['the suspect is there or nearby', { 'safety-suspect-near': 'yes' }],
  ])('ends the call when %s', (_when, answers) => {
    expect(nextStep(step('safety'), answers)).toBe('end-unsafe')
  })

  it('ends an unsafe call at once, agreeing a safe time, method and code word, with no next step', () => {
    const end = step('end-unsafe')
    expect(end.role).toBe('end-unsafe')
    expect(end.next).toBeUndefined()
    expect(end.guidance.join(' ')).toMatch(/end the call at once/i)
    expect(end.questions.map((q) => q.kind)).toEqual(['datetime', 'choice', 'yes-no'])
    expect(end.questions[1]!.choices!.map((c) => c.value)).toEqual([
      'call-this-number',
      'call-other-number',
      'victim-calls-us',
      'text-agreed-safe',
    ])
  })

  it('tells the worker to tell the controller at once when urgent help is needed, without leaving the script', () => {
    const urgent = step('immediate-safety').questions.find((q) => q.id === 'now-urgent-help')!
    expect(urgent.branches).toBeUndefined()
    expect(step('immediate-safety').guidance.join(' ')).toMatch(/tell the controller at once/)
  })

  it('explains the silent 999 call in safety planning', () => {
    expect(step('safety-planning').guidance.join(' ')).toMatch(/999.*55/)
  })
})

describe('a broken script file', () => {
  it.each([
    [
      'a branch to a step that does not exist',
      (s: ContactScript) => {
        s.steps[0]!.questions[0]!.branches = { no: 'hang-up' }
      },
      /branches on "no" to "hang-up", which is not a step/,
    ],
    [
      'a next step that does not exist',
      (s: ContactScript) => {
        s.steps[0]!.next = 'intro'
      },
      /step "safety" goes next to "intro", which is not a step/,
    ],
    [
      'a step id used twice',
      (s: ContactScript) => {
        s.steps[1]!.id = 'safety'
      },
      /step id "safety" is used twice/,
    ],
    [
      'a question id used twice',
      (s: ContactScript) => {
        s.steps[2]!.questions[1]!.id = 'intro-consent-record'
      },
      /question id "intro-consent-record" is used twice/,
    ],
    [
      'choices on a yes-no question',
      (s: ContactScript) => {
        s.steps[0]!.questions[0]!.choices = [{ value: 'maybe', label: 'Maybe' }]
      },
      /has choices but is a yes-no question/,
    ],
    [
      'a branch on an answer the question cannot take',
      (s: ContactScript) => {
        s.steps[0]!.questions[0]!.branches = { maybe: 'end-unsafe' }
      },
      /branches on "maybe", which is not one of its answers/,
    ],
    [
      'a first step that does not exist',
      (s: ContactScript) => {
        s.firstStep = 'start'
      },
      /firstStep "start" is not a step/,
    ],
    [
      'an unknown question kind',
      (s: ContactScript) => {
        ;(s.steps[0]!.questions[0] as { kind: string }).kind = 'scale'
      },
      /not in the script format: steps\.0\.questions\.0\.kind/,
    ],
  ])('with %s stops the desk at start-up, naming the problem', (_what, change, problem) => {
    const file = brokenFile(change)
    expect(() => loadScript(file)).toThrow(problem)
    expect(() =>
      openDesk({ dataDir: tempDir(), scriptFile: file, watchInbox: false, key: TEST_KEY }),
    ).toThrow(/DA Desk cannot start: the safe-contact script .*script\.json/)
  })

  it('that is not JSON, or missing, is a clear start-up error too', () => {
    const file = join(tempDir(), 'script.json')
    writeFileSync(file, '{ "id": ')
    expect(() => loadScript(file)).toThrow(/is not valid JSON/)
    expect(() => loadScript(join(tempDir(), 'none.json'))).toThrow(/could not be read \(ENOENT\)/)
  })
})
