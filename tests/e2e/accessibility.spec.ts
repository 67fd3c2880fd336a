// axe over every screen and dialog of the page not already checked by the feature specs, in the
// dark and the light theme: the sign-in screen (empty, with missing fields, after the session
// ended), the empty desk, the desk with an incident open, a search with no match, the feed-problem
// banner, Settings (and a refused folder), Add incident (and its errors), Quarantined files (a
// whole-file error and rejected records), the script steps the feature spec does not visit, the
// professional-judgement dialog (and its error), the message bar (success and error), the lock
// screen (and a wrong PIN), the desk in privacy mode, previous incidents with the repeat
// headline, the queue's repeat mark and dismissing a match, the Clare's Law panel with its
// two forms, and the Follow-ups due view (with the queue filtered to them), the follow-up call's
// steps, its outcome with an error and moving it to another day.
// Checked elsewhere, in both themes: the notes pane and the call dialog (contact.spec.ts), the
// script's DASH, referrals and close steps (script.spec.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import type { ChromiumHost } from '../../electron/chromiumHost/host.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'

const SAMPLE = readFileSync(
  resolve(import.meta.dirname, '../fixtures/feed/2026-11-21T150412Z-CL-0457.json'),
  'utf8',
)
const REF = 'CL-20261121-0457'

/** Runs axe over the page (or one part of it) and keeps a screenshot of what was checked. */
async function expectAccessible(page: Page, testInfo: TestInfo, what: string, include?: string) {
  const axe = new AxeBuilder({ page })
  if (include) axe.include(include)
  const { violations } = await axe.analyze()
  const name = what.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) })
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  )
  expect(found, what).toEqual([])
}

async function chooseTheme(page: Page, theme: 'dark' | 'light') {
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('radio', { name: theme === 'dark' ? 'Dark' : 'Light' }).check()
  await settings.getByRole('button', { name: 'Close' }).click()
  await expect(settings).toBeHidden()
}

/** Signs in and, for the light theme, switches to it as a worker would. */
async function signInWithTheme(page: Page, theme: 'dark' | 'light') {
  await signIn(page)
  if (theme === 'light') await chooseTheme(page, 'light')
}

async function openSampleIncident(host: ChromiumHost, page: Page) {
  dropFeedFile(host.inbox, 'one.json', SAMPLE)
  await page
    .getByRole('listbox', { name: 'Incident queue' })
    .getByRole('option', { name: new RegExp(`^${REF}`) })
    .click()
  await expect(page.getByRole('region', { name: 'Incident' })).toContainText('Alex Sample')
}

const scriptPane = (page: Page) => page.getByRole('region', { name: 'Safe contact call' })
const stepHeading = (page: Page) => scriptPane(page).getByRole('heading', { level: 4 })
const goToStep = (page: Page, title: string) =>
  scriptPane(page)
    .getByRole('navigation', { name: 'Script steps' })
    .getByRole('button', { name: title })
    .click()

// axe takes seconds a page on a busy two-core machine; each test here runs it up to five times.
test.describe.configure({ timeout: 180_000 })

const DIALOG = '[role="dialog"]'
const SCRIPT = 'section[aria-labelledby="script-heading"]'

for (const theme of ['dark', 'light'] as const) {
  test.describe(`${theme} theme`, () => {
    const check = (page: Page, testInfo: TestInfo, what: string, include?: string) =>
      expectAccessible(page, testInfo, `${what}, ${theme} theme`, include)

    test('axe finds no violations on the sign-in screen, empty or with missing fields', async ({
      page,
    }, testInfo) => {
      // The theme is the workstation's, so the sign-in screen shows it too.
      if (theme === 'light') {
        await signInWithTheme(page, theme)
        await page.getByRole('button', { name: 'Sign out' }).click()
      }
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
      await check(page, testInfo, 'Sign-in screen')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByText('Enter your name.')).toBeVisible()
      await check(page, testInfo, 'Sign-in screen with missing fields')
    })

    test('axe finds no violations on the empty desk and in Settings, also refusing a folder', async ({
      page,
    }, testInfo) => {
      await signInWithTheme(page, theme)
      await check(page, testInfo, 'Desk with an empty queue')
      await page.getByRole('button', { name: 'Settings' }).click()
      const settings = page.getByRole('dialog', { name: 'Settings' })
      await check(page, testInfo, 'Settings', DIALOG)
      await settings.getByLabel('Inbox folder').fill('relative/folder')
      await settings.getByRole('button', { name: 'Save folder' }).click()
      await expect(settings.getByText(/full path/)).toBeVisible()
      await check(page, testInfo, 'Settings refusing a folder', DIALOG)
    })

    test('axe finds no violations in Add incident, also with errors, and in Quarantined files', async ({
      host,
      page,
    }, testInfo) => {
      await signInWithTheme(page, theme)
      await page.getByRole('button', { name: 'Add incident' }).click()
      const manual = page.getByRole('dialog', { name: 'Add incident' })
      await check(page, testInfo, 'Add incident', DIALOG)
      await manual.getByRole('button', { name: /^Add/ }).click()
      await expect(manual.getByText('Enter a summary of the call.')).toBeVisible()
      await check(page, testInfo, 'Add incident with errors', DIALOG)
      await manual.getByRole('button', { name: 'Cancel' }).click()
      await expect(manual).toBeHidden()

      // One file unreadable as a whole, one with a rejected record: both kinds of report.
      dropFeedFile(host.inbox, 'broken.json', '{"incidentRef": "CL-1", "receivedAt": ')
      dropFeedFile(
        host.inbox,
        'one-bad.json',
        JSON.stringify([{ incidentRef: 'CL-20261121-0998', receivedAt: 'yesterday', grade: 7 }]),
      )
      await page.getByRole('button', { name: 'Quarantined files: 2' }).click()
      const quarantine = page.getByRole('dialog', { name: 'Quarantined files' })
      await expect(quarantine).toContainText('broken.json')
      await expect(quarantine.getByRole('table')).toBeVisible()
      await check(page, testInfo, 'Quarantined files', DIALOG)
    })

    test('axe finds no violations with an incident open, a search with no match and the unsafe ending', async ({
      host,
      page,
    }, testInfo) => {
      await signInWithTheme(page, theme)
      await openSampleIncident(host, page)
      await check(page, testInfo, 'Desk with an incident open')

      await page.keyboard.press('/')
      await page.keyboard.type('no such incident')
      const queue = page.getByRole('listbox', { name: 'Incident queue' })
      await expect(queue.getByRole('option')).toHaveCount(0)
      await check(page, testInfo, 'Queue search with no match')
      await page.keyboard.press('Escape')

      await scriptPane(page)
        .getByRole('group', { name: 'Is it safe for you to talk to me right now?' })
        .getByRole('button', { name: 'No', exact: true })
        .click()
      await expect(stepHeading(page)).toContainText('Not safe: agree a safe time and end the call')
      await check(page, testInfo, 'Script step Not safe', SCRIPT)
    })

    test('axe finds no violations on the script steps the script spec does not visit', async ({
      host,
      page,
    }, testInfo) => {
      await signInWithTheme(page, theme)
      await openSampleIncident(host, page)
      for (const title of ['Introduction and consent', 'Safety right now', 'Safety planning']) {
        await goToStep(page, title)
        await expect(stepHeading(page)).toContainText(title)
        // To the end of the step, as the worker goes: axe counts a question scrolled out of the
        // pane as no label at all for its text box.
        await scriptPane(page).getByRole('button', { name: 'Back' }).scrollIntoViewIfNeeded()
        await check(page, testInfo, `Script step ${title}`, SCRIPT)
      }
    })

    test('axe finds no violations in Professional judgement, also with an error, and its confirmation', async ({
      host,
      page,
    }, testInfo) => {
      await signInWithTheme(page, theme)
      await openSampleIncident(host, page)
      await scriptPane(page).getByRole('button', { name: 'Professional judgement' }).click()
      const judgement = page.getByRole('dialog', { name: 'Professional judgement' })
      await check(page, testInfo, 'Professional judgement', DIALOG)
      await judgement.getByRole('button', { name: 'Record judgement' }).click()
      await expect(
        judgement.getByText('Choose whether you judge the victim high risk.'),
      ).toBeVisible()
      await check(page, testInfo, 'Professional judgement with an error', DIALOG)
      await judgement.getByRole('radio', { name: 'Yes' }).check()
      await judgement.getByLabel(/Reason/).fill('Victim says he has threatened to kill her.')
      await judgement.getByRole('button', { name: 'Record judgement' }).click()
      await expect(judgement).toBeHidden()
      await expect(page.getByText('Professional judgement recorded.')).toBeVisible()
      await check(page, testInfo, 'Message bar with a confirmation')
    })

    test('axe finds no violations on the lock screen, with a wrong PIN, and in privacy mode', async ({
      host,
      page,
    }, testInfo) => {
      test.setTimeout(180_000)
      await signInWithTheme(page, theme)
      await openSampleIncident(host, page)
      await page.keyboard.press('Control+Shift+h')
      await expect(page.getByRole('button', { name: /^Privacy on/ })).toBeVisible()
      await check(page, testInfo, 'Desk in privacy mode')
      await page.getByRole('button', { name: 'Lock' }).click()
      const lock = page.getByRole('main', { name: 'Locked — Jo Example' })
      await check(page, testInfo, 'Lock screen')
      await lock.getByLabel(/^PIN\W*$/).fill('0000')
      await lock.getByRole('button', { name: 'Unlock' }).click()
      await expect(lock.getByRole('alert')).toContainText('4 tries left')
      await check(page, testInfo, 'Lock screen with a wrong PIN')
    })

    test('axe finds no violations on previous incidents, the repeat headline and mark, and dismissing a match', async ({
      host,
      page,
    }, testInfo) => {
      await signInWithTheme(page, theme)
      const queue = page.getByRole('listbox', { name: 'Incident queue' })
      const at = (days: number) => new Date(Date.now() - days * 24 * 3600_000).toISOString()
      for (const [ref, days] of [
        ['CL-A11Y-0001', 500],
        ['CL-A11Y-0002', 90],
        ['CL-A11Y-0003', 0.01],
      ] as const) {
        const record = { ...JSON.parse(SAMPLE), incidentRef: ref, receivedAt: at(days) }
        dropFeedFile(host.inbox, `${ref}.json`, JSON.stringify(record))
        await expect(queue.getByRole('option', { name: new RegExp(`^${ref}`) })).toBeVisible()
      }
      await queue.getByRole('option', { name: /^CL-A11Y-0003/ }).click()
      const previous = page.locator('#previous-incidents')
      await expect(previous.getByRole('listitem')).toHaveCount(2)
      await previous.scrollIntoViewIfNeeded()
      await check(page, testInfo, 'Incident with previous incidents')
      await previous.getByRole('button', { name: 'Not the same person: CL-A11Y-0002' }).click()
      const dialog = page.getByRole('dialog', { name: 'Not the same person: CL-A11Y-0002' })
      await page.keyboard.press('Control+Enter')
      await expect(dialog.getByRole('alert')).toBeVisible()
      await check(page, testInfo, 'Dismissing a repeat match with an error', DIALOG)
      await dialog.getByRole('textbox').fill('Her sister, with the same phone plan.')
      await page.keyboard.press('Control+Enter')
      await expect(dialog).toBeHidden()
      await expect(previous).toContainText('Not the same person — Jo Example')
      await check(
        page,
        testInfo,
        'Previous incidents with a dismissed match',
        '#previous-incidents',
      )
    })

    test('axe finds no violations on the Clare’s Law panel and its forms', async ({
      host,
      page,
    }, testInfo) => {
      await signInWithTheme(page, theme)
      await openSampleIncident(host, page)
      const panel = page.getByRole('region', { name: 'Clare’s Law' })
      await panel.getByRole('button', { name: 'Record application' }).click()
      const raise = page.getByRole('dialog', { name: 'Record a Clare’s Law application' })
      await page.keyboard.press('Control+Enter')
      await expect(raise.getByRole('alert')).toBeVisible()
      await check(page, testInfo, 'Recording a Clare’s Law application with an error', DIALOG)
      await raise.getByRole('radio', { name: 'Right to know' }).check()
      await raise.getByRole('radio', { name: 'Police' }).check()
      await raise.getByRole('button', { name: 'Record application' }).click()
      await expect(raise).toBeHidden()
      await panel.getByRole('button', { name: 'Update status' }).click()
      const update = page.getByRole('dialog', { name: 'Right to know: raised' })
      await update.getByRole('radio', { name: 'Under review' }).check()
      await update.getByRole('button', { name: 'Record' }).click()
      await expect(update).toBeHidden()
      await panel.getByRole('button', { name: 'Update status' }).click()
      const decide = page.getByRole('dialog', { name: 'Right to know: under review' })
      await decide.getByRole('radio', { name: 'Disclosure given' }).check()
      await check(page, testInfo, 'Moving a Clare’s Law application to a disclosure', DIALOG)
      await decide.getByRole('button', { name: 'Record' }).click()
      await expect(decide).toBeHidden()
      await panel.scrollIntoViewIfNeeded()
      await check(
        page,
        testInfo,
        'Clare’s Law panel with a disclosure',
        'section[aria-labelledby="clares-law-title"]',
      )
    })

    test('axe finds no violations in Follow-ups due, the follow-up call with its steps and outcome, and moving it', async ({
      host,
      page,
    }, testInfo) => {
      await signInWithTheme(page, theme)
      const h = host.desk.handlers
      const day = (days: number) =>
        new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', {
          timeZone: 'Europe/London',
        })
      for (const [incidentRef, dueOn] of [
        ['CL-A11Y-0101', day(0)],
        ['CL-A11Y-0102', day(9)],
      ] as const) {
        const added = await h['incidents.addManual']({
          record: {
            incidentRef,
            receivedAt: new Date().toISOString(),
            grade: 3,
            summary: 'Neighbour heard shouting.',
            victim: { name: 'Sam Followed' },
          },
        })
        if (!added.ok) throw new Error(added.error.message)
        const scheduled = await h['followUps.schedule']({
          incidentId: added.value.id,
          dueOn,
          reason: 'Agreed with the victim.',
        })
        if (!scheduled.ok) throw new Error(scheduled.error.message)
      }
      await page.getByRole('button', { name: 'Only follow-ups due (1)' }).click()
      await page.getByRole('button', { name: 'Follow-ups due (1)', exact: true }).click()
      const view = page.getByRole('dialog', { name: 'Follow-up calls' })
      await expect(view.getByRole('region', { name: /^Due today/ })).toContainText('CL-A11Y-0101')
      await check(page, testInfo, 'Follow-ups due view', DIALOG)
      await view.getByRole('button', { name: 'Open CL-A11Y-0101' }).click()
      await expect(view).toBeHidden()

      const panel = page.getByRole('region', { name: /^Follow-up call due/ })
      const followUp = 'section[aria-labelledby="follow-up-title"]'
      await panel.scrollIntoViewIfNeeded()
      await check(page, testInfo, 'Follow-up call, first step', followUp)
      const steps = panel.getByRole('navigation', { name: 'Follow-up steps' })
      await steps.getByRole('button', { name: 'Update on the case' }).click()
      await check(page, testInfo, 'Follow-up call, update on the case', followUp)
      await steps.getByRole('button', { name: 'Outcome of the follow-up' }).click()
      await panel.getByRole('radio', { name: 'Not reached — try again' }).check()
      await panel.getByRole('button', { name: 'Record the follow-up call' }).click()
      await expect(panel.getByRole('alert')).toBeVisible()
      await check(page, testInfo, 'Follow-up outcome with an error', followUp)

      await panel.getByRole('button', { name: 'Move to another day…' }).click()
      const move = page.getByRole('dialog', { name: 'Move the follow-up call' })
      await move.getByRole('button', { name: 'Save the day' }).click()
      await expect(move.getByRole('alert')).toBeVisible()
      await check(page, testInfo, 'Moving a follow-up with an error', DIALOG)
    })

    test('axe finds no violations with the feed-problem banner, or back at sign-in with an error', async ({
      host,
      page,
    }, testInfo) => {
      await signInWithTheme(page, theme)
      await openSampleIncident(host, page)
      // The inbox folder replaced by a file: the feed cannot be watched until it is put right.
      rmSync(host.inbox, { recursive: true, force: true })
      writeFileSync(host.inbox, '')
      await expect(page.getByText('New incidents are not arriving from the feed')).toBeVisible()
      await check(page, testInfo, 'Desk with the feed-problem banner')

      // The session ended on the Node side: the page's next call, its own or the worker's
      // (choosing a progress), sends the worker back to sign in with a message.
      await host.desk.handlers['session.signOut']({})
      const notice = page.getByText('You are no longer signed in. Please sign in again.')
      await expect(async () => {
        if (await notice.isHidden()) {
          await page.getByRole('button', { name: 'Contacted' }).click({ timeout: 1_000 })
        }
        await expect(notice).toBeVisible({ timeout: 1_000 })
      }).toPass({ timeout: 30_000 })
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
      await check(page, testInfo, 'Sign-in screen after the session ended')
    })
  })
}
