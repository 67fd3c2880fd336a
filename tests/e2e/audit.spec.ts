// The audit log's start-up check as the worker sees it: a log changed behind DA Desk's back gets
// a red notice after sign-in that names the entry. The data folder is the Chromium host's own,
// with its own key file, as any real start would use.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { launchChromiumHost } from '../../electron/chromiumHost/host.ts'
import { chromiumHostKey } from '../../electron/core/databaseKey.ts'
import { openDesk } from '../../electron/core/desk.ts'
import { rawDatabase } from '../support/databaseKey.ts'
import { expect, signIn, test } from './fixtures.ts'

// eslint-disable-next-line no-empty-pattern -- this test launches its own host
test('a tampered audit log is reported in red after sign-in, naming the entry, with no accessibility violations', async ({}, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-'))
  try {
    const key = chromiumHostKey(dataDir)
    const earlier = openDesk({
      dataDir,
      key,
      watchInbox: false,
      now: () => Date.parse('2026-11-21T18:00:00Z'),
    })
    await earlier.handlers['session.signIn']({
      workerName: 'Jo Example',
      organisation: 'Harbour',
      pin: '2468',
    })
    await earlier.handlers['session.signOut']({})
    await earlier.close()
    const db = rawDatabase(join(dataDir, 'da-desk.sqlite'), key)
    db.exec(`DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET actor = 'Someone Else (Harbour)' WHERE id = 1`)
    db.close()

    const host = await launchChromiumHost({ dataDir })
    try {
      await signIn(host.page)
      const notice = host.page
        .getByRole('alert')
        .filter({ hasText: 'The audit log has been tampered with' })
      await expect(notice).toBeVisible()
      await expect(notice).toContainText(
        'Entry 1 (21/11/2026 18:00): it was changed after it was written.',
      )
      await expect(notice).toContainText('tell your supervisor and IT now')
      await host.page.screenshot({ path: testInfo.outputPath('audit-broken.png') })
      expect((await new AxeBuilder({ page: host.page }).analyze()).violations).toEqual([])
    } finally {
      await host.close()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})
