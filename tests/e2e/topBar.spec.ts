// The top bar at the widths a control-room desk is used at: on its busiest (an escalation
// waiting, a follow-up due, a second worker on the shift) everything stays on one line at 1280,
// 1600 and 1920 px, and every control is reached by Tab with a name a screen reader reads.
import type { Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures.ts'

const topBar = (page: Page) => page.getByRole('banner', { name: 'DA Desk' })

/** The names of the top bar's controls in Tab order, from the first. */
async function tabOrder(page: Page): Promise<string[]> {
  const names: string[] = []
  await topBar(page).getByRole('button').first().focus()
  for (;;) {
    const name = await page.evaluate(() => {
      const el = document.activeElement
      if (!el?.closest('header')) return null
      return el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.replace(/\s+/g, ' ')
    })
    if (name === null) return names
    names.push(name)
    await page.keyboard.press('Tab')
  }
}

for (const width of [1280, 1600, 1920]) {
  test(`at ${width} px wide the top bar keeps every control on one line, each reached by Tab`, async ({
    host,
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 900 })
    await signIn(page, 'Sam Other')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(page, 'Jo Example-Longname')
    const h = host.desk.handlers
    const added = await h['incidents.addManual']({
      record: {
        incidentRef: 'CL-20261121-0901',
        receivedAt: new Date().toISOString(),
        grade: 2,
        summary: 'Ex-partner at the door.',
      },
    })
    if (!added.ok) throw new Error(added.error.message)
    const incidentId = added.value.id
    const raised = await h['escalations.raise']({
      incidentId,
      reasons: ['weapon'],
      detail: null,
      recommendedGrade: 1,
      fromSuggestion: [],
    })
    if (!raised.ok) throw new Error(raised.error.message)
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
    const scheduled = await h['followUps.schedule']({ incidentId, dueOn: today, reason: 'Agreed.' })
    if (!scheduled.ok) throw new Error(scheduled.error.message)

    const bar = topBar(page)
    await expect(bar.getByRole('button', { name: '1 open escalation' })).toBeVisible()
    await expect(bar.getByRole('button', { name: 'Follow-ups due (1)' })).toBeVisible()
    await expect(bar.getByRole('button', { name: 'Follow-ups due (1)' })).toContainText('1')
    await expect(bar).toContainText('with Sam Other')
    await page.screenshot({ path: testInfo.outputPath(`top-bar-${width}.png`) })

    // One line: every control's middle is within the first row's height.
    const toolbar = bar.locator('.MuiToolbar-root')
    const row = (await toolbar.boundingBox())!
    expect(row.height).toBeLessThan(80)
    for (const control of await bar.getByRole('button').all()) {
      const box = (await control.boundingBox())!
      expect(box.x + box.width, await control.innerText()).toBeLessThanOrEqual(width)
    }

    expect(await tabOrder(page)).toEqual([
      'Quarantined files: 0',
      '1 open escalation , 1 awaiting acknowledgement',
      'Add incident',
      'Follow-ups due (1)',
      'Support car (0)',
      'Figures',
      'Settings',
      'Hand over',
      width < 1500 ? 'Lock' : 'Lock Ctrl+L',
      'Sign out',
    ])
    // The icon-only ones say what they are when the keyboard reaches them.
    await bar.getByRole('button', { name: 'Figures' }).focus()
    await expect(page.getByRole('tooltip', { name: 'Figures' })).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog', { name: 'Figures' })).toBeVisible()
  })
}
