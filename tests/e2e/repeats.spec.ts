// Repeat victims and addresses as a worker meets them, in the Chromium host: three incidents at
// one address arrive from feed files; the third says so at its top, in its queue row and in the
// escalation suggestion, lists the other two with why each matched, opens them, and lets the
// worker dismiss one as a false match, after which the count and the suggestion follow.
import type { Page } from '@playwright/test'
import type { ChromiumHost } from '../../electron/chromiumHost/host.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000).toISOString()

function drop(host: ChromiumHost, ref: string, receivedAt: string, victim: string) {
  dropFeedFile(
    host.inbox,
    `${ref}.json`,
    JSON.stringify({
      incidentRef: ref,
      receivedAt,
      grade: 3,
      status: 'open',
      summary: `Neighbour reports shouting and banging (${ref}).`,
      location: { address: 'Flat 3, 2 Sample Road, Stockton-on-Tees', postcode: 'TS18 9ZZ' },
      victim: { name: victim, phone: `07700 900${ref.slice(-3)}` },
    }),
  )
}

const queue = (page: Page) => page.getByRole('listbox', { name: 'Incident queue' })
const row = (page: Page, ref: string) =>
  queue(page).getByRole('option', { name: new RegExp(`^${ref}`) })
const incidentPane = (page: Page) => page.getByRole('region', { name: 'Incident' })
const previous = (page: Page) => incidentPane(page).locator('#previous-incidents')

async function open(page: Page, ref: string) {
  await row(page, ref).click()
  await expect(incidentPane(page).getByRole('heading', { level: 2 })).toHaveText(ref)
}

/** Three incidents at one address: 200 and 40 days ago, and now. */
async function threeAtOneAddress(host: ChromiumHost, page: Page) {
  await signIn(page)
  drop(host, 'CL-REP-0101', daysAgo(200), 'Alex Sample')
  await expect(row(page, 'CL-REP-0101')).toBeVisible()
  drop(host, 'CL-REP-0102', daysAgo(40), 'Alex Sample')
  await expect(row(page, 'CL-REP-0102')).toBeVisible()
  drop(host, 'CL-REP-0103', daysAgo(0.01), 'Alex Sample')
  await expect(row(page, 'CL-REP-0103')).toBeVisible()
}

test('the third incident at an address says so, lists and opens the others, and a false match is dismissed with a reason', async ({
  host,
  page,
}, testInfo) => {
  await threeAtOneAddress(host, page)
  await expect(row(page, 'CL-REP-0103')).toContainText('3rd at address')
  await expect(row(page, 'CL-REP-0102')).toContainText('2nd at address')
  await expect(row(page, 'CL-REP-0101')).not.toContainText('at address')

  await open(page, 'CL-REP-0103')
  const pane = incidentPane(page)
  await expect(pane.getByTestId('repeat-headline')).toHaveText(
    '3rd incident at this address in 12 months',
  )
  await expect(pane.locator('header').getByText(/^Suggested:/)).toContainText(
    '3 call-outs in 12 months to this address',
  )
  const items = previous(page).getByRole('listitem')
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toContainText('CL-REP-0102')
  await expect(items.nth(0)).toContainText('Matched by same address')
  await expect(items.nth(1)).toContainText('CL-REP-0101')
  await page.screenshot({ path: testInfo.outputPath('repeats-incident.png'), fullPage: true })

  // Not the same place: the reason is required, then the count and the suggestion follow.
  await previous(page).getByRole('button', { name: 'Not the same place: CL-REP-0101' }).click()
  const dialog = page.getByRole('dialog', { name: 'Not the same place: CL-REP-0101' })
  await page.keyboard.press('Control+Enter')
  await expect(dialog.getByRole('alert')).toHaveText('Say why it is not the same place.')
  await dialog
    .getByRole('textbox', { name: 'Why it is not the same place' })
    .fill('Flat 8, not Flat 3: the call handler typed the wrong flat.')
  await page.screenshot({ path: testInfo.outputPath('repeats-dismiss.png') })
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()
  await expect(pane.getByTestId('repeat-headline')).toHaveText(
    '2nd incident at this address in 12 months',
  )
  await expect(pane.locator('header').getByText(/^Suggested:/)).toHaveCount(0)
  await expect(items.nth(1)).toContainText('Matched by same address (dismissed) — not counted')
  await expect(items.nth(1)).toContainText(
    'Not the same place — Jo Example (Harbour Support Services)',
  )
  await expect(items.nth(1)).toContainText(
    '“Flat 8, not Flat 3: the call handler typed the wrong flat.”',
  )
  await expect(
    previous(page).getByRole('button', { name: 'Not the same place: CL-REP-0101' }),
  ).toHaveCount(0)
  await expect(row(page, 'CL-REP-0103')).toContainText('2nd at address')
  await page.screenshot({ path: testInfo.outputPath('repeats-dismissed.png'), fullPage: true })

  // Each earlier incident opens in the centre pane.
  await previous(page).getByRole('button', { name: 'Open CL-REP-0102' }).click()
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText('CL-REP-0102')
  await expect(row(page, 'CL-REP-0102')).toHaveAttribute('aria-selected', 'true')

  // Stored: after a reload it is still dismissed.
  await page.reload()
  await open(page, 'CL-REP-0103')
  await expect(incidentPane(page).getByTestId('repeat-headline')).toHaveText(
    '2nd incident at this address in 12 months',
  )
})
