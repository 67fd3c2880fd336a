// The screen lock and privacy mode as a worker meets them, in the Chromium host: real page, real
// handlers, real SQLite. Locking hides everything personal and unlocking goes back to exactly what
// was open and typed; the page's clock is driven by Playwright for the idle lock.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import type { ChromiumHost } from '../../electron/chromiumHost/host.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, PIN, signIn, test } from './fixtures.ts'

const SAMPLE = readFileSync(
  resolve(import.meta.dirname, '../fixtures/feed/2026-11-21T150412Z-CL-0457.json'),
  'utf8',
)
const REF = 'CL-20261121-0457'
/** What the sample incident says about the people in it. */
const PERSONAL = ['Alex Sample', '07700 900123', 'Jordan Sample', '14 Example Terrace', 'TS1 9ZZ']

const queueRow = (page: Page) =>
  page
    .getByRole('listbox', { name: 'Incident queue' })
    .getByRole('option', { name: new RegExp(`^${REF}`) })
const incidentPane = (page: Page) => page.getByRole('region', { name: 'Incident' })
const lockScreen = (page: Page) => page.getByRole('main', { name: 'Locked — Jo Example' })
const pinField = (page: Page) => lockScreen(page).getByLabel(/^PIN\W*$/)

async function openSampleIncident(host: ChromiumHost, page: Page) {
  dropFeedFile(host.inbox, 'one.json', SAMPLE)
  await queueRow(page).click()
  await expect(incidentPane(page)).toContainText('Alex Sample')
}

/** Everything a person could read on the page, and what screen readers are given. */
async function pageText(page: Page): Promise<string> {
  const text = await page.locator('body').innerText()
  const tree = await page.locator('body').ariaSnapshot()
  return `${text}\n${tree}`
}

async function unlock(page: Page, pin: string) {
  await pinField(page).fill(pin)
  await page.keyboard.press('Enter')
}

test('sign-in asks for the PIN twice and says what a PIN is', async ({ page }) => {
  await page.getByLabel('Your name').fill('Jo Example')
  await page.getByLabel('Organisation').fill('Harbour Support Services')
  await page.getByLabel(/^PIN\W*$/).fill('12ab')
  await page.getByLabel('PIN again').fill('12ab')
  await page.getByRole('button', { name: /^Sign in/ }).click()
  await expect(page.getByText('A PIN is 4 to 8 digits (0–9), nothing else.')).toBeVisible()
  await page.getByLabel(/^PIN\W*$/).fill('2468')
  await page.getByLabel('PIN again').fill('2486')
  await page.getByRole('button', { name: /^Sign in/ }).click()
  await expect(page.getByText('The two PINs are not the same: type it again.')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Sign in/ })).toBeVisible()
  await page.getByLabel('PIN again').fill('2468')
  await page.getByRole('button', { name: /^Sign in/ }).click()
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible()
})

test('Ctrl+L hides everything personal; the PIN brings back the incident, the note and the open dialog', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  await openSampleIncident(host, page)
  await page.getByRole('textbox', { name: 'New note' }).fill('She said the spare key is under')
  await page.keyboard.press('Alt+c')
  const dialog = page.getByRole('dialog', { name: 'Call victim' })
  await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('Rang from the car park')
  await dialog.getByRole('radio', { name: 'No answer' }).check()

  await page.keyboard.press('Control+l')
  await expect(lockScreen(page)).toBeVisible()
  await expect(pinField(page)).toBeFocused()
  const shown = await pageText(page)
  for (const text of [...PERSONAL, REF, 'spare key', 'car park']) expect(shown).not.toContain(text)
  await page.screenshot({ path: testInfo.outputPath('lock-screen.png') })

  // Escape is not a way back, and the desk's own shortcuts do nothing under the lock.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Alt+e')
  await expect(lockScreen(page)).toBeVisible()
  await expect(dialog).toBeHidden()

  await unlock(page, '9999')
  await expect(lockScreen(page).getByRole('alert')).toHaveText(
    'That PIN is not right. 4 tries left before you are signed out.',
  )
  await expect(pinField(page)).toBeFocused()
  await expect(pinField(page)).toHaveValue('')
  await page.screenshot({ path: testInfo.outputPath('lock-wrong-pin.png') })

  await unlock(page, PIN)
  await expect(lockScreen(page)).toBeHidden()
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Note (optional)' })).toHaveValue(
    'Rang from the car park',
  )
  // The focus is back where it was: on the result just chosen.
  await expect(dialog.getByRole('radio', { name: 'No answer' })).toBeChecked()
  await expect(dialog.getByRole('radio', { name: 'No answer' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('textbox', { name: 'New note' })).toHaveValue(
    'She said the spare key is under',
  )
  await expect(incidentPane(page)).toContainText('Alex Sample')
  await expect(queueRow(page)).toContainText('Alex Sample')
})

test('a reload while locked shows the lock screen; changes made meanwhile show once unlocked', async ({
  host,
  page,
}) => {
  await signIn(page)
  await openSampleIncident(host, page)
  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(lockScreen(page)).toBeVisible()
  // The feed goes on while the screen is locked.
  dropFeedFile(
    host.inbox,
    'two.json',
    SAMPLE.replace(REF, 'CL-20261121-0458').replace('Alex Sample', 'Sam Later'),
  )
  await host.desk.inboxIdle()
  await page.reload()
  await expect(lockScreen(page)).toBeVisible()
  expect(await pageText(page)).not.toContain('Sam Later')
  await unlock(page, PIN)
  await expect(page.getByRole('listbox', { name: 'Incident queue' })).toContainText('Sam Later')
  await expect(queueRow(page)).toContainText('Alex Sample')
})

test('a page reloaded while locked asks only what the lock answers; unlocked, it loads both scripts', async ({
  host,
  page,
}) => {
  // Every call the page makes from here on, and whether it was answered.
  const asked: { name: string; ok: boolean }[] = []
  const handlers = host.desk.handlers as unknown as Record<string, (request: never) => unknown>
  for (const [name, handler] of Object.entries(handlers)) {
    handlers[name] = async (request: never) => {
      const result = (await handler(request)) as { ok: boolean }
      asked.push({ name, ok: result.ok })
      return result
    }
  }
  await signIn(page)
  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(lockScreen(page)).toBeVisible()
  asked.length = 0
  await page.reload()
  await expect(lockScreen(page)).toBeVisible()
  await expect(pinField(page)).toBeFocused()
  expect(asked.filter((a) => !a.ok)).toEqual([])
  expect(new Set(asked.map((a) => a.name))).toEqual(
    new Set(['desk.status', 'session.current', 'settings.get']),
  )

  await unlock(page, PIN)
  await expect(lockScreen(page)).toBeHidden()
  const scriptCalls = () =>
    asked
      .filter((a) => a.name === 'script.get' || a.name === 'followUps.script')
      .map((a) => `${a.name} ${a.ok ? 'answered' : 'refused'}`)
      .sort()
  await expect.poll(scriptCalls).toEqual(['followUps.script answered', 'script.get answered'])
})

test('five wrong PINs sign the worker out; signing out from the lock screen needs no PIN', async ({
  page,
}) => {
  await signIn(page)
  await page.keyboard.press('Control+l')
  for (const left of ['4 tries', '3 tries', '2 tries', '1 try']) {
    await unlock(page, '0000')
    await expect(lockScreen(page).getByRole('alert')).toContainText(`${left} left`)
  }
  await unlock(page, '0000')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByText('5 wrong PINs: you have been signed out.')).toBeVisible()

  await signIn(page)
  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(lockScreen(page)).toContainText('Anything typed but not yet saved is lost')
  await lockScreen(page).getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
})

test('the desk locks itself after the minutes set with no activity, and not before', async ({
  host,
  page,
}) => {
  await signIn(page)
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('textbox', { name: 'Lock after (minutes)' }).fill('2')
  await settings.getByRole('button', { name: 'Save lock time' }).click()
  await expect(page.getByText('DA Desk now locks after 2 min without activity.')).toBeVisible()
  await settings.getByRole('button', { name: 'Close' }).click()

  // The page's timers from here on are Playwright's: time moves only when the test says.
  await page.clock.install()
  await page.reload()
  await openSampleIncident(host, page)
  await page.clock.runFor('01:50')
  await page.mouse.move(200, 200)
  await page.clock.runFor('01:50')
  await expect(lockScreen(page)).toBeHidden()
  await page.clock.runFor('00:15')
  await expect(lockScreen(page)).toBeVisible()
  expect(await pageText(page)).not.toContain('Alex Sample')
  await unlock(page, PIN)
  await expect(incidentPane(page)).toContainText('Alex Sample')
})

test('Ctrl+Shift+H blanks names, numbers and addresses everywhere, and puts them back', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  await openSampleIncident(host, page)
  const blanked = async (text: string) => {
    const shown = page.getByText(text, { exact: true })
    await expect(shown.first()).toBeVisible()
    for (const element of await shown.all()) {
      await expect(element).toHaveCSS('color', 'rgba(0, 0, 0, 0)')
      await expect(element).toHaveCSS('-webkit-text-security', 'disc')
    }
  }

  await page.keyboard.press('Control+Shift+h')
  const indicator = page.getByRole('button', {
    name: /^Privacy on — names and numbers hidden \(Ctrl\+Shift\+H\)/,
  })
  await expect(indicator).toBeVisible()
  for (const text of ['Alex Sample', '07700 900123', 'Jordan Sample']) await blanked(text)
  await blanked('14 Example Terrace, Middlesbrough')
  await expect(incidentPane(page).getByText('ex-partner', { exact: true })).toHaveCSS(
    '-webkit-text-security',
    'none',
  )
  await page.screenshot({ path: testInfo.outputPath('privacy-queue-and-incident.png') })
  await incidentPane(page).getByText('Suspect', { exact: true }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('privacy-incident-facts.png') })

  // A number in a text field is blanked too, and the indicator stays in sight over the dialog.
  await page.keyboard.press('Alt+c')
  const dialog = page.getByRole('dialog', { name: 'Call victim' })
  const number = dialog.getByRole('textbox', { name: 'Number dialled' })
  await expect(number).toHaveValue('07700 900123')
  await expect(number).toHaveCSS('-webkit-text-security', 'disc')
  await expect(page.getByText('Privacy on — names and numbers hidden')).toBeInViewport()
  await page.screenshot({ path: testInfo.outputPath('privacy-call-dialog.png') })
  await page.keyboard.press('Control+Shift+h')
  await expect(number).toHaveCSS('-webkit-text-security', 'none')
  await page.keyboard.press('Control+Shift+h')
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await indicator.click()
  await expect(indicator).toBeHidden()
  const name = incidentPane(page).getByText('Alex Sample', { exact: true })
  await expect(name).toHaveCSS('-webkit-text-security', 'none')
  await expect(name).not.toHaveCSS('color', 'rgba(0, 0, 0, 0)')
})
