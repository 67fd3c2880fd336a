// The retention policy as an administrator meets it in Settings: what a new period would remove
// is shown before it is saved, "Purge now" asks first, and a purged incident says its personal
// details were removed rather than showing blanks.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { launchChromiumHost } from '../../electron/chromiumHost/host.ts'
import { openDesk } from '../../electron/core/desk.ts'
import { chromiumHostKey } from '../../electron/core/databaseKey.ts'
import { dispatch } from '../../electron/core/api/dispatch.ts'
import { expect, PIN, signIn, test } from './fixtures.ts'

/** Two incidents worked in 2026: one in January, one in April. */
async function seed(dataDir: string) {
  let nowMs = Date.parse('2026-01-10T15:00:00.000Z')
  const desk = openDesk({ dataDir, key: chromiumHostKey(dataDir), now: () => nowMs })
  const call = async (name: string, request: unknown) => {
    const result = await dispatch(desk.handlers, name, request)
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`)
    return result.value as { id: number }
  }
  await call('session.signIn', { workerName: 'Jo Example', organisation: 'Harbour', pin: PIN })
  for (const [ref, at, name] of [
    ['CL-OLD-JAN', '2026-01-10T14:50:00.000Z', 'Riley Januarycase'],
    ['CL-OLD-APR', '2026-04-10T14:50:00.000Z', 'Sam Aprilcase'],
  ] as const) {
    nowMs = Date.parse(at) + 10 * 60_000
    const row = await call('incidents.addManual', {
      record: {
        incidentRef: ref,
        receivedAt: at,
        grade: 2,
        summary: `Neighbour heard ${name} screaming.`,
        victim: { name, phone: '07700 900123' },
        location: { address: '3 Harbour Row', postcode: 'TS1 3HR' },
      },
    })
    await call('notes.add', {
      incidentId: row.id,
      text: `${name} says the suspect has left.`,
      tags: ['rapport'],
      actionOwner: null,
      amends: null,
    })
  }
  await desk.close()
}

/** axe over what is open: the dialogs when there are any, else the whole page. */
async function axeFindsNothing(page: Page, within?: string) {
  const axe = new AxeBuilder({ page })
  if (within) axe.include(within)
  expect((await axe.analyze()).violations).toEqual([])
}

// eslint-disable-next-line no-empty-pattern -- this test launches its own host on a seeded folder
test('Settings previews a new period before saving, Purge now asks first, and a purged incident says so', async ({}, testInfo) => {
  // Three axe scans as well as the journey: time for them on a busy machine.
  test.setTimeout(180_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-'))
  try {
    await seed(dataDir)
    // 27/11/2026: under the default 12 months nothing worked in 2026 is due.
    let nowMs = Date.parse('2026-11-27T20:00:00.000Z')
    const host = await launchChromiumHost({ dataDir, now: () => nowMs })
    const page = host.page
    try {
      await signIn(page)
      await page.getByRole('button', { name: 'Settings' }).click()
      const dialog = page.getByRole('dialog', { name: 'Settings' })
      const retention = dialog.getByRole('region', { name: 'Retention' })
      const months = retention.getByLabel('Keep personal details for (months)')
      await expect(months).toHaveValue('12')
      const status = retention.getByRole('status')
      await expect(status).toHaveText(
        'Nothing is due for removal: nothing left had its last activity before 27/11/2025.',
      )
      await expect(retention.getByRole('button', { name: 'Purge now…' })).toBeDisabled()

      await months.fill('9')
      await expect(status).toHaveText(
        'Saving will remove personal details from 1 incident whose last activity was before ' +
          '27/02/2026.',
      )
      await expect(retention.getByRole('list', { name: 'Incidents due' })).toHaveText(
        'CL-OLD-JAN — last activity 10/01/2026',
      )
      await retention.scrollIntoViewIfNeeded()
      await page.screenshot({ path: testInfo.outputPath('retention-settings.png') })
      await axeFindsNothing(page, '[role="dialog"]')
      await months.fill('0')
      await expect(retention.getByText('Between 1 and 120 months')).toBeVisible()
      await months.fill('9')
      await expect(status).toContainText('Saving will remove personal details from 1 incident')
      await retention.getByRole('button', { name: 'Save retention period' }).click()
      await expect(
        page.getByText('Retention period saved. Personal details removed from 1 incident.'),
      ).toBeVisible()
      await expect(status).toHaveText(
        'Nothing is due for removal: nothing left had its last activity before 27/02/2026.',
      )
      await dialog.getByRole('button', { name: 'Close' }).click()

      // Time passes: on 15/01/2027 the April incident is due under the 9 months saved.
      nowMs = Date.parse('2027-01-15T10:00:00.000Z')
      await page.getByRole('button', { name: 'Settings' }).click()
      await expect(status).toHaveText(
        '1 incident had their last activity before 15/04/2026: their personal details are ' +
          'removed at the next daily run, or now with Purge now.',
      )
      await retention.getByRole('button', { name: 'Purge now…' }).click()
      const confirm = page.getByRole('dialog', { name: 'Remove personal details now?' })
      await expect(confirm).toContainText(
        'Personal details will be removed from 1 incident whose last activity was before 15/04/2026',
      )
      await confirm.getByRole('button', { name: 'Cancel' }).click()
      await expect(confirm).toBeHidden()
      await retention.getByRole('button', { name: 'Purge now…' }).click()
      await axeFindsNothing(page, '[aria-labelledby="purge-title"]')
      await confirm.getByRole('button', { name: 'Remove personal details' }).click()
      await expect(page.getByText('Personal details removed from 1 incident.')).toBeVisible()
      await dialog.getByRole('button', { name: 'Close' }).click()

      const row = page.getByRole('option', { name: /^CL-OLD-APR/ })
      await expect(row).toContainText('Removed under the retention policy')
      await expect(row).toContainText('Name removed')
      await row.click()
      const incident = page.getByRole('region', { name: 'Incident' })
      await expect(incident.getByRole('note')).toHaveText(
        'Personal details removed under the retention policy on 15/01/2027. What was done, the ' +
          'risk level, referrals, escalations and times remain; names, numbers, addresses and ' +
          'everything typed were removed.',
      )
      await expect(incident).not.toContainText('Sam Aprilcase')
      await expect(incident).not.toContainText('3 Harbour Row')
      await page.screenshot({ path: testInfo.outputPath('retention-purged-incident.png') })
      // The facts say a detail was removed rather than "Not given".
      const victim = incident.locator('section', {
        has: page.getByRole('heading', { name: 'Victim', exact: true }),
      })
      await victim.scrollIntoViewIfNeeded()
      await expect(victim).toHaveText('VictimNameRemovedPhoneRemovedDate of birthRemoved')
      await page.screenshot({ path: testInfo.outputPath('retention-purged-facts.png') })
      await axeFindsNothing(page)
    } finally {
      await host.close()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})
