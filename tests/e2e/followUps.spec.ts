// The six-week follow-up call in the Chromium host: a contact with a medium-risk victim schedules
// it 42 days on; on that day it shows in the Follow-ups due view and in the queue with its mark,
// and the worker runs the follow-up script to an outcome with a referral.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { launchChromiumHost } from '../../electron/chromiumHost/host.ts'
import { expect, signIn, test } from './fixtures.ts'

const REF = 'CL-20261121-0777'
const DASH = [
  'dash-injury',
  'dash-frightened',
  'dash-fear-of-what',
  'dash-isolated',
  'dash-low-mood',
  'dash-separation',
  'dash-child-contact',
  'dash-stalking',
  'dash-pregnancy',
  'dash-more-often',
  'dash-getting-worse',
]

// eslint-disable-next-line no-empty-pattern -- this test launches its own host with a clock
test('a medium-risk contact schedules a follow-up 42 days on; on the day it is in the view and the queue, and is run to an outcome with a referral', async ({}, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-'))
  let nowMs = Date.parse('2026-11-21T18:00:00Z')
  const host = await launchChromiumHost({ dataDir, now: () => nowMs })
  const page = host.page
  try {
    await page.clock.install({ time: nowMs })
    await page.reload()
    await signIn(page)
    const h = host.desk.handlers
    const added = await h['incidents.addManual']({
      record: {
        incidentRef: REF,
        receivedAt: '2026-11-21T17:40:00Z',
        grade: 2,
        status: 'closed',
        summary: 'Ex-partner at the door shouting.',
        victim: { name: 'Sam Medium', phone: '07700 900555' },
      },
    })
    if (!added.ok) throw new Error(added.error.message)
    const incidentId = added.value.id
    for (const questionId of DASH) {
      await h['script.answer']({ incidentId, scriptVersion: '1', questionId, value: 'yes' })
    }
    const spoke = await h['contact.logAttempt']({
      incidentId,
      number: '07700 900555',
      result: 'spoke-to-victim',
      callBackAt: null,
      note: null,
    })
    if (!spoke.ok) throw new Error(spoke.error.message)
    await h['contact.recordOutcome']({ incidentId, outcome: 'safety-plan-agreed', note: null })

    const topBar = page.getByRole('banner', { name: 'DA Desk' })
    await topBar.getByRole('button', { name: 'Follow-ups due (0)' }).click()
    const view = page.getByRole('dialog', { name: 'Follow-up calls' })
    const upcoming = view.getByRole('region', { name: /^Upcoming/ })
    await expect(upcoming.getByRole('row').filter({ hasText: REF })).toContainText('02/01/2027')
    await expect(upcoming.getByRole('row').filter({ hasText: REF })).toContainText('Medium')
    await view.getByRole('button', { name: 'Close' }).click()

    // Six weeks on: the desk's clock and the page's.
    nowMs = Date.parse('2027-01-02T09:30:00Z')
    await page.clock.setSystemTime(nowMs)
    await page.reload()
    await expect(page.getByText('Jo Example')).toBeVisible()
    const row = page
      .getByRole('listbox', { name: 'Incident queue' })
      .getByRole('option', { name: new RegExp(`^${REF}`) })
    await expect(row).toContainText('Follow-up due')
    await page.screenshot({ path: testInfo.outputPath('follow-up-queue-mark.png') })

    await topBar.getByRole('button', { name: 'Follow-ups due (1)' }).click()
    const dueToday = view.getByRole('region', { name: /^Due today/ })
    await expect(dueToday.getByRole('row').filter({ hasText: REF })).toContainText('02/01/2027')
    await page.screenshot({ path: testInfo.outputPath('follow-ups-view.png') })
    expect(
      (await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations,
    ).toEqual([])
    await view.getByRole('button', { name: `Open ${REF}` }).click()

    const panel = page.getByRole('region', { name: /^Follow-up call due/ })
    await expect(panel).toBeVisible()
    for (const question of [
      'Am I speaking to the person named on the incident?',
      'Is it safe for you to talk to me right now?',
    ]) {
      await panel
        .getByRole('group', { name: question })
        .getByRole('button', { name: 'Yes', exact: true })
        .click()
    }
    await panel
      .getByRole('group', { name: 'Is the person who hurt you there with you, or nearby?' })
      .getByRole('button', { name: 'No', exact: true })
      .click()
    await panel.getByRole('button', { name: 'Next: Update on the case' }).click()
    await expect(panel).toContainText('What police have recorded: Closed')
    await panel.getByRole('button', { name: 'Next: Recovery services' }).click()
    await panel.getByRole('button', { name: 'Record decision: DA specialist service' }).click()
    const referral = page.getByRole('dialog', { name: 'Referral: DA specialist service' })
    await referral.getByRole('radio', { name: 'Referred, with consent' }).check()
    await referral.getByRole('button', { name: 'Record' }).click()
    await expect(referral).toBeHidden()
    await panel.getByRole('button', { name: 'Next: How to contact police safely' }).click()
    await expect(panel).toContainText('press 55')
    await panel.getByRole('button', { name: 'Next: Outcome of the follow-up' }).click()
    await page.screenshot({ path: testInfo.outputPath('follow-up-script.png'), fullPage: true })
    expect(
      (
        await new AxeBuilder({ page })
          .include('section[aria-labelledby="follow-up-title"]')
          .analyze()
      ).violations,
    ).toEqual([])
    await panel.getByRole('radio', { name: 'Reached and supported' }).check()
    await panel.getByRole('button', { name: 'Record the follow-up call' }).click()
    await expect(panel).toBeHidden()
    // Police closed the log, so with the follow-up made it leaves the queue.
    await expect(row).toBeHidden()
    // The timeline tells the follow-up call from the first contact's call.
    const timeline = page.getByRole('region', { name: 'Timeline' })
    const calls = timeline.getByRole('listitem').filter({ hasText: /Call:/i })
    await expect(calls).toHaveCount(2)
    await expect(calls.nth(0)).toContainText('Call: Spoke to victim')
    await expect(calls.nth(0)).not.toContainText('Follow-up')
    await expect(calls.nth(1)).toContainText('Follow-up call: Reached and supported')
    await page.screenshot({ path: testInfo.outputPath('follow-up-timeline.png') })

    const [done] = host.desk.db
      .prepare<[], { outcome: string; answers: number }>(
        `SELECT c.outcome, (SELECT count(*) FROM follow_up_answers) AS answers
         FROM follow_up_calls c`,
      )
      .all()
    expect(done).toEqual({ outcome: 'reached-supported', answers: 3 })
    const referrals = await h['incidents.get']({ id: incidentId })
    expect(referrals.ok && referrals.value.script.referrals.map((r) => r.service)).toEqual([
      'da-service',
    ])
  } finally {
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

// eslint-disable-next-line no-empty-pattern -- this test launches its own host with a clock
test('the queue filter "Only follow-ups due" shows the incidents whose follow-up is due today or overdue, with a count, by keyboard', async ({}, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-'))
  let nowMs = Date.parse('2026-11-21T18:00:00Z')
  const host = await launchChromiumHost({ dataDir, now: () => nowMs })
  const page = host.page
  try {
    await page.clock.install({ time: nowMs })
    await page.reload()
    await signIn(page)
    const h = host.desk.handlers
    const add = async (incidentRef: string, status: 'open' | 'closed', name: string) => {
      const added = await h['incidents.addManual']({
        record: {
          incidentRef,
          receivedAt: '2026-11-21T17:40:00Z',
          grade: 3,
          status,
          summary: 'Shouting heard by a neighbour.',
          victim: { name },
        },
      })
      if (!added.ok) throw new Error(added.error.message)
      return added.value.id
    }
    // Police have closed the first log: its follow-up keeps it on the queue while due.
    const today = await add('CL-20261121-0801', 'closed', 'Pat Today')
    const later = await add('CL-20261121-0802', 'open', 'Lee Later')
    await add('CL-20261121-0803', 'open', 'Kim None')
    for (const [incidentId, dueOn] of [
      [today, '2026-11-21'],
      [later, '2026-11-25'],
    ] as const) {
      const scheduled = await h['followUps.schedule']({ incidentId, dueOn, reason: 'Agreed.' })
      if (!scheduled.ok) throw new Error(scheduled.error.message)
    }
    const queue = page.getByRole('listbox', { name: 'Incident queue' })
    await expect(queue.getByRole('option')).toHaveCount(3)

    const filter = page.getByRole('button', { name: /^Only follow-ups due/ })
    await expect(filter).toHaveAccessibleName('Only follow-ups due (1)')
    await expect(filter).toHaveAttribute('aria-pressed', 'false')
    await filter.focus()
    await page.keyboard.press('Enter')
    await expect(filter).toHaveAttribute('aria-pressed', 'true')
    await expect(queue.getByRole('option')).toHaveCount(1)
    await expect(queue.getByRole('option').first()).toContainText('CL-20261121-0801')
    await expect(queue.getByRole('option').first()).toContainText('Follow-up due')
    await page.screenshot({ path: testInfo.outputPath('queue-follow-ups-filter.png') })

    // Four days on the first is overdue and the second due: both shown, the count with them.
    nowMs = Date.parse('2026-11-25T08:00:00Z')
    await page.clock.setSystemTime(nowMs)
    await page.reload()
    await expect(page.getByText('Jo Example')).toBeVisible()
    await expect(filter).toHaveAccessibleName('Only follow-ups due (2)')
    await filter.focus()
    await page.keyboard.press('Space')
    await expect(queue.getByRole('option')).toHaveCount(2)
    await expect(queue).not.toContainText('CL-20261121-0803')

    // Made and recorded: the call leaves the filter, and an empty filter says so.
    const open = await h['followUps.list']({})
    if (!open.ok) throw new Error(open.error.message)
    for (const followUp of open.value) {
      const made = await h['followUps.recordCall']({
        followUpId: followUp.id,
        outcome: 'reached-supported',
        tryAgainOn: null,
        note: null,
      })
      if (!made.ok) throw new Error(made.error.message)
    }
    await expect(filter).toHaveAccessibleName('Only follow-ups due (0)')
    await expect(page.getByText('No incidents with a follow-up call due.')).toBeVisible()
    await filter.click()
    await expect(queue.getByRole('option')).toHaveCount(2)
  } finally {
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('the days until a follow-up is due are set in Settings, within 7 to 120', async ({ page }) => {
  await signIn(page)
  await page.getByRole('button', { name: 'Settings' }).click()
  const section = page.getByRole('region', { name: 'Follow-up calls' })
  const days = section.getByRole('textbox', { name: 'Follow-up due after (days)' })
  await expect(days).toHaveValue('42')
  await days.fill('150')
  await section.getByRole('button', { name: 'Save follow-up days' }).click()
  await expect(section).toContainText('Whole days between 7 and 120, e.g. 42')
  await days.fill('28')
  await section.getByRole('button', { name: 'Save follow-up days' }).click()
  await expect(
    page.getByText('Follow-up calls are now due 28 days after the contact.'),
  ).toBeVisible()
  await page.reload()
  await expect(page.getByText('Jo Example')).toBeVisible()
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(
    page
      .getByRole('region', { name: 'Follow-up calls' })
      .getByRole('textbox', { name: 'Follow-up due after (days)' }),
  ).toHaveValue('28')
})

test('a follow-up scheduled by hand with a reason, moved to another day and cancelled', async ({
  host,
  page,
}) => {
  await signIn(page)
  const added = await host.desk.handlers['incidents.addManual']({
    record: {
      incidentRef: REF,
      receivedAt: new Date().toISOString(),
      grade: 3,
      summary: 'Neighbour heard shouting.',
    },
  })
  if (!added.ok) throw new Error(added.error.message)
  const day = (days: number) =>
    new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-GB', {
      timeZone: 'Europe/London',
    })
  await page
    .getByRole('listbox', { name: 'Incident queue' })
    .getByRole('option', { name: new RegExp(`^${REF}`) })
    .click()
  const incident = page.getByRole('region', { name: 'Incident' })
  await incident.getByRole('button', { name: 'Schedule a follow-up call…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Schedule a follow-up call' })
  await dialog.getByRole('textbox', { name: 'Due on (dd/mm/yyyy)' }).fill(day(10))
  await dialog.getByRole('button', { name: 'Save the day' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Give the reason.')
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Court date next week.')
  await dialog.getByRole('button', { name: 'Save the day' }).click()
  const panel = page.getByRole('region', { name: /^Follow-up call/ })
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(day(10))
  await expect(panel).toContainText('Scheduled by hand: Court date next week.')

  await panel.getByRole('button', { name: 'Move to another day…' }).click()
  const move = page.getByRole('dialog', { name: 'Move the follow-up call' })
  await move.getByRole('textbox', { name: 'Due on (dd/mm/yyyy)' }).fill(day(14))
  await move.getByRole('textbox', { name: 'Reason' }).fill('Victim away until then.')
  await move.getByRole('button', { name: 'Save the day' }).click()
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(day(14))

  await panel.getByRole('button', { name: 'Cancel the follow-up…' }).click()
  const cancel = page.getByRole('dialog', { name: 'Cancel the follow-up call' })
  await cancel.getByRole('textbox', { name: 'Reason' }).fill('Victim asked for no more calls.')
  await cancel.getByRole('button', { name: 'Cancel the follow-up' }).click()
  await expect(panel).toBeHidden()
  await expect(incident.getByRole('button', { name: 'Schedule a follow-up call…' })).toBeVisible()
  const closures = host.desk.db
    .prepare('SELECT kind, reason FROM follow_up_closures ORDER BY id')
    .all()
  expect(closures).toEqual([
    { kind: 'rescheduled', reason: 'Victim away until then.' },
    { kind: 'cancelled', reason: 'Victim asked for no more calls.' },
  ])
})
