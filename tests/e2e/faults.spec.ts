// A failing disk never takes down the window: the inbox folder replaced by a file, processed/
// replaced by a file, the export folder gone at hand over. Each time the page says what is wrong
// in words a tired worker can act on, and the rest of the desk works on: an incident opens and a
// note is saved. (Tests run as root, so permissions stop nothing: the faults are made by putting
// a file where a folder should be, or taking a folder away, as a disconnected drive would.)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'
import { openIncident, queueRow, sample } from './shiftSteps.ts'

const REF = 'CL-20261121-0457'
/** The inbox is tried again every 5 seconds while it cannot be read. */
const RETRY = { timeout: 15_000 }

const feedHealth = (page: Page) => page.getByRole('region', { name: 'Feed health' })
const notesPane = (page: Page) => page.getByRole('region', { name: 'Rapport notes' })

async function fileNote(page: Page, text: string) {
  const notes = notesPane(page)
  await notes.getByRole('textbox', { name: 'New note' }).fill(text)
  await notes.getByRole('button', { name: /^File note/ }).click()
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(timeline.getByRole('listitem').filter({ hasText: text })).toHaveCount(1)
}

test('the inbox folder replaced by a file: the feed health says so, the desk works on, and the feed comes back', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  await expect(queueRow(page, REF)).toBeVisible()
  await expect(feedHealth(page)).toContainText('Feed working')

  rmSync(host.inbox, { recursive: true })
  writeFileSync(host.inbox, 'not a folder')
  const banner = page.getByRole('alert').filter({ hasText: 'not arriving from the feed' })
  // First the folder is gone; at the next look, a file is where it was.
  await expect(banner).toContainText(`The inbox ${host.inbox} is a file, not a folder`, RETRY)
  await expect(banner).toContainText('type urgent incidents in with “Add incident”')
  await expect(feedHealth(page)).toContainText('Feed not working')
  await page.screenshot({ path: testInfo.outputPath('feed-inbox-is-a-file.png') })

  // The worker carries on: opens the incident and saves a note.
  await openIncident(page, REF, 'Alex Sample')
  await fileNote(page, 'Spoke to victim; safe to talk.')

  // The folder is put back: the feed picks up again by itself and a new file arrives.
  rmSync(host.inbox)
  mkdirSync(host.inbox)
  await expect(feedHealth(page)).toContainText('Feed working', RETRY)
  await expect(banner).toBeHidden()
  dropFeedFile(host.inbox, 'batch.ndjson', sample('2026-11-21T152000Z-batch.ndjson'))
  await expect(queueRow(page, 'CL-20261121-0461')).toBeVisible()
})

test('a feed file that cannot be moved out of the inbox: its incident arrives and the worker is told', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  const processed = join(host.inbox, 'processed')
  rmSync(processed, { recursive: true })
  writeFileSync(processed, 'in the way')
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  await expect(queueRow(page, REF)).toBeVisible()
  const banner = page.getByRole('alert').filter({ hasText: 'needs attention' })
  await expect(banner).toContainText('The incidents in one.json are in the queue')
  await expect(feedHealth(page)).toContainText('Feed needs attention')
  await page.screenshot({ path: testInfo.outputPath('feed-file-not-moved.png') })
  // The warning strip is new beside the error one that accessibility.spec.ts checks.
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  await openIncident(page, REF, 'Alex Sample')
  await fileNote(page, 'Left a message with the refuge.')

  rmSync(processed)
  await expect(feedHealth(page)).toContainText('Feed working', RETRY)
  await expect(banner).toBeHidden()
  expect(readdirSync(processed)).toEqual(['one.json'])
  await expect(queueRow(page, REF)).toHaveCount(1)
})

test('the export folder gone at hand over: a clear message, no file, and the desk works on', async ({
  host,
  page,
}, testInfo) => {
  const parent = mkdtempSync(join(tmpdir(), 'da-desk-e2e-usb-'))
  try {
    const exportDir = join(parent, 'handovers')
    mkdirSync(exportDir)
    await signIn(page)
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByLabel('Export folder').fill(exportDir)
    await settings.getByRole('button', { name: 'Save handover settings' }).click()
    await expect
      .poll(async () => {
        const current = await host.desk.handlers['settings.get']({})
        return current.ok && current.value.exportDir
      })
      .toBe(exportDir)
    await settings.getByRole('button', { name: 'Close' }).click()
    await expect(settings).toBeHidden()
    dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
    await openIncident(page, REF, 'Alex Sample')
    await fileNote(page, 'Victim moving to her sister’s tonight.')
    // The drive holding the export folder is taken out.
    rmSync(exportDir, { recursive: true })

    await page.getByRole('button', { name: 'Hand over', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Hand over and end the shift' })
    await expect(dialog.getByLabel('Save in folder')).toHaveValue(exportDir)
    await dialog.getByRole('button', { name: 'Hand over and end shift' }).click()
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Not handed over' })
    await expect(refusal).toContainText(`the folder ${exportDir} is not there`)
    await expect(refusal).toContainText('still open')
    await refusal.scrollIntoViewIfNeeded()
    await page.screenshot({ path: testInfo.outputPath('handover-export-folder-gone.png') })
    expect(existsSync(exportDir)).toBe(false)
    expect(readdirSync(parent)).toEqual([])

    await dialog.getByRole('button', { name: 'Cancel — keep the shift open' }).click()
    await expect(dialog).toBeHidden()
    await fileNote(page, 'Handover to wait until IT has looked at the drive.')
    await expect(queueRow(page, REF)).not.toContainText('Handed over')
  } finally {
    rmSync(parent, { recursive: true, force: true })
  }
})
