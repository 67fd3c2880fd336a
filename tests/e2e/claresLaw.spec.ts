// A Clare's Law application as a worker records it, in the Chromium host: raised from the
// incident, moved to under review, then to disclosure given with the victim accepting support
// and an IDVA present; a move the scheme does not allow is never offered.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'

const SAMPLE = readFileSync(
  resolve(import.meta.dirname, '../fixtures/feed/2026-11-21T150412Z-CL-0457.json'),
  'utf8',
)
const REF = 'CL-20261121-0457'

const panel = (page: Page) =>
  page.getByRole('region', { name: 'Incident' }).getByRole('region', { name: 'Clare’s Law' })

test('an application is raised, reviewed and closed as disclosure given with support accepted and an IDVA present', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'one.json', SAMPLE)
  await page
    .getByRole('listbox', { name: 'Incident queue' })
    .getByRole('option', { name: new RegExp(`^${REF}`) })
    .click()
  await expect(panel(page)).toContainText('No application raised from this incident.')

  await panel(page).getByRole('button', { name: 'Record application' }).click()
  const raise = page.getByRole('dialog', { name: 'Record a Clare’s Law application' })
  await page.keyboard.press('Control+Enter')
  await expect(raise.getByRole('alert')).toHaveText('Choose right to ask or right to know.')
  await raise.getByRole('radio', { name: 'Right to ask' }).check()
  await raise.getByRole('radio', { name: 'The victim' }).check()
  // The day it was made is typed as dd/mm/yyyy, today unless changed, and never a later day.
  const made = raise.getByRole('textbox', { name: 'Date made (dd/mm/yyyy)' })
  const today = await made.inputValue()
  expect(today).toMatch(/^\d\d\/\d\d\/\d{4}$/)
  await made.fill('31/12/2999')
  await raise.getByRole('button', { name: 'Record application' }).click()
  await expect(raise.getByRole('alert')).toHaveText('The date it was made cannot be after today.')
  await made.fill(today)
  await raise.getByLabel('Note (optional)').fill('Asked about her new partner’s past.')
  await page.screenshot({ path: testInfo.outputPath('clares-law-raise.png') })
  await raise.getByRole('button', { name: 'Record application' }).click()
  await expect(raise).toBeHidden()
  await expect(panel(page).getByTestId('clares-law-status')).toHaveText('Raised')
  await expect(panel(page)).toContainText('made by the victim on')

  await panel(page).getByRole('button', { name: 'Update status' }).click()
  let update = page.getByRole('dialog', { name: 'Right to ask: raised' })
  // From raised, only review or withdrawal.
  await expect(update.getByRole('radio')).toHaveCount(2)
  await update.getByRole('radio', { name: 'Under review' }).check()
  await update.getByRole('button', { name: 'Record' }).click()
  await expect(update).toBeHidden()
  await expect(panel(page).getByTestId('clares-law-status')).toHaveText('Under review')

  await panel(page).getByRole('button', { name: 'Update status' }).click()
  update = page.getByRole('dialog', { name: 'Right to ask: under review' })
  await update.getByRole('radio', { name: 'Disclosure given' }).check()
  await update.getByRole('radio', { name: 'Accepted support' }).check()
  await update
    .getByRole('radiogroup', { name: 'Was an IDVA present at the disclosure?' })
    .getByRole('radio', { name: 'Yes' })
    .check()
  await page.screenshot({ path: testInfo.outputPath('clares-law-update.png') })
  await update.getByRole('button', { name: 'Record' }).click()
  await expect(update).toBeHidden()
  await expect(panel(page).getByTestId('clares-law-status')).toHaveText('Disclosure given')
  await expect(panel(page)).toContainText('Support: Accepted support · IDVA present: yes')
  await expect(panel(page).getByRole('listitem')).toHaveCount(4)
  await panel(page).scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('clares-law-panel.png') })

  // Stored: after a reload it is all still there.
  await page.reload()
  await page
    .getByRole('listbox', { name: 'Incident queue' })
    .getByRole('option', { name: new RegExp(`^${REF}`) })
    .click()
  await expect(panel(page).getByTestId('clares-law-status')).toHaveText('Disclosure given')
})
