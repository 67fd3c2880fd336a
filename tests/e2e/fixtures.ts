// Each test gets the app in the Chromium host on a fresh data folder of its own, so tests never
// share a database and can run in any order.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import type { Page } from '@playwright/test'
import { launchChromiumHost } from '../../electron/chromiumHost/host.ts'
import type { ChromiumHost } from '../../electron/chromiumHost/host.ts'

export const test = base.extend<{ host: ChromiumHost; page: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-'))
    const host = await launchChromiumHost({ dataDir })
    await use(host)
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  },
  page: async ({ host }, use) => {
    await use(host.page as unknown as Page)
  },
})

export { expect }

/** The PIN the made-up worker signs in with. */
export const PIN = '2468'

/** Signs in as a made-up worker, as a worker would at the start of a shift. */
export async function signIn(
  page: Page,
  name = 'Jo Example',
  organisation = 'Harbour Support Services',
  pin = PIN,
) {
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Organisation').fill(organisation)
  await page.getByLabel(/^PIN\W*$/).fill(pin)
  await page.getByLabel('PIN again').fill(pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText(name)).toBeVisible()
}
