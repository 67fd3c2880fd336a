// The support car as a worker drives it, in the Chromium host: the incident is tasked to the car
// with a reason and priority, the Support car view (Alt+S) lists it with the victim, address and
// the safe-contact notes the crew needs, the car's crew joins the shift, a visit is recorded with
// its outcomes and referrals, the incident shows it, and the figures count it by visit.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'
import { deskCall, incidentId, openIncident, sample } from './shiftSteps.ts'

const REF = 'CL-20261121-0457'

const panel = (page: Page) =>
  page.getByRole('region', { name: 'Incident' }).getByRole('region', { name: 'Support car' })
const noViolations = async (page: Page) =>
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual(
    [],
  )

test('an incident is tasked to the car, listed with the crew’s notes, visited, and counted by visit', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  await openIncident(page, REF, 'Alex Sample')
  // What the desk learnt on the phone, which the crew needs before they knock.
  const id = await incidentId(page, REF)
  const script = await deskCall<{ version: string }>(page, 'script.get', {})
  for (const [questionId, value] of [
    ['safety-suspect-near', 'yes'],
    ['unsafe-code-word', 'yes'],
  ] as const) {
    await deskCall(page, 'script.answer', {
      incidentId: id,
      scriptVersion: script.version,
      questionId,
      value,
    })
  }
  await deskCall(page, 'notes.add', {
    incidentId: id,
    text: 'Use the back door; he watches the front.',
    tags: ['safeguarding'],
    actionOwner: null,
    amends: null,
  })

  await expect(panel(page)).toContainText('The support car has not been tasked to this.')
  await panel(page).getByRole('button', { name: 'Task support car' }).click()
  const task = page.getByRole('dialog', { name: `Task support car to ${REF}` })
  await task.getByRole('button', { name: 'Task support car' }).click()
  await expect(task.getByRole('alert')).toHaveText('Say why the car should attend.')
  await task.getByLabel('Reason for the visit').fill('Wants to talk in person; children at home.')
  await task.getByRole('radio', { name: 'Urgent' }).check()
  await noViolations(page)
  await task.getByRole('button', { name: 'Task support car' }).click()
  await expect(task).toBeHidden()
  await expect(panel(page)).toContainText('On the car’s list')
  await expect(panel(page).getByRole('button', { name: 'Task support car' })).toBeHidden()

  await page.keyboard.press('Alt+S')
  const view = page.getByRole('dialog', { name: /^Support car/ })
  const stop = view.getByRole('listitem').filter({ hasText: REF })
  await expect(stop).toContainText('Alex Sample — 14 Example Terrace, Middlesbrough, TS1 9ZZ')
  await expect(stop).toContainText('Wants to talk in person; children at home.')
  const notes = stop.getByRole('definition')
  await expect(notes).toHaveText([
    /^Yes \(recorded \d\d\/\d\d\/\d{4} \d\d:\d\d\)$/,
    /^Yes \(recorded/,
    /^Use the back door; he watches the front\. \(recorded/,
  ])
  await expect(stop.getByRole('term')).toHaveText([
    'Suspect there or nearby',
    'Code word agreed to end a call',
    'Safeguarding note',
  ])

  // The car's crew join the shift, so the handover lists them.
  for (const [name, role] of [
    ['PC 4410 Ellis', 'Support car officer'],
    ['Sam Rivers', 'Support car IDVA'],
  ] as const) {
    await view.getByLabel('Crew member’s name').fill(name)
    await view.getByRole('radio', { name: role }).check()
    await view.getByRole('button', { name: 'Add car crew to this shift' }).click()
    await expect(view.getByRole('region', { name: 'Car crew on this shift' })).toContainText(name)
  }
  await page.screenshot({ path: testInfo.outputPath('support-car-list.png'), fullPage: true })
  await noViolations(page)
  const shift = await deskCall<{ workers: string[] }>(page, 'shift.current', {})
  expect(shift.workers).toEqual([
    expect.stringContaining('Jo Example'),
    'PC 4410 Ellis (Support car officer)',
    'Sam Rivers (Support car IDVA)',
  ])

  await stop.getByRole('button', { name: 'Record visit' }).click()
  const visit = page.getByRole('dialog', { name: `Record support car visit — ${REF}` })
  await expect(visit.getByLabel('Officer who attended')).toHaveValue('PC 4410 Ellis')
  await expect(visit.getByLabel('IDVA who attended')).toHaveValue('Sam Rivers')
  await visit.getByLabel('When the crew attended').fill('21/11/2026 14:00')
  await visit.getByRole('button', { name: 'Record visit' }).click()
  await expect(visit.getByRole('alert')).toContainText('before the call came in (21/11/2026 15:04)')
  await visit.getByLabel('When the crew attended').fill('21/11/2026 19:30')
  await visit.getByRole('checkbox', { name: 'Victim engaged' }).check()
  await visit.getByRole('checkbox', { name: 'Moved to safety' }).check()
  await visit.getByRole('checkbox', { name: 'Clare’s Law disclosure given' }).check()
  await visit.getByRole('checkbox', { name: 'IDVA', exact: true }).check()
  await visit.getByLabel('Notes (optional)').fill('Taken with the children to her sister’s.')
  await page.screenshot({ path: testInfo.outputPath('support-car-visit-form.png') })
  await noViolations(page)
  await visit.getByRole('button', { name: 'Record visit' }).click()
  await expect(visit).toBeHidden()
  await expect(view).toContainText('Nothing on the car’s list.')
  await view.getByRole('button', { name: 'Close' }).click()

  await expect(panel(page)).toContainText('Completed')
  await expect(panel(page).getByTestId('support-car-visit')).toContainText(
    'Visit 21/11/2026 19:30 by PC 4410 Ellis and Sam Rivers (IDVA): Victim engaged · moved to safety · Clare’s Law disclosure given · referred to IDVA',
  )
  await panel(page).scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('support-car-incident.png') })
  // The visit's referral is the incident's own: the script's referrals list shows it too.
  const detail = await deskCall<{ script: { referrals: { service: string }[] } }>(
    page,
    'incidents.get',
    { id },
  )
  expect(detail.script.referrals.map((r) => r.service)).toEqual(['idva'])

  await page.getByRole('button', { name: 'Figures' }).click()
  const figures = page.getByRole('dialog', { name: 'Figures' })
  const byRoute = figures.getByRole('region', { name: 'By phone and by support car visit' })
  const figure = (label: string) =>
    byRoute.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd')
  for (const label of ['Victims engaged', 'Moved to safety', 'Referred to DA services']) {
    await expect(figure(`${label} by phone or visit`)).toHaveText(
      '1 in all: 0 by phone, 1 by visit',
    )
  }
  await expect(figure('Clare’s Law disclosures given at visits')).toHaveText(
    '1 at 1 support car visit',
  )
  await figures
    .getByRole('region', { name: 'By phone and by support car visit' })
    .scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('support-car-figures.png') })
  await figures.getByRole('button', { name: 'Close' }).click()

  // The handover's preview shows them for the shift: the tasking made in it (the visit, attended
  // on 21/11, counts in the period it was made in, not in today's shift).
  await page.getByRole('button', { name: 'Hand over', exact: true }).click()
  const handover = page.getByRole('dialog', { name: 'Hand over and end the shift' })
  const shiftByRoute = handover.getByRole('region', { name: 'By phone and by support car visit' })
  await expect(shiftByRoute).toContainText('Records made in the shift.')
  await expect(
    shiftByRoute
      .getByRole('term')
      .filter({ hasText: 'Support car taskings' })
      .locator('xpath=following-sibling::dd'),
  ).toHaveText('1 in the shift')
  await shiftByRoute.scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('support-car-handover-preview.png') })
})
