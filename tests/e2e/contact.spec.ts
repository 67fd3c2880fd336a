// Calls to the victim and rapport notes as a worker uses them during a call, in the Chromium host:
// real page, real handlers, real SQLite.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { launchChromiumHost, type ChromiumHost } from '../../electron/chromiumHost/host.ts'
import { dispatch } from '../../electron/core/api/dispatch.ts'
import { DATABASE_FILE } from '../../electron/core/paths.ts'
import { CHROMIUM_HOST_KEY_FILE } from '../../electron/core/databaseKey.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { formatDateTime, toIsoUtc } from '../../shared/time.ts'
import { expect, signIn, test } from './fixtures.ts'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/feed')
const sample = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8')
const REF = 'CL-20261121-0457'

/** Drops the one-incident fixture into the inbox and opens it from the queue. */
async function openSampleIncident(host: ChromiumHost, page: Page) {
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  await queueRow(page).click()
  await expect(page.getByRole('region', { name: 'Incident' })).toContainText('Alex Sample')
}

/** A typed call-back time ("dd/MM/yyyy HH:mm") as the desk shows it: HH:mm when it is today,
 * the whole date and time when it is not (a call-back set just before midnight). */
function shownAt(typed: string): { at: string; today: boolean } {
  const today = typed.slice(0, 10) === formatDateTime(toIsoUtc(Date.now())).slice(0, 10)
  return { at: today ? typed.slice(11) : typed, today }
}

const queueRow = (page: Page, ref = REF) =>
  page
    .getByRole('listbox', { name: 'Incident queue' })
    .getByRole('option', { name: new RegExp(`^${ref}`) })

const notesPane = (page: Page) => page.getByRole('region', { name: 'Rapport notes' })

/** Opens "Call victim", checks the number is the victim's, and chooses the result. */
async function startCall(page: Page, result: string) {
  await page.getByRole('button', { name: 'Call victim' }).click()
  const dialog = page.getByRole('dialog', { name: 'Call victim' })
  await expect(dialog.getByRole('textbox', { name: 'Number dialled' })).toHaveValue('07700 900123')
  await dialog
    .getByRole('radiogroup', { name: 'Result' })
    .getByRole('radio', { name: result })
    .check()
  return dialog
}

async function logCall(page: Page, result: string) {
  const dialog = await startCall(page, result)
  await dialog.getByRole('button', { name: 'Log call' }).click()
  await expect(dialog).toBeHidden()
}

test('a worker logs a missed call, an unsafe-to-talk call with a call-back and a successful call', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  await openSampleIncident(host, page)
  const incident = page.getByRole('region', { name: 'Incident' })

  // Alt+C opens the call form from anywhere on the desk.
  await page.keyboard.press('Alt+c')
  const dialog = page.getByRole('dialog', { name: 'Call victim' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('radio', { name: 'No answer' }).check()
  await expect(dialog.getByText('No voicemail is left by default')).toBeVisible()
  await dialog.getByRole('button', { name: 'Log call' }).click()
  await expect(dialog).toBeHidden()
  await expect(incident.getByRole('list', { name: 'Calls made' })).toContainText('No answer')

  const unsafe = await startCall(page, 'Unsafe to talk')
  await unsafe.getByRole('button', { name: 'In 15 min' }).click()
  const callBack = await unsafe.getByRole('textbox', { name: 'Call back at' }).inputValue()
  const shown = shownAt(callBack)
  await expect(
    unsafe.getByText(`${shown.at}${shown.today ? ' today' : ''} (in 15 min)`),
  ).toBeVisible()
  await unsafe
    .getByRole('textbox', { name: 'Note (optional)' })
    .fill('Suspect came home. Safe after 17:00.')
  await page.screenshot({ path: testInfo.outputPath('call-dialog.png') })
  await unsafe.getByRole('button', { name: 'Log call' }).click()
  await expect(unsafe).toBeHidden()
  await expect(queueRow(page)).toContainText(`Call back ${shown.at}`)
  await expect(queueRow(page)).toContainText('2 attempts · last')
  await expect(incident).toContainText(`Call back ${shown.at}`)

  await logCall(page, 'Spoke to victim')
  await expect(incident.getByRole('button', { name: 'Contacted', pressed: true })).toBeVisible()
  await expect(queueRow(page)).toContainText('3 attempts')
  await expect(queueRow(page)).toContainText('Contacted')
  const calls = incident.getByRole('list', { name: 'Calls made' }).getByRole('listitem')
  await expect(calls).toHaveCount(3)
  await expect(calls.nth(1)).toContainText(`Call back: ${shown.at}`)
  await expect(calls.nth(1)).toContainText(/by Jo Example \(Harbour Support Services\)/i)
  // The calls are in the notes pane's timeline too.
  await expect(notesPane(page).getByText('Call: Spoke to victim')).toBeVisible()
  await incident.screenshot({ path: testInfo.outputPath('centre-pane-calls.png') })
  await page.screenshot({ path: testInfo.outputPath('desk-after-calls.png') })
})

test('a worker files a rapport note with a quick phrase, amends it, and files and closes an action', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  await openSampleIncident(host, page)
  const notes = notesPane(page)
  const box = notes.getByRole('textbox', { name: 'New note' })

  await box.click()
  await page.keyboard.type('Victim answered on the second ring.')
  await notes
    .getByRole('group', { name: 'Quick phrases' })
    .getByRole('button', { name: 'Code word agreed.' })
    .click()
  await expect(box).toHaveValue('Victim answered on the second ring. Code word agreed.')
  await expect(box).toBeFocused()
  await notes.getByRole('button', { name: 'Rapport', pressed: false }).click()
  await expect(notes.getByRole('button', { name: 'Rapport', pressed: true })).toBeVisible()
  await page.keyboard.press('Control+Enter')
  await expect(box).toHaveValue('')
  const timeline = notes.getByRole('region', { name: 'Timeline' })
  const first = timeline.getByRole('listitem').filter({ hasText: 'second ring' })
  await expect(first).toContainText('Rapport')
  await expect(first).toContainText('by Jo Example (Harbour Support Services)')

  // A correction is a new note; the old one stays, marked, and each points at the other.
  await first.getByRole('button', { name: /^Amend note of/ }).click()
  await expect(box).toHaveValue('Victim answered on the second ring. Code word agreed.')
  await expect(notes.getByText(/^Correcting the note of/)).toBeVisible()
  await box.fill('Victim answered on the first ring. Code word agreed.')
  await notes.getByRole('button', { name: 'File note' }).click()
  await expect(box).toHaveValue('')
  const correction = timeline.getByRole('listitem').filter({ hasText: 'first ring' })
  await expect(first).toContainText(/Amended — see correction at \d\d:\d\d/)
  await expect(first.getByRole('button', { name: /^Amend note of/ })).toHaveCount(0)
  await expect(correction).toContainText(/Corrects note of \d\d:\d\d/)
  await correction.getByRole('button', { name: /^Corrects note of/ }).click()
  await expect(first).toBeFocused()
  await notes.screenshot({ path: testInfo.outputPath('notes-pane-amendment.png') })

  // An action needs an owner; it stays outstanding until marked done.
  await box.fill('Ring victim at 09:00 about the refuge place.')
  await notes.getByRole('button', { name: 'Action', pressed: false }).click()
  await notes.getByRole('button', { name: 'File note' }).click()
  await expect(notes.getByRole('alert')).toContainText('choose who owns the action')
  await expect(box).toHaveValue('Ring victim at 09:00 about the refuge place.')
  await notes
    .getByRole('radiogroup', { name: 'Action owner' })
    .getByRole('radio', { name: 'Next shift' })
    .check()
  await notes.getByRole('button', { name: 'File note' }).click()
  const action = timeline.getByRole('listitem').filter({ hasText: 'refuge place' })
  await expect(action).toContainText('Outstanding — Next shift')
  await notes.screenshot({ path: testInfo.outputPath('notes-pane-amended-and-action.png') })
  await page.screenshot({ path: testInfo.outputPath('desk-with-notes.png') })
  await action.getByRole('button', { name: /^Mark done/ }).click()
  await expect(action).toContainText(/Action done \d\d:\d\d by Jo Example/)
  await expect(action).not.toContainText('Outstanding')
})

test('a note over 20,000 characters is refused with the reason and the text stays', async ({
  host,
  page,
}) => {
  await signIn(page)
  await openSampleIncident(host, page)
  const notes = notesPane(page)
  const box = notes.getByRole('textbox', { name: 'New note' })
  const long = 'Victim describes the last year. '.repeat(700).slice(0, 20_001)
  await box.fill(long)
  await expect(notes.getByText('20,001 of 20,000 characters')).toBeVisible()
  await expect(notes.getByText('Too long to save as a draft')).toBeVisible()
  await notes.getByRole('button', { name: 'File note' }).click()
  await expect(notes.getByRole('alert')).toContainText('20,001 characters')
  await expect(notes.getByRole('alert')).toContainText('at most 20,000')
  expect((await box.inputValue()).length).toBe(20_001)
  await expect(notes.getByRole('region', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(0)
})

test('signing out is refused while a note on screen is not saved anywhere', async ({
  host,
  page,
}) => {
  await signIn(page)
  await openSampleIncident(host, page)
  const box = notesPane(page).getByRole('textbox', { name: 'New note' })
  await box.fill('Victim describes the last year. '.repeat(700).slice(0, 20_001))
  await expect(notesPane(page).getByText('Too long to save as a draft')).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(
    page.getByText(/Not signed out: a note you are writing has not been saved/),
  ).toBeVisible()
  await expect(page.getByText('Jo Example')).toBeVisible()
  expect((await box.inputValue()).length).toBe(20_001)
})

test('a call-back that has come brings its incident to the top of the queue, above new ones', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  dropFeedFile(host.inbox, 'export.csv', sample('2026-11-21T160600Z-export.csv'))
  const options = page.getByRole('listbox', { name: 'Incident queue' }).getByRole('option')
  await expect(options).toHaveCount(2)
  // New first, then by grade: the new G1 (0470) is above the G2 (0457) being reviewed.
  await queueRow(page).click()
  await expect(options.first()).toHaveAccessibleName(/^CL-20261121-0470/)
  const box = notesPane(page).getByRole('textbox', { name: 'New note' })
  await box.fill('Typing while another window logs a call')

  // A call-back agreed for two minutes ago, as another window on the desk would log it (this
  // page refuses a time that has passed).
  const rows = await dispatch(host.desk.handlers, 'incidents.list', {})
  if (!rows.ok) throw new Error(rows.error.message)
  const id = (rows.value as { id: number; incidentRef: string }[]).find(
    (r) => r.incidentRef === REF,
  )!.id
  const logged = await dispatch(host.desk.handlers, 'contact.logAttempt', {
    incidentId: id,
    number: '07700 900123',
    result: 'unsafe-to-talk',
    callBackAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    note: null,
  })
  expect(logged.ok).toBe(true)
  // The open incident reloads with the new call, and what is being typed stays.
  const incident = page.getByRole('region', { name: 'Incident' })
  await expect(incident.getByRole('list', { name: 'Calls made' })).toContainText('Unsafe to talk')
  await expect(box).toHaveValue('Typing while another window logs a call')
  await expect(incident).toContainText('Call back due')
  await expect(options.first()).toHaveAccessibleName(/^CL-20261121-0457/)
  await expect(options.first()).toContainText('Call back due')
  await page
    .getByRole('listbox', { name: 'Incident queue' })
    .screenshot({ path: testInfo.outputPath('queue-call-back-due.png') })
})

test('switching incidents straight after typing loses nothing: the note is there on coming back', async ({
  host,
  page,
}) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  dropFeedFile(host.inbox, 'export.csv', sample('2026-11-21T160600Z-export.csv'))
  await queueRow(page).click()
  const box = notesPane(page).getByRole('textbox', { name: 'New note' })
  await box.click()
  await page.keyboard.type('Half a thought')
  await queueRow(page, 'CL-20261121-0470').click()
  await expect(page.getByRole('region', { name: 'Incident' })).toContainText('Riley Test')
  await expect(box).toHaveValue('')
  await queueRow(page).click()
  await expect(page.getByRole('region', { name: 'Incident' })).toContainText('Alex Sample')
  await expect(box).toHaveValue('Half a thought')
})

// eslint-disable-next-line no-empty-pattern -- this test launches its own hosts
test('a draft survives the app being killed: a copy of the data files has it in "New note"', async ({}, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-'))
  const copyDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-killed-'))
  const hosts: ChromiumHost[] = []
  try {
    const first = await launchChromiumHost({ dataDir })
    hosts.push(first)
    await signIn(first.page)
    await openSampleIncident(first, first.page)
    await notesPane(first.page).getByRole('button', { name: 'Safeguarding' }).click()
    const box = notesPane(first.page).getByRole('textbox', { name: 'New note' })
    await box.click()
    await first.page.keyboard.type('Victim says it is safe to ring after 8pm on the landline.')
    await expect(notesPane(first.page).getByText(/^Draft saved \d\d:\d\d:\d\d$/)).toBeVisible()

    // What a killed process leaves: the files as they are on disk, nothing closed or flushed.
    for (const suffix of ['', '-wal', '-shm']) {
      const file = join(dataDir, DATABASE_FILE + suffix)
      if (existsSync(file)) copyFileSync(file, join(copyDir, DATABASE_FILE + suffix))
    }
    // The database is encrypted: the copy needs the key beside it (this host's own key file).
    copyFileSync(join(dataDir, CHROMIUM_HOST_KEY_FILE), join(copyDir, CHROMIUM_HOST_KEY_FILE))

    const second = await launchChromiumHost({ dataDir: copyDir })
    hosts.push(second)
    await signIn(second.page)
    await queueRow(second.page).click()
    await expect(notesPane(second.page).getByRole('textbox', { name: 'New note' })).toHaveValue(
      'Victim says it is safe to ring after 8pm on the landline.',
    )
    await expect(notesPane(second.page).getByText(/^Draft saved/)).toBeVisible()
    await expect(
      notesPane(second.page).getByRole('button', { name: 'Safeguarding', pressed: true }),
    ).toBeVisible()
    await second.page.screenshot({ path: testInfo.outputPath('draft-restored.png') })
  } finally {
    for (const host of hosts) await host.close()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(copyDir, { recursive: true, force: true })
  }
})

test('axe finds no accessibility violations in the notes pane and the call dialog, in both themes', async ({
  host,
  page,
}, testInfo) => {
  // Four axe scans: each takes seconds on a busy 2-core machine.
  test.setTimeout(180_000)
  await signIn(page)
  await openSampleIncident(host, page)
  const notes = notesPane(page)
  const box = notes.getByRole('textbox', { name: 'New note' })
  await box.fill('Victim safe at a friend’s address.')
  await notes.getByRole('button', { name: 'File note' }).click()
  await notes.getByRole('button', { name: /^Amend note of/ }).click()
  await box.fill('Victim safe at her sister’s address.')
  await notes.getByRole('button', { name: 'File note' }).click()
  await box.fill('Refer to IDVA service.')
  await notes.getByRole('button', { name: 'Action', pressed: false }).click()
  await notes.getByRole('radio', { name: 'Support service' }).check()
  await notes.getByRole('button', { name: 'File note' }).click()
  await expect(notes).toContainText('Outstanding — Support service')
  await box.fill('Draft in progress')
  await expect(notes.getByText(/^Draft saved/)).toBeVisible()

  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') {
      await page.getByRole('button', { name: 'Settings' }).click()
      const settings = page.getByRole('dialog', { name: 'Settings' })
      await settings.getByRole('radio', { name: 'Light' }).check()
      await settings.getByRole('button', { name: 'Close' }).click()
      await expect(settings).toBeHidden()
    }
    const pane = await new AxeBuilder({ page })
      .include('section[aria-labelledby="notes-heading"]')
      .analyze()
    expect(pane.violations, `notes pane, ${theme} theme`).toEqual([])
    await page.screenshot({ path: testInfo.outputPath(`desk-${theme}.png`) })

    const dialog = await startCall(page, 'Engaged')
    await expect(dialog.getByText('No voicemail is left by default')).toBeVisible()
    const call = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
    expect(call.violations, `call dialog, ${theme} theme`).toEqual([])
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
  }
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})
