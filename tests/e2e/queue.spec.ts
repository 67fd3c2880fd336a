// The live queue as a worker uses it, in the Chromium host: real page, real handlers, real SQLite.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/feed')
const sample = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8')

test('a worker signs in, a dropped file appears in the queue, a regrade is marked and the incident opens', async ({
  host,
  page,
}, testInfo) => {
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('01-sign-in.png') })
  await signIn(page)

  const queue = page.getByRole('listbox', { name: 'Incident queue' })
  dropFeedFile(host.inbox, 'batch.ndjson', sample('2026-11-21T152000Z-batch.ndjson'))
  const row = queue.getByRole('option', { name: /^CL-20261121-0461/ })
  await expect(row).toBeVisible()
  await expect(row).toContainText('G3')

  dropFeedFile(host.inbox, 'update.json', sample('2026-11-21T154500Z-CL-0461-update.json'))
  await expect(row).toContainText('G3→G2')
  await page.screenshot({ path: testInfo.outputPath('02-queue-regrade.png') })

  await row.click()
  await page.keyboard.press('Enter')
  const incident = page.getByRole('region', { name: 'Incident' })
  await expect(incident).toContainText('CL-20261121-0461')
  await expect(incident).toContainText("man shouting 'nobody will hear you'")
  await expect(incident.getByText('Regraded G3 → G2 (more urgent)')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('03-incident.png') })
})

test('the queue is used by keyboard: / searches, Esc leaves search, arrows move, Enter opens', async ({
  host,
  page,
}) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  dropFeedFile(host.inbox, 'export.csv', sample('2026-11-21T160600Z-export.csv'))
  const queue = page.getByRole('listbox', { name: 'Incident queue' })
  await expect(queue.getByRole('option')).toHaveCount(2)

  await page.keyboard.press('/')
  const search = page.getByRole('searchbox', { name: 'Search incidents' })
  await expect(search).toBeFocused()
  await page.keyboard.type('Morgan')
  // Closed incidents leave the queue but are found by search.
  await expect(queue.getByRole('option')).toHaveCount(1)
  await expect(queue.getByRole('option', { name: /^CL-20261121-0471/ })).toContainText(/closed/i)
  await page.keyboard.press('Escape')
  await expect(search).toHaveValue('')
  await expect(queue.getByRole('option')).toHaveCount(2)

  await queue.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  // Default order: new first, then grade, then oldest: G1 (0470) before G2 (0457).
  await expect(page.getByRole('region', { name: 'Incident' })).toContainText('CL-20261121-0470')
})

test('an incident is added by hand when the feed is down, and a later feed record updates it', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  await page.getByRole('button', { name: 'Add incident' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add incident' })
  await dialog.getByLabel('Reference').fill('CL 20261121 0999')
  await dialog.getByLabel('Summary').fill('Caller says partner is outside with a bat.')
  await dialog.getByRole('button', { name: /^Add/ }).click()
  await expect(dialog.getByText(/letters, digits/i)).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('04-manual-error.png') })

  await dialog.getByLabel('Reference').fill('CL-20261121-0999')
  await dialog.getByRole('combobox', { name: /Grade/ }).selectOption('2')
  await dialog.getByRole('button', { name: /^Add/ }).click()
  await expect(dialog).toBeHidden()
  const queue = page.getByRole('listbox', { name: 'Incident queue' })
  const row = queue.getByRole('option', { name: /^CL-20261121-0999/ })
  await expect(row).toBeVisible()

  dropFeedFile(
    host.inbox,
    'feed.json',
    JSON.stringify({
      incidentRef: 'CL-20261121-0999',
      receivedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      grade: 1,
      summary: 'From C&C: partner outside with a baseball bat, trying to get in.',
      flags: ['weapon'],
    }),
  )
  await expect(row).toContainText('G1')
  await expect(row).toContainText(/Weapon/)
})

test('a quarantined file is counted in feed health and its report can be read', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'broken.json', '{"incidentRef": "CL-1", "receivedAt": ')
  const button = page.getByRole('button', { name: 'Quarantined files: 1' })
  await expect(button).toBeVisible()
  await button.click()
  const dialog = page.getByRole('dialog', { name: 'Quarantined files' })
  await expect(dialog).toContainText('broken.json')
  await expect(dialog).toContainText(/JSON/)
  await page.screenshot({ path: testInfo.outputPath('05-quarantine.png') })
})

test('markup in feed text is shown as text and never run', async ({ host, page }) => {
  await signIn(page)
  const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
  dropFeedFile(
    host.inbox,
    'attack.json',
    JSON.stringify({
      incidentRef: 'CL-XSS-1',
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      grade: 2,
      summary: attack,
      victim: { name: '<b>Bold</b> Name' },
      note: '<iframe src="javascript:alert(1)">',
    }),
  )
  const row = page
    .getByRole('listbox', { name: 'Incident queue' })
    .getByRole('option', { name: /^CL-XSS-1/ })
  await expect(row).toContainText('<img src=x')
  await row.click()
  await page.keyboard.press('Enter')
  const incident = page.getByRole('region', { name: 'Incident' })
  await expect(incident).toContainText('<script>window.__pwned=2</script>')
  await expect(incident).toContainText('<iframe src="javascript:alert(1)">')
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(await page.locator('img[src="x"], iframe, b').count()).toBe(0)
})

test('axe finds no accessibility violations on the sign-in screen and the working screen', async ({
  host,
  page,
}) => {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  await signIn(page)
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  const row = page.getByRole('option', { name: /^CL-20261121-0457/ })
  await row.click()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Incident' })).toContainText('Alex Sample')
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})
