// The guided safe-contact script as a worker follows it during a call, in the Chromium host: real
// page, real handlers, real SQLite, the script data file the app ships.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { launchChromiumHost, type ChromiumHost } from '../../electron/chromiumHost/host.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/feed')
const REF = 'CL-20261121-0457'

async function openSampleIncident(host: ChromiumHost, page: Page) {
  const sample = readFileSync(resolve(FIXTURES, '2026-11-21T150412Z-CL-0457.json'), 'utf8')
  dropFeedFile(host.inbox, 'one.json', sample)
  await openIncident(page)
}

async function openIncident(page: Page) {
  await page
    .getByRole('listbox', { name: 'Incident queue' })
    .getByRole('option', { name: new RegExp(`^${REF}`) })
    .click()
  await expect(page.getByRole('region', { name: 'Incident' })).toContainText('Alex Sample')
}

const scriptPane = (page: Page) => page.getByRole('region', { name: 'Safe contact call' })
const steps = (page: Page) => scriptPane(page).getByRole('navigation', { name: 'Script steps' })
/** A step title as a pattern (its brackets taken literally). */
const exactly = (title: string) => new RegExp(title.replace(/[()]/g, '\\$&'))
const stepHeading = (page: Page) => scriptPane(page).getByRole('heading', { level: 4 })

/** Presses an answer button in the question's group and waits for it to be saved. */
async function answer(pane: Locator, question: string | RegExp, value: string) {
  const group = pane.getByRole('group', { name: question })
  await group.getByRole('button', { name: value, exact: true }).click()
  await expect(group.getByRole('button', { name: value, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
}

async function next(page: Page, title: string) {
  await scriptPane(page)
    .getByRole('button', { name: `Next: ${title}` })
    .click()
  await expect(stepHeading(page)).toContainText(title)
  await expect(steps(page).getByRole('button', { name: exactly(title) })).toHaveAttribute(
    'aria-current',
    'step',
  )
}

test('not safe to talk takes the worker straight to ending the call, with a safe time agreed', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  await openSampleIncident(host, page)
  const pane = scriptPane(page)
  await expect(stepHeading(page)).toContainText('Is it safe to talk?')
  // The unsafe branch is not on the path until it is taken.
  await expect(steps(page).getByRole('button', { name: /Not safe/ })).toHaveCount(0)
  await expect(steps(page).getByRole('button', { name: /Is it safe to talk/ })).toHaveAttribute(
    'aria-current',
    'step',
  )
  await page.screenshot({ path: testInfo.outputPath('script-question-step.png') })

  await answer(pane, 'Am I speaking to the person named on the incident?', 'Yes')
  await expect(pane.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeVisible()
  // The answer takes its branch at once: no further question is put to someone who cannot talk.
  await pane
    .getByRole('group', { name: 'Is it safe for you to talk to me right now?' })
    .getByRole('button', { name: 'No', exact: true })
    .click()

  await expect(stepHeading(page)).toContainText('Not safe: agree a safe time and end the call')
  await expect(stepHeading(page)).toBeFocused()
  await expect(pane.getByText('End the call at once')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('script-end-unsafe-top.png') })
  await expect(steps(page).getByRole('button', { name: /Not safe/ })).toHaveAttribute(
    'aria-current',
    'step',
  )
  await expect(
    steps(page).getByRole('button', { name: /Is it safe to talk.*\(done\)/ }),
  ).toBeVisible()

  const when = pane.getByRole('textbox', { name: 'When is it safe to talk?' })
  await pane.getByRole('button', { name: 'In 30 min' }).click()
  await expect(when).toHaveValue(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/)
  await expect(pane.getByText(/today \(in 30 min\)|\(in 30 min\)/)).toBeVisible()
  await answer(pane, 'How should we get back in touch?', 'Call back on this number')
  await answer(pane, 'Did you agree a code word or phrase to end a call if needed?', 'Yes')
  await page.screenshot({ path: testInfo.outputPath('script-end-unsafe.png') })
  // The branch has no step of its own after it, but the outcome is still to be recorded.
  await expect(pane.getByRole('button', { name: 'Next: Close the call' })).toBeVisible()

  // Back returns to the safety questions; the answers are kept.
  await pane.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(stepHeading(page)).toContainText('Is it safe to talk?')
  await expect(
    pane
      .getByRole('group', { name: 'Is it safe for you to talk to me right now?' })
      .getByRole('button', { name: 'No' }),
  ).toHaveAttribute('aria-pressed', 'true')
})

// eslint-disable-next-line no-empty-pattern -- this test launches its own hosts, twice
test('a full call: safety, consent, DASH at high risk, referrals and the outcome; it resumes after a restart', async ({}, testInfo) => {
  test.setTimeout(120_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-script-'))
  const hosts: ChromiumHost[] = []
  try {
    const first = await launchChromiumHost({ dataDir })
    hosts.push(first)
    const page = first.page as unknown as Page
    await signIn(page)
    await openSampleIncident(first, page)
    const pane = scriptPane(page)

    await answer(pane, 'Am I speaking to the person named on the incident?', 'Yes')
    await answer(pane, 'Is it safe for you to talk to me right now?', 'Yes')
    await answer(pane, 'Is the person who hurt you there with you, or nearby?', 'No')
    await next(page, 'Introduction and consent')
    await expect(steps(page).getByRole('button', { name: /Not safe/ })).toHaveCount(0)
    await answer(pane, 'Do you agree to me keeping a record of what we talk about?', 'Yes')
    await answer(pane, /^Do you agree to me sharing/, 'Yes')

    await next(page, 'Safety right now')
    await answer(pane, 'Are you hurt right now?', 'No')
    await answer(pane, 'Where is the person who hurt you now?', 'Left; whereabouts not known')

    await next(page, 'Risk checklist (DASH)')
    const risk = pane.getByRole('region', { name: 'Risk' })
    await expect(risk).toContainText('DASH not started')
    const dash = pane.getByRole('group', { name: /^\d+\. / })
    await expect(dash).toHaveCount(24)
    for (let i = 0; i < 14; i++) {
      await dash.nth(i).getByRole('button', { name: 'Yes', exact: true }).click()
      await expect(risk).toContainText(`${i + 1} yes of 24`)
    }
    await dash.nth(14).getByRole('button', { name: 'Not known' }).click()
    await dash.nth(15).getByRole('button', { name: 'No', exact: true }).click()
    await expect(risk).toContainText('Risk: High')
    await expect(risk).toContainText('14 yes of 24')
    await expect(risk).toContainText('High risk: refer to MARAC.')
    await expect(risk).toContainText('16 of 24 DASH questions answered')
    // The count stays in sight while the worker scrolls down the checklist.
    await dash.nth(20).scrollIntoViewIfNeeded()
    await expect(risk).toBeInViewport()
    await page.screenshot({ path: testInfo.outputPath('script-dash-high.png') })

    // Professional judgement, from the risk bar.
    await risk.getByRole('button', { name: 'Professional judgement' }).click()
    const judging = page.getByRole('dialog', { name: 'Professional judgement' })
    await judging.getByRole('radio', { name: 'Yes, high risk' }).check()
    await judging.getByRole('textbox', { name: 'Reason' }).fill('Threats escalating this week.')
    await judging.getByRole('button', { name: 'Record judgement' }).click()
    await expect(judging).toBeHidden()

    await next(page, 'Safety planning')
    await answer(pane, 'Is there somewhere safe you can go if you need to leave quickly?', 'Yes')
    const planNotes = pane.getByRole('textbox', { name: 'Anything else agreed in the safety plan' })
    await planNotes.fill('Sister at 14 Elm Road knows the code word.')
    await planNotes.press('Tab')
    await expect(pane.getByRole('status').filter({ hasText: 'Saved' }).last()).toBeVisible()

    await next(page, 'Referrals')
    await expect(pane.getByText('High risk: refer to MARAC.')).toBeVisible()
    await pane.getByRole('button', { name: 'Record decision: MARAC' }).click()
    const marac = page.getByRole('dialog', { name: 'Referral: MARAC' })
    await marac.getByRole('radio', { name: 'Referred, with consent' }).check()
    await marac.getByRole('button', { name: 'Record' }).click()
    await expect(marac).toBeHidden()
    await expect(pane.getByText('High risk: refer to MARAC.')).toBeHidden()

    await pane.getByRole('button', { name: 'Record decision: Housing' }).click()
    const housing = page.getByRole('dialog', { name: 'Referral: Housing' })
    await housing.getByRole('radio', { name: 'Declined' }).check()
    await housing.getByRole('button', { name: 'Record' }).click()
    await expect(housing.getByRole('alert')).toContainText("Give the victim's reason.")
    await housing
      .getByRole('textbox', { name: "The victim's reason" })
      .fill('Staying with her sister for now.')
    await housing.getByRole('button', { name: 'Record' }).click()
    await expect(housing).toBeHidden()
    const referrals = pane.getByRole('list', { name: 'Referrals' })
    await expect(referrals.getByRole('listitem').filter({ hasText: 'MARAC' })).toContainText(
      'Referred, with consent',
    )
    await expect(referrals.getByRole('listitem').filter({ hasText: 'Housing' })).toContainText(
      'Declined: Staying with her sister for now.',
    )
    await page.screenshot({ path: testInfo.outputPath('script-referrals.png') })

    await next(page, 'Close the call')
    await pane.getByRole('checkbox', { name: 'Moved to safety' }).check()
    await pane.getByRole('textbox', { name: 'Note (optional)' }).fill('Taken to her sister.')
    await pane.getByRole('button', { name: 'Record outcome' }).click()
    await expect(pane.getByRole('list', { name: 'Outcomes recorded' })).toContainText(
      'Moved to safety — Taken to her sister.',
    )

    const timeline = page.getByRole('region', { name: 'Timeline' })
    await expect(timeline).toContainText('Risk now Medium — DASH 10 yes')
    await expect(timeline).toContainText('Risk now High — DASH 14 yes')
    await expect(timeline).toContainText('Professional judgement: high risk')
    await expect(timeline).toContainText('Referral: MARAC — Referred, with consent')
    await expect(timeline).toContainText('Referral: Housing — Declined')
    await expect(timeline).toContainText('Outcome: Moved to safety')
    await expect(
      timeline.getByRole('listitem').filter({ hasText: 'Outcome: Moved to safety' }),
    ).toContainText(/^\d\d:\d\d · Outcome: Moved to safety.*By Jo Example/)
    await page.screenshot({ path: testInfo.outputPath('script-close-timeline.png') })

    // Back to the referrals step, then the app is closed mid-call.
    await pane.getByRole('button', { name: 'Back', exact: true }).click()
    await expect(stepHeading(page)).toContainText('Referrals')
    await first.close()
    hosts.length = 0

    const second = await launchChromiumHost({ dataDir })
    hosts.push(second)
    const again = second.page as unknown as Page
    await signIn(again)
    await openIncident(again)
    await expect(stepHeading(again)).toContainText('Referrals')
    await expect(steps(again).getByRole('button', { name: /Referrals/ })).toHaveAttribute(
      'aria-current',
      'step',
    )
    await expect(scriptPane(again).getByRole('region', { name: 'Risk' })).toContainText(
      '14 yes of 24',
    )
  } finally {
    for (const host of hosts) await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('axe finds no accessibility violations in the script pane, in both themes', async ({
  host,
  page,
}) => {
  // Several axe scans: each takes seconds on a busy 2-core machine.
  test.setTimeout(180_000)
  await signIn(page)
  await openSampleIncident(host, page)
  const pane = scriptPane(page)
  await answer(pane, 'Am I speaking to the person named on the incident?', 'Yes')
  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') {
      await page.getByRole('button', { name: 'Settings' }).click()
      const settings = page.getByRole('dialog', { name: 'Settings' })
      await settings.getByRole('radio', { name: 'Light' }).check()
      await settings.getByRole('button', { name: 'Close' }).click()
      await expect(settings).toBeHidden()
    }
    for (const title of ['Risk checklist (DASH)', 'Referrals', 'Close the call']) {
      await steps(page)
        .getByRole('button', { name: exactly(title) })
        .click()
      await expect(stepHeading(page)).toContainText(title)
      if (title === 'Risk checklist (DASH)') {
        await pane
          .getByRole('group', { name: /^1\. / })
          .getByRole('button', { name: 'Yes' })
          .click()
      }
      const results = await new AxeBuilder({ page })
        .include('section[aria-labelledby="script-heading"]')
        .analyze()
      expect(results.violations, `${title}, ${theme} theme`).toEqual([])
    }
  }
})
