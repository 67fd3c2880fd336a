// Settings as a worker changes them: the theme and the inbox folder, kept across restarts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromiumHost } from '../../electron/chromiumHost/host.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'

const record = (ref: string) =>
  JSON.stringify({
    incidentRef: ref,
    receivedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    grade: 2,
    summary: 'Caller reports partner shouting.',
  })

// eslint-disable-next-line no-empty-pattern -- this test launches its own hosts
test('the light theme and a new inbox folder are kept after a restart, and the new folder is watched', async ({}, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-'))
  const newInbox = join(dataDir, 'cc-export')
  try {
    const first = await launchChromiumHost({ dataDir })
    await signIn(first.page)
    await first.page.getByRole('button', { name: 'Settings' }).click()
    const dialog = first.page.getByRole('dialog', { name: 'Settings' })
    await dialog.getByRole('radio', { name: 'Light' }).check()
    await dialog.getByLabel('Inbox folder').fill(newInbox)
    await dialog.getByRole('button', { name: 'Save folder' }).click()
    await expect(dialog.getByLabel('Inbox folder')).toHaveValue(newInbox)
    await first.page.screenshot({ path: testInfo.outputPath('settings-light.png') })
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(first.page.getByRole('region', { name: 'Feed health' })).toContainText(newInbox)
    await first.close()

    const second = await launchChromiumHost({ dataDir })
    await expect(second.page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    // The light theme's page background is light: every channel well above the dark theme's.
    const background = await second.page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    )
    const channels = background.match(/\d+/g)!.slice(0, 3).map(Number)
    expect(Math.min(...channels)).toBeGreaterThan(200)
    await signIn(second.page)
    expect(second.inbox).toBe(newInbox)
    dropFeedFile(newInbox, 'one.json', record('CL-NEW-INBOX'))
    await expect(second.page.getByRole('option', { name: /^CL-NEW-INBOX/ })).toBeVisible()
    await second.close()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('a folder that cannot be used is refused with the reason, and the old one stays in use', async ({
  host,
  page,
}) => {
  await signIn(page)
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByLabel('Inbox folder').fill('relative/folder')
  await dialog.getByRole('button', { name: 'Save folder' }).click()
  await expect(dialog.getByText(/full path/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('region', { name: 'Feed health' })).toContainText(host.inbox)
})

test('a quick phrase added in settings is offered when writing a note, and a removed one is gone', async ({
  host,
  page,
}) => {
  await signIn(page)
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByRole('textbox', { name: 'New quick phrase' }).fill('Victim has a safe place.')
  await dialog.getByRole('button', { name: 'Add phrase' }).click()
  const phrases = dialog.getByRole('list', { name: 'Quick phrases' })
  await expect(phrases).toContainText('Victim has a safe place.')
  await dialog.getByRole('button', { name: 'Remove “No voicemail left.”' }).click()
  await expect(phrases).not.toContainText('No voicemail left.')
  await dialog.getByRole('textbox', { name: 'New quick phrase' }).fill('x'.repeat(201))
  await dialog.getByRole('button', { name: 'Add phrase' }).click()
  await expect(dialog.getByRole('alert')).toContainText('at most 200 characters')
  await dialog.getByRole('button', { name: 'Close' }).click()

  dropFeedFile(host.inbox, 'one.json', record('CL-PHRASES'))
  await page.getByRole('option', { name: /^CL-PHRASES/ }).click()
  const offered = page
    .getByRole('region', { name: 'Rapport notes' })
    .getByRole('group', { name: 'Quick phrases' })
  await expect(offered.getByRole('button', { name: 'Victim has a safe place.' })).toBeVisible()
  await expect(offered.getByRole('button', { name: 'No voicemail left.' })).toHaveCount(0)
})
