// Escalation as a worker uses it, in the Chromium host: real page, real handlers, real SQLite.
// Raising one by keyboard, the pinned and counted queue row, the controller's acknowledgement, a
// feed regrade that links to it, the outcome and the C&C log; the app's suggestion, taken and
// dismissed; the reminder; the settings; and axe on all of it in both themes.
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import type { ChromiumHost } from '../../electron/chromiumHost/host.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

interface Made {
  ref: string
  grade: number
  minutes: number
  status?: string
  flags?: string[]
  updatedMinutesAgo?: number
  summary?: string
}

/** One incident as the feed sends it, each at its own address (no repeat call-outs). */
function incident({ ref, grade, minutes, status, flags, updatedMinutesAgo, summary }: Made) {
  return JSON.stringify({
    incidentRef: ref,
    receivedAt: minutesAgo(minutes),
    ...(updatedMinutesAgo === undefined ? {} : { updatedAt: minutesAgo(updatedMinutesAgo) }),
    grade,
    status: status ?? 'open',
    summary: summary ?? `Caller reports partner shouting (${ref}).`,
    location: { address: `${ref.slice(-3)} Example Terrace, Middlesbrough`, postcode: 'TS1 9ZZ' },
    victim: { name: `Victim ${ref.slice(-3)}`, phone: `07700 900${ref.slice(-3)}` },
    flags: flags ?? [],
  })
}

function drop(host: ChromiumHost, made: Made) {
  dropFeedFile(host.inbox, `${made.ref}-${made.updatedMinutesAgo ?? 'new'}.json`, incident(made))
}

const queue = (page: Page) => page.getByRole('listbox', { name: 'Incident queue' })
const row = (page: Page, ref: string) =>
  queue(page).getByRole('option', { name: new RegExp(`^${ref}`) })
const incidentPane = (page: Page) => page.getByRole('region', { name: 'Incident' })
const escalationPanel = (page: Page) => incidentPane(page).getByRole('region', { name: /^Escalat/ })
const escalateDialog = (page: Page, ref: string) =>
  page.getByRole('dialog', { name: `Escalate ${ref}` })
const topBarCount = (page: Page) => page.getByRole('button', { name: /open escalations?/ })

async function open(page: Page, ref: string) {
  await row(page, ref).click()
  await expect(incidentPane(page).getByRole('heading', { level: 2 })).toHaveText(ref)
}

async function useTheme(page: Page, theme: 'Light' | 'Dark (control room)') {
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('radio', { name: theme }).check()
  await settings.getByRole('button', { name: 'Close' }).click()
  await expect(settings).toBeHidden()
}

async function axe(page: Page, what: string, include?: string) {
  const builder = new AxeBuilder({ page })
  const results = await (include ? builder.include(include) : builder).analyze()
  expect(results.violations, what).toEqual([])
}

/** Ticks one reason by keyboard: Tab until it has the focus, then Space. */
async function tickByKeyboard(dialog: Locator, page: Page, label: string) {
  const box = dialog.getByRole('checkbox', { name: label })
  for (let presses = 0; !(await box.evaluate((el) => el === document.activeElement)); presses++) {
    expect(presses, `${label} is reached by Tab`).toBeLessThan(20)
    await page.keyboard.press('Tab')
  }
  await page.keyboard.press('Space')
  await expect(box).toBeChecked()
}

test('escalated by keyboard, pinned and counted, acknowledged, linked to a feed regrade and recorded as upgraded', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  drop(host, { ref: 'CL-ESC-0001', grade: 3, minutes: 20 })
  drop(host, { ref: 'CL-ESC-0002', grade: 2, minutes: 40 })
  await expect(queue(page).getByRole('option')).toHaveCount(2)
  // Before: the more urgent grade comes first.
  await expect(queue(page).getByRole('option').first()).toHaveAccessibleName(/^CL-ESC-0002/)

  await open(page, 'CL-ESC-0001')
  const button = incidentPane(page).getByRole('button', { name: 'Escalate', exact: true })
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'Alt+E')
  // Alt+E from the queue: no mouse from here on.
  await queue(page).focus()
  await page.keyboard.press('Alt+E')
  const dialog = escalateDialog(page, 'CL-ESC-0001')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('checkbox', { name: 'Weapon' })).toBeFocused()
  // Only grades above G3 are offered, the next one up chosen.
  await expect(dialog.getByRole('radio')).toHaveCount(2)
  await expect(dialog.getByRole('radio', { name: 'G2 Priority' })).toBeChecked()
  await page.keyboard.press('Space')
  await tickByKeyboard(dialog, page, 'Threats to kill')
  await page.keyboard.press('Tab')
  await tickByKeyboard(dialog, page, 'Other')
  // Other needs words: refused on the page, before anything is stored.
  await page.keyboard.press('Control+Enter')
  await expect(dialog.getByRole('alert')).toContainText('Not raised yet')
  await expect(dialog.getByRole('textbox', { name: /What you learned/ })).toBeFocused()
  await page.keyboard.type('Suspect has a knife and is on his way back.')
  await page.screenshot({ path: testInfo.outputPath('escalation-form.png') })
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()

  const panel = escalationPanel(page)
  await expect(panel.getByRole('heading')).toContainText(
    'awaiting the controller’s acknowledgement',
  )
  await expect(panel).toContainText('G3 Scheduled → G2 Priority recommended')
  await expect(panel).toContainText('Reasons: Weapon; Threats to kill; Other')
  await expect(panel).toContainText('Suspect has a knife and is on his way back.')
  await expect(panel).toContainText('Jo Example (Harbour Support Services)')
  // Pinned above the more urgent grade, with its banner, and counted in the top bar.
  const first = queue(page).getByRole('option').first()
  await expect(first).toHaveAccessibleName(/^CL-ESC-0001/)
  await expect(first).toContainText(/Escalated \d\d:\d\d — awaiting acknowledgement/)
  await expect(topBarCount(page)).toHaveAccessibleName(
    /^1 open escalation\s*,\s*1 awaiting acknowledgement$/,
  )
  await page.screenshot({ path: testInfo.outputPath('escalation-raised.png') })

  // A second escalation while one is open: the Node side refuses and points to the open one.
  await page.keyboard.press('Alt+E')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Space')
  await page.keyboard.press('Control+Enter')
  await expect(dialog.getByRole('alert')).toContainText(
    /CL-ESC-0001 already has an open escalation, raised at \d\d\/\d\d\/\d{4} \d\d:\d\d by Jo Example/,
  )
  await page.screenshot({ path: testInfo.outputPath('escalation-refused.png') })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(panel.getByText('Raised', { exact: true })).toHaveCount(1)

  // The controller's acknowledgement: a name is needed.
  const controller = panel.getByRole('textbox', { name: 'Controller’s name or collar number' })
  await controller.press('Enter')
  await expect(panel.getByRole('alert')).toHaveText('Enter the controller’s name or collar number.')
  await controller.fill('PC 4521')
  await controller.press('Enter')
  await expect(panel.getByRole('heading')).toHaveText(
    'Escalation acknowledged — waiting for the outcome',
  )
  await expect(panel).toContainText(/By PC 4521 at \d\d:\d\d/)
  // The field typed in has gone with the step: the keyboard carries on from the panel.
  await expect(panel.getByRole('heading')).toBeFocused()
  await expect(first).toContainText('Acknowledged by PC 4521')
  await expect(topBarCount(page)).toHaveAccessibleName('1 open escalation')
  await page.screenshot({ path: testInfo.outputPath('escalation-acknowledged.png') })

  // The feed regrades it: the app links it and offers "upgraded".
  drop(host, {
    ref: 'CL-ESC-0001',
    grade: 2,
    minutes: 20,
    status: 'assigned',
    updatedMinutesAgo: 0,
  })
  await expect(panel).toContainText(/Feed regraded to G2 at \d\d:\d\d — record as upgraded\?/)
  await expect(first).toContainText('regraded: record the outcome')
  await page.screenshot({ path: testInfo.outputPath('escalation-regrade-linked.png') })
  await panel.getByRole('button', { name: 'Record upgraded to G2 Priority' }).click()

  // Closed: no longer pinned or counted, listed as an earlier escalation.
  await expect(panel).toBeHidden()
  await expect(topBarCount(page)).toHaveCount(0)
  await expect(queue(page).getByRole('option').first()).toHaveAccessibleName(/^CL-ESC-0002/)
  await expect(row(page, 'CL-ESC-0001')).not.toContainText('Escalated')
  const earlier = incidentPane(page).getByRole('region', { name: /Earlier escalations/ })
  await expect(earlier).toContainText('Upgraded to G2 Priority')
  await expect(earlier).toContainText('Acknowledged by PC 4521')

  // The C&C log: reference, reasons, recommendation, acknowledgement and outcome, copied in one click.
  await earlier.getByRole('button', { name: 'Show the text' }).click()
  const log = earlier.getByRole('textbox', { name: 'C&C log text' })
  await expect(log).toHaveValue(/^DA SUPPORT ESCALATION — CL-ESC-0001\n/)
  await expect(log).toHaveValue(/Reasons: Weapon; Threats to kill; Other\./)
  await expect(log).toHaveValue(/Detail: Suspect has a knife and is on his way back\./)
  await expect(log).toHaveValue(/recommended grade 2 \(Priority\)/)
  await expect(log).toHaveValue(/Acknowledged by PC 4521/)
  await expect(log).toHaveValue(/Outcome: upgraded to grade 2 \(Priority\)/)
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(timeline).toContainText('Escalated: G3 Scheduled → G2 Priority recommended')
  await expect(timeline).toContainText('Escalation acknowledged by PC 4521')
  await expect(timeline).toContainText('Escalation outcome: Upgraded to G2 Priority')
  await earlier.getByRole('button', { name: 'Copy C&C log' }).click()
  await expect(earlier.getByRole('status')).toHaveText(
    'Copied: paste it into the police incident log.',
  )
  // Reading it back takes a permission the app itself never has.
  await page.context().grantPermissions(['clipboard-write', 'clipboard-read'], {
    origin: new URL(page.url()).origin,
  })
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(await log.inputValue())
  await page.screenshot({ path: testInfo.outputPath('escalation-closed.png') })
})

test('a strangulation disclosed in the script lights the button on a grade-3 incident, and one key escalates from it', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  drop(host, { ref: 'CL-ESC-0101', grade: 3, minutes: 15 })
  await open(page, 'CL-ESC-0101')
  const header = incidentPane(page).locator('header')
  await expect(header.getByText(/^Suggested:/)).toHaveCount(0)

  const script = page.getByRole('region', { name: 'Safe contact call' })
  await script
    .getByRole('group', { name: 'Am I speaking to the person named on the incident?' })
    .getByRole('button', { name: 'Yes', exact: true })
    .click()
  await script
    .getByRole('navigation', { name: 'Script steps' })
    .getByRole('button', { name: /Risk checklist \(DASH\)/ })
    .click()
  await script
    .getByRole('group', { name: /strangle, choke, smother or drown/ })
    .getByRole('button', { name: 'Yes', exact: true })
    .click()

  const suggestion = header.getByText(/^Suggested:/)
  await expect(suggestion).toHaveText(
    'Suggested: strangulation disclosed; grade 3 — recommend G2 Priority',
  )
  const escalate = header.getByRole('button', { name: 'Escalate', exact: true })
  await expect(escalate).toHaveAttribute('aria-describedby', 'escalation-suggestion')
  await header.scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('escalation-suggestion.png') })

  // Nothing is raised until the worker says so.
  await expect(escalationPanel(page)).toHaveCount(0)
  await header.getByRole('button', { name: 'Escalate from suggestion' }).click()
  const dialog = escalateDialog(page, 'CL-ESC-0101')
  await expect(dialog).toContainText('Suggested by DA Desk: strangulation disclosed; grade 3.')
  await expect(dialog.getByRole('checkbox', { name: 'Strangulation or choking' })).toBeChecked()
  await expect(dialog.getByRole('radio', { name: 'G2 Priority' })).toBeChecked()
  const raise = dialog.getByRole('button', { name: /^Raise escalation/ })
  await expect(raise).toBeFocused()
  await page.screenshot({ path: testInfo.outputPath('escalation-form-from-suggestion.png') })
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()

  const panel = escalationPanel(page)
  await expect(panel).toContainText('Reasons: Strangulation or choking')
  await expect(panel).toContainText('Raised from DA Desk’s suggestion.')
  // While it is open the suggestion is not repeated.
  await expect(suggestion).toHaveCount(0)
  await expect(row(page, 'CL-ESC-0101')).toContainText('awaiting acknowledgement')
})

test('a suggestion is dismissed with a reason, and stays dismissed on that incident', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  drop(host, { ref: 'CL-ESC-0201', grade: 3, minutes: 10, flags: ['injury'] })
  await open(page, 'CL-ESC-0201')
  const header = incidentPane(page).locator('header')
  await expect(header.getByText(/^Suggested:/)).toHaveText(
    'Suggested: injury reported in the call; grade 3 — recommend G2 Priority',
  )
  await header.getByRole('button', { name: 'Dismiss…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Dismiss the suggestion' })
  await expect(dialog).toContainText('injury reported in the call')
  await page.keyboard.press('Control+Enter')
  await expect(dialog.getByRole('alert')).toHaveText('Give the reason for dismissing it.')
  await dialog
    .getByRole('textbox', { name: 'Why it does not need escalating' })
    .fill('Minor graze; officers already on scene.')
  await page.screenshot({ path: testInfo.outputPath('escalation-dismiss.png') })
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()
  await expect(header.getByText(/^Suggested:/)).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
    'Suggestion dismissed: injury reported in the call',
  )

  // Stored: after the page is reloaded it is still dismissed.
  await page.reload()
  await open(page, 'CL-ESC-0201')
  await expect(
    incidentPane(page)
      .locator('header')
      .getByText(/^Suggested:/),
  ).toHaveCount(0)
})

test('an unacknowledged escalation brings back a reminder that opens it; it can be withdrawn before acknowledgement; it stays pinned when police close the log', async ({
  host,
  page,
}, testInfo) => {
  // The page's clock is moved on instead of waiting (the timing itself is unit-tested).
  await page.clock.install()
  await page.reload()
  await signIn(page)
  drop(host, { ref: 'CL-ESC-0301', grade: 2, minutes: 5 })
  drop(host, { ref: 'CL-ESC-0302', grade: 1, minutes: 3 })
  await open(page, 'CL-ESC-0301')
  await page.keyboard.press('Alt+E')
  const dialog = escalateDialog(page, 'CL-ESC-0301')
  await page.keyboard.press('Space')
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()
  await open(page, 'CL-ESC-0302')
  const reminder = page.getByRole('alert').filter({ hasText: 'CL-ESC-0301' })
  await expect(reminder).toHaveCount(0)

  await page.clock.fastForward('02:30')
  await expect(reminder).toContainText(/CL-ESC-0301: escalated \d+ min ago, not yet acknowledged/)
  await page.screenshot({ path: testInfo.outputPath('escalation-reminder.png') })
  await reminder.getByRole('button', { name: /^Dismiss for 2 min/ }).click()
  await expect(reminder).toHaveCount(0)
  await page.clock.fastForward('02:30')
  await expect(reminder).toBeVisible()
  await reminder.getByRole('button', { name: 'Open CL-ESC-0301' }).click()
  await expect(reminder).toHaveCount(0)
  await expect(incidentPane(page).getByRole('heading', { level: 2 })).toHaveText('CL-ESC-0301')

  // Police close the log: still pinned, because the escalation is still open.
  drop(host, { ref: 'CL-ESC-0301', grade: 2, minutes: 5, status: 'closed', updatedMinutesAgo: 0 })
  await expect(row(page, 'CL-ESC-0301')).toContainText('Closed')
  await expect(queue(page).getByRole('option').first()).toHaveAccessibleName(/^CL-ESC-0301/)

  // Before the acknowledgement only a withdrawal can be recorded, with why.
  const panel = escalationPanel(page)
  await panel.getByRole('button', { name: 'Withdraw…' }).click()
  const withdraw = page.getByRole('dialog', { name: /Withdraw the escalation/ })
  await expect(withdraw.getByRole('radio')).toHaveCount(0)
  await page.keyboard.press('Control+Enter')
  await expect(withdraw.getByRole('alert')).toHaveText('Say why you are withdrawing it.')
  await withdraw
    .getByRole('textbox', { name: 'Why you are withdrawing it' })
    .fill('Victim called back: suspect arrested at the scene.')
  await page.keyboard.press('Control+Enter')
  await expect(withdraw).toBeHidden()
  await expect(
    incidentPane(page).getByRole('region', { name: /Earlier escalations/ }),
  ).toContainText('Withdrawn by the worker — Victim called back: suspect arrested at the scene.')
  // No longer pinned: a closed incident leaves the queue once nothing holds it there.
  await expect(row(page, 'CL-ESC-0301')).toHaveCount(0)
  await page.clock.fastForward('05:00')
  await expect(reminder).toHaveCount(0)
})

test('attendance targets, the reminder interval and sound are set in Settings; a response past its target is suggested', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  drop(host, { ref: 'CL-ESC-0401', grade: 3, minutes: 105 })
  await open(page, 'CL-ESC-0401')
  // Grade 3 has no target by default: nothing to suggest.
  await expect(incidentPane(page).getByText(/^Suggested:/)).toHaveCount(0)

  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const targets = settings.getByRole('group', { name: 'Attendance targets' })
  const g3 = targets.getByRole('textbox', { name: 'G3 Scheduled' })
  await expect(targets.getByRole('textbox', { name: 'G1 Immediate' })).toHaveValue('15')
  await expect(targets.getByRole('textbox', { name: 'G2 Priority' })).toHaveValue('60')
  await expect(g3).toHaveValue('')
  const interval = settings.getByRole('textbox', { name: 'Remind me every (minutes)' })
  const save = settings.getByRole('button', { name: 'Save targets and reminder' })
  // Checked on the page...
  await g3.fill('0')
  await interval.fill('61')
  await save.click()
  await expect(targets).toContainText('Between 1 and 10,080')
  await expect(settings).toContainText('Between 1 and 60')
  // ...and on the Node side, which says why.
  await g3.fill('30')
  await interval.fill('5')
  await save.click()
  await expect(settings.getByRole('alert')).toHaveText(
    'Not saved. The grade 3 (Scheduled) target of 30 min cannot be shorter than the grade 2 (Priority) target of 60 min.',
  )
  await g3.fill('90')
  await save.click()
  await expect(page.getByText('Attendance targets and reminder interval saved.')).toBeVisible()
  await expect(settings.getByRole('alert')).toHaveCount(0)
  await settings.getByRole('checkbox', { name: 'Play a sound with the reminder' }).check()
  await settings
    .getByRole('checkbox', { name: 'Play a sound with the reminder' })
    .scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('escalation-settings.png') })
  await settings.getByRole('button', { name: 'Close' }).click()

  await expect(incidentPane(page).getByText(/^Suggested:/)).toHaveText(
    /^Suggested: response overdue: 1\d min past the 90 min target; grade 3 — recommend G2 Priority$/,
  )

  // Kept: a reopened Settings shows what was saved.
  await page.reload()
  await page.getByRole('button', { name: 'Settings' }).click()
  const again = page.getByRole('dialog', { name: 'Settings' })
  await expect(again.getByRole('textbox', { name: 'G3 Scheduled' })).toHaveValue('90')
  await expect(again.getByRole('textbox', { name: 'Remind me every (minutes)' })).toHaveValue('5')
  await expect(
    again.getByRole('checkbox', { name: 'Play a sound with the reminder' }),
  ).toBeChecked()
})

test('axe finds no violations on the escalate form, the panel in each state, the suggestion, the reminder and settings, in both themes', async ({
  host,
  page,
}, testInfo) => {
  test.setTimeout(240_000)
  await page.clock.install()
  await page.reload()
  await signIn(page)
  drop(host, { ref: 'CL-ESC-0501', grade: 3, minutes: 10, flags: ['injury'] })
  drop(host, { ref: 'CL-ESC-0502', grade: 3, minutes: 12 })
  drop(host, { ref: 'CL-ESC-0503', grade: 2, minutes: 14 })
  // An acknowledged one, and one closed: their panels.
  await open(page, 'CL-ESC-0502')
  await page.keyboard.press('Alt+E')
  await page.keyboard.press('Space')
  await page.keyboard.press('Control+Enter')
  await escalationPanel(page)
    .getByRole('textbox', { name: 'Controller’s name or collar number' })
    .fill('Sgt 118')
  await escalationPanel(page).getByRole('button', { name: 'Record acknowledgement' }).click()
  await expect(escalationPanel(page)).toContainText('By Sgt 118')
  await escalationPanel(page).getByRole('button', { name: 'Record outcome…' }).click()
  const outcome = page.getByRole('dialog', { name: /Record the outcome/ })
  await outcome.getByRole('radio', { name: 'Not upgraded' }).check()
  await outcome.getByRole('textbox', { name: 'The controller’s reason' }).fill('No units free.')
  for (const theme of ['dark', 'light'] as const) {
    await axe(page, `outcome form, ${theme}`, '[role="dialog"]')
    await page.screenshot({ path: testInfo.outputPath(`escalation-outcome-form-${theme}.png`) })
    if (theme === 'dark') {
      await outcome.getByRole('button', { name: 'Cancel' }).click()
      await useTheme(page, 'Light')
      await escalationPanel(page).getByRole('button', { name: 'Record outcome…' }).click()
      await outcome.getByRole('radio', { name: 'Not upgraded' }).check()
    }
  }
  await outcome.getByRole('textbox', { name: 'The controller’s reason' }).fill('No units free.')
  await page.keyboard.press('Control+Enter')
  await expect(outcome).toBeHidden()
  await useTheme(page, 'Dark (control room)')
  // Raised again, left unacknowledged.
  await page.keyboard.press('Alt+E')
  await page.keyboard.press('Space')
  await page.keyboard.press('Control+Enter')
  await expect(escalationPanel(page)).toContainText('awaiting')

  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') await useTheme(page, 'Light')
    // The panel raised, with an earlier one closed below it, and the pinned queue.
    await open(page, 'CL-ESC-0502')
    await axe(page, `panel and queue, ${theme}`, 'main')
    await page.screenshot({ path: testInfo.outputPath(`escalation-panel-${theme}.png`) })
    // The suggestion.
    await open(page, 'CL-ESC-0501')
    await expect(incidentPane(page).getByText(/^Suggested:/)).toBeVisible()
    await axe(page, `suggestion, ${theme}`, 'section[aria-label="Incident"] header')
    await page.screenshot({ path: testInfo.outputPath(`escalation-suggestion-${theme}.png`) })
    // The form, from the suggestion.
    await incidentPane(page).getByRole('button', { name: 'Escalate from suggestion' }).click()
    await axe(page, `form, ${theme}`, '[role="dialog"]')
    await page.screenshot({ path: testInfo.outputPath(`escalation-form-${theme}.png`) })
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
    // The reminder.
    await page.clock.fastForward('02:30')
    const reminder = page.getByRole('alert').filter({ hasText: 'CL-ESC-0502' })
    await expect(reminder).toBeVisible()
    await axe(page, `reminder and top bar, ${theme}`, 'header[aria-label="DA Desk"]')
    await page.screenshot({ path: testInfo.outputPath(`escalation-reminder-${theme}.png`) })
    await reminder.getByRole('button', { name: /^Dismiss/ }).click()
    // Settings.
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings
      .getByRole('checkbox', { name: 'Play a sound with the reminder' })
      .scrollIntoViewIfNeeded()
    await axe(page, `settings, ${theme}`, '[role="dialog"]')
    await page.screenshot({ path: testInfo.outputPath(`escalation-settings-${theme}.png`) })
    await settings.getByRole('button', { name: 'Close' }).click()
  }
})
