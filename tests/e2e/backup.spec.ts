// Backups as a worker and a recovering desk see them: Settings' Backups section (back up now,
// restore with its confirmation, back to sign-in with what the restore did, the backup's data
// and not the later work), and a desk started on a damaged database: the recovery screen, and
// the newest good backup restored from it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { launchChromiumHost } from '../../electron/chromiumHost/host.ts'
import { chromiumHostKey } from '../../electron/core/databaseKey.ts'
import { openDesk } from '../../electron/core/desk.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { damagePages } from '../support/backups.ts'
import { expect, PIN, signIn, test } from './fixtures.ts'
import { queueRow } from './shiftSteps.ts'

const record = (ref: string, victim: string) =>
  JSON.stringify({
    incidentRef: ref,
    receivedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    grade: 2,
    summary: 'Caller reports partner shouting.',
    victim: { name: victim, phone: '07700 900123' },
  })

test('Settings backs up now and restores a backup: signed out with what happened, the backup data back', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'first.json', record('CL-BEFORE', 'Alex Before'))
  await expect(queueRow(page, 'CL-BEFORE')).toBeVisible()

  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const section = settings.getByRole('region', { name: 'Backups' })
  await section.scrollIntoViewIfNeeded()
  await expect(section).toContainText(join(host.desk.dataDir, 'backups'))
  await section.getByRole('button', { name: 'Back up now' }).click()
  const list = section.getByRole('list', { name: 'Backups, newest first' })
  await expect(list.getByRole('listitem').filter({ hasText: 'Backed up by hand' })).toHaveCount(1)
  await section.screenshot({ path: testInfo.outputPath('backups-section.png') })
  await settings.getByRole('button', { name: 'Close' }).click()

  // Work after the backup, which the restore takes away.
  dropFeedFile(host.inbox, 'second.json', record('CL-AFTER', 'Sam After'))
  await expect(queueRow(page, 'CL-AFTER')).toBeVisible()

  await page.getByRole('button', { name: 'Settings' }).click()
  const manual = section.getByRole('listitem').filter({ hasText: 'Backed up by hand' })
  await manual.getByRole('button', { name: /^Restore the backup from/ }).click()
  const confirm = page.getByRole('dialog', {
    name: /^Restore the backup from \d\d\/\d\d\/\d{4} \d\d:\d\d\?$/,
  })
  await expect(confirm).toContainText('will not be in the database')
  await expect(confirm).toContainText('You will be signed out')
  await confirm.screenshot({ path: testInfo.outputPath('restore-confirm.png') })
  await confirm.getByRole('button', { name: 'Restore and sign out' }).click()

  await expect(page.getByRole('main', { name: 'Sign in' })).toBeVisible()
  const message = page.getByRole('alert').filter({ hasText: 'Restored the backup from' })
  await expect(message).toContainText('Work recorded after it is not in this database')
  await expect(message).toContainText('the replaced database was kept as')
  await page.screenshot({ path: testInfo.outputPath('restored-sign-in.png') })
  expect(readdirSync(host.desk.dataDir).some((f) => f.startsWith('da-desk.sqlite.replaced-'))).toBe(
    true,
  )

  await signIn(page)
  await expect(queueRow(page, 'CL-BEFORE')).toBeVisible()
  await expect(queueRow(page, 'CL-AFTER')).toHaveCount(0)
  await expect(message).toHaveCount(0)
})

// eslint-disable-next-line no-empty-pattern -- this test launches its own host
test('a damaged database opens the recovery screen, which restores the newest good backup', async ({}, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-'))
  try {
    const key = chromiumHostKey(dataDir)
    const earlier = openDesk({ dataDir, key, watchInbox: false })
    await earlier.handlers['session.signIn']({
      workerName: 'Pat Earlier',
      organisation: 'Harbour',
      pin: PIN,
    })
    for (let i = 1; i <= 30; i++) {
      const ref = `CL-KEPT-${String(i).padStart(2, '0')}`
      const added = await earlier.handlers['incidents.addManual']({
        record: {
          incidentRef: ref,
          receivedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
          grade: 3,
          summary: 'Long account of the call. '.repeat(40),
        },
      })
      expect(added.ok).toBe(true)
    }
    const made = await earlier.handlers['backups.make']({})
    expect(made.ok).toBe(true)
    await earlier.close()
    const file = join(dataDir, 'da-desk.sqlite')
    damagePages(file)

    const host = await launchChromiumHost({ dataDir })
    try {
      const page = host.page
      const screen = page.getByRole('main', { name: 'DA Desk cannot open its database' })
      await expect(screen).toBeVisible()
      await expect(screen).toContainText('found it damaged')
      // Which pages the damage hits decides whether SQLite fails at the first read or in the
      // quick_check: either way IT is told what SQLite said.
      await expect(screen).toContainText(
        /For IT: SQLite(.s quick_check could not read pages? \d+| could not read it \(SQLITE_CORRUPT)/,
      )
      await expect(screen.getByRole('region', { name: 'The damaged file' })).toContainText(file)
      const newest = screen.getByRole('region', { name: 'Newest good backup' })
      await expect(newest).toContainText('Backed up by hand')
      await page.screenshot({ path: testInfo.outputPath('recovery-screen.png'), fullPage: true })
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

      await newest.getByRole('button', { name: 'Restore this backup' }).click()
      const confirm = page.getByRole('dialog', { name: /^Restore the backup from/ })
      await expect(confirm).toContainText('The damaged database is moved aside')
      await confirm.getByRole('button', { name: 'Restore this backup' }).click()

      await expect(page.getByRole('main', { name: 'Sign in' })).toBeVisible()
      await expect(
        page.getByRole('alert').filter({ hasText: 'Restored the backup from' }),
      ).toContainText('the damaged database was kept as')
      expect(readdirSync(dataDir).some((f) => f.startsWith('da-desk.sqlite.damaged-'))).toBe(true)
      await signIn(page)
      await expect(queueRow(page, 'CL-KEPT-').first()).toBeVisible()
    } finally {
      await host.close()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})
