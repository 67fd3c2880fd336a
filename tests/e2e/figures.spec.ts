// The Figures view as a manager uses it, in the Chromium host: the period's figures are the sum
// of the shifts handed over in it, week by week with a table of the chart's numbers; a period is
// typed as days and a wrong one is refused in words; the statistics-only export carries no
// names, numbers, addresses or notes.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import {
  FIGURE_LABELS,
  NOT_ADDED_UP,
  handoverRecordSchema,
  type FiguresPeriod,
  type HandoverRecord,
  type ShiftFigures,
} from '../../shared/handover.ts'
import { formatDateTime, toIsoUtc } from '../../shared/time.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'
import {
  CSV_COLUMNS,
  deskCall,
  expectFiguresShown,
  incidentId,
  parseCsv,
  sample,
  sha256,
  shownFigures,
} from './shiftSteps.ts'

const COUNTS = (Object.keys(FIGURE_LABELS) as (keyof ShiftFigures)[]).filter(
  (key) => !(NOT_ADDED_UP as readonly string[]).includes(key),
)

async function attempt(page: Page, ref: string, result: string) {
  await deskCall(page, 'contact.logAttempt', {
    incidentId: await incidentId(page, ref),
    number: '07700 900999',
    result,
    callBackAt: null,
    note: null,
  })
}

async function refer(page: Page, ref: string, service: string) {
  await deskCall(page, 'referrals.add', {
    incidentId: await incidentId(page, ref),
    service,
    otherService: null,
    decision: 'consented',
    detail: null,
  })
}

/** Hands the shift over as JSON only, through the dialog; returns the record written. */
async function handOver(page: Page, folder: string): Promise<HandoverRecord> {
  await page.getByRole('button', { name: 'Hand over', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Hand over and end the shift' })
  await expect(dialog.getByRole('region', { name: /^Incidents touched/ })).toBeVisible()
  await dialog.getByRole('checkbox', { name: /^PDF/ }).uncheck()
  await dialog.getByRole('checkbox', { name: /^CSV/ }).uncheck()
  await dialog.getByLabel('Save in folder').fill(folder)
  await dialog.getByRole('button', { name: 'Hand over and end shift' }).click()
  const result = page.getByRole('region', { name: 'Shift handed over' })
  await expect(result).toBeVisible()
  await result.getByRole('button', { name: 'Close this summary' }).click()
  const json = readdirSync(folder).find((f) => f.endsWith('.json') && !f.includes('manifest'))!
  const record = handoverRecordSchema.parse(JSON.parse(readFileSync(join(folder, json), 'utf8')))
  rmSync(folder, { recursive: true, force: true })
  return record
}

const figuresView = (page: Page) => page.getByRole('dialog', { name: 'Figures' })

test('the figures for this month are the sum of its shifts, week by week, and export as statistics only', async ({
  host,
  page,
}, testInfo) => {
  test.setTimeout(180_000)
  const exportDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-figures-'))
  try {
    dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
    dropFeedFile(host.inbox, 'batch.ndjson', sample('2026-11-21T152000Z-batch.ndjson'))

    // Two shifts, each handed over.
    await signIn(page)
    await attempt(page, 'CL-20261121-0457', 'no-answer')
    await attempt(page, 'CL-20261121-0457', 'spoke-to-victim')
    await refer(page, 'CL-20261121-0457', 'idva')
    await refer(page, 'CL-20261121-0457', 'housing')
    const first = await handOver(page, mkdtempSync(join(tmpdir(), 'da-desk-e2e-shift-')))
    await signIn(page, 'Sam Other')
    await attempt(page, 'CL-20261121-0461', 'spoke-to-victim')
    await refer(page, 'CL-20261121-0461', 'clares-law-ask')
    await attempt(page, 'CL-20261121-0463', 'no-answer')
    const second = await handOver(page, mkdtempSync(join(tmpdir(), 'da-desk-e2e-shift-')))
    expect(first.figures).toMatchObject({ incidentsReviewed: 1, contactAttempts: 2 })
    expect(second.figures).toMatchObject({ incidentsReviewed: 2, contactAttempts: 2 })

    // A third worker opens the Figures view: this month, the first two shifts and their own.
    await signIn(page, 'Kim Manager')
    await page.getByRole('button', { name: 'Figures' }).click()
    const view = figuresView(page)
    const now = formatDateTime(toIsoUtc(Date.now()))
    await expect(view.getByLabel('First day')).toHaveValue(`01/${now.slice(3, 10)}`)
    await expect(view).toContainText('3 shifts started in the period')
    const sum = Object.fromEntries(
      COUNTS.map((key) => [key, (first.figures[key] ?? 0) + (second.figures[key] ?? 0)]),
    )
    expect(sum).toMatchObject({
      incidentsReviewed: 3,
      victimsContacted: 2,
      contactAttempts: 4,
      daServiceReferrals: 1,
      otherServiceReferrals: 1,
      claresLawReferrals: 1,
      claresLawApplications: 0,
    })
    const shown = await shownFigures(view)
    for (const key of COUNTS) expect(shown[FIGURE_LABELS[key]], key).toBe(String(sum[key]))
    // The medians are over the period's own first contacts, as the Node side works them out
    // (over any period holding the same three shifts, all started today).
    const period = await deskCall<FiguresPeriod>(page, 'figures.get', {
      from: toIsoUtc(Date.now() - 86_400_000),
      to: toIsoUtc(Date.now() + 86_400_000),
    })
    expectFiguresShown(shown, { ...period.figures, ...sum } as ShiftFigures)
    await page.screenshot({ path: testInfo.outputPath('figures-view.png') })

    // Week by week: the table holds the chart's numbers, and the weeks add up to the period.
    const table = view.getByRole('table')
    /** A column of the weekly table (after the week's heading), as numbers. */
    const weekly = async (column: number) =>
      (await table.locator(`tbody tr td:nth-of-type(${column + 1})`).allTextContents()).map(Number)
    const reviewed = await weekly(2)
    expect(reviewed.reduce((a, b) => a + b, 0)).toBe(sum.incidentsReviewed)
    const shifts = await weekly(1)
    expect(shifts.reduce((a, b) => a + b, 0)).toBe(3)
    const chartNumbers = await view
      .locator('figure [aria-hidden="true"] > div')
      .first()
      .locator(':scope > div > p')
      .allTextContents()
    expect(chartNumbers.map(Number)).toEqual(reviewed)
    await view.getByLabel('Figure', { exact: true }).selectOption({ label: 'Contact attempts' })
    await expect(table.locator('thead')).toContainText('Contact attempts')
    const attempts = await weekly(2)
    expect(attempts.reduce((a, b) => a + b, 0)).toBe(sum.contactAttempts)
    await table.scrollIntoViewIfNeeded()
    await page.screenshot({ path: testInfo.outputPath('figures-weekly.png') })

    // The statistics-only export: the same figures, nothing that names or locates anyone.
    await view.getByLabel('Save in folder').fill(exportDir)
    await view.getByRole('button', { name: 'Export statistics' }).click()
    const exported = view.getByRole('status').filter({ hasText: 'Statistics exported' })
    await expect(exported).toContainText('3 incidents')
    await exported.scrollIntoViewIfNeeded()
    await page.screenshot({ path: testInfo.outputPath('figures-export.png') })
    const files = readdirSync(exportDir)
    expect(files).toHaveLength(4)
    for (const file of files) {
      await expect(exported.getByRole('row').filter({ hasText: file })).toContainText(
        sha256(join(exportDir, file)),
      )
    }
    const base = files.find((f) => f.endsWith('.pdf'))!.replace(/\.pdf$/, '')
    expect(base).toMatch(/^DA-Desk-statistics-\d{4}-\d\d-01-to-\d{4}-\d\d-\d\d$/)
    const record = handoverRecordSchema.parse(
      JSON.parse(readFileSync(join(exportDir, `${base}.json`), 'utf8')),
    )
    expect(record.header.statisticsOnly).toBe(true)
    expect(record.header.scope).toBe('period')
    for (const key of COUNTS) expect(record.figures[key], key).toBe(sum[key])
    expect(record.people).toEqual([])
    expect(record.locations).toEqual([])
    expect(record.incidents.every((i) => i.summary === null && i.notes.length === 0)).toBe(true)
    const [columns, ...rows] = parseCsv(
      readFileSync(join(exportDir, `${base}.csv`), 'utf8').replace(/^\uFEFF/, ''),
    )
    expect(columns).toEqual(CSV_COLUMNS)
    expect(rows).toHaveLength(3)
    for (const personal of ['victim_name', 'victim_phone', 'address', 'postcode']) {
      const i = CSV_COLUMNS.indexOf(personal)
      expect(
        rows.map((row) => row[i]),
        personal,
      ).toEqual(['', '', ''])
    }
    const pdfText = execFileSync('pdftotext', ['-layout', join(exportDir, `${base}.pdf`), '-'], {
      encoding: 'utf8',
    })
    for (const personal of ['Alex Sample', 'Sam Example', '07700', 'Example Terrace', 'TS1 9ZZ']) {
      expect(pdfText, personal).not.toContain(personal)
    }
  } finally {
    rmSync(exportDir, { recursive: true, force: true })
  }
})

test('a period is typed as whole days; a wrong one is refused in words, and so is a folder that is not there', async ({
  page,
}) => {
  await signIn(page)
  await page.getByRole('button', { name: 'Figures' }).click()
  const view = figuresView(page)
  await expect(view).toContainText('1 shift started in the period')

  await view.getByLabel('First day').fill('31/02/2026')
  await view.getByRole('button', { name: 'Show figures' }).click()
  await expect(view.getByText('Enter a date as dd/mm/yyyy, e.g. 01/11/2026.')).toBeVisible()
  await expect(view.getByLabel('First day')).toBeFocused()

  await view.getByLabel('First day').fill('10/11/2026')
  await view.getByLabel('Last day').fill('09/11/2026')
  await view.getByRole('button', { name: 'Show figures' }).click()
  await expect(view.getByText('The last day must be on or after the first.')).toBeVisible()

  // One day: the weekly table has that one day.
  const today = formatDateTime(toIsoUtc(Date.now())).slice(0, 10)
  await view.getByLabel('First day').fill(today)
  await view.getByLabel('Last day').fill(today)
  await view.getByRole('button', { name: 'Show figures' }).click()
  await expect(view.getByRole('heading', { level: 3 }).first()).toHaveText(
    `${today} to ${today} · 1 shift started in the period`,
  )
  await expect(view.getByRole('table').locator('tbody tr')).toHaveCount(1)
  await expect(view.getByRole('table').locator('tbody tr')).toContainText(today)

  await view.getByRole('button', { name: 'Last month' }).click()
  await expect(view).toContainText('0 shifts started in the period')

  const missing = join(tmpdir(), `da-desk-e2e-no-such-folder-${Date.now()}`)
  await view.getByLabel('Save in folder').fill(missing)
  await view.getByRole('button', { name: 'Export statistics' }).click()
  await expect(view.getByRole('alert')).toContainText('Nothing was exported.')
  await expect(view.getByRole('alert')).toContainText(missing)
})

test('the Figures view shows Clare’s Law and follow-up figures in their own groups, and axe finds nothing wrong', async ({
  host,
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  dropFeedFile(host.inbox, 'batch.ndjson', sample('2026-11-21T152000Z-batch.ndjson'))
  await signIn(page)
  const today = formatDateTime(toIsoUtc(Date.now())).slice(0, 10).split('/').reverse().join('-')
  const asked = await incidentId(page, 'CL-20261121-0461')
  const told = await incidentId(page, 'CL-20261121-0463')
  const application = await deskCall<{ id: number }>(page, 'claresLaw.raise', {
    incidentId: asked,
    route: 'right-to-ask',
    raisedBy: 'victim',
    raisedOn: today,
    note: null,
  })
  for (const [status, supportAccepted, idvaPresent] of [
    ['under-review', null, null],
    ['disclosure-given', 'yes', true],
  ] as const) {
    await deskCall(page, 'claresLaw.updateStatus', {
      applicationId: application.id,
      status,
      supportAccepted,
      idvaPresent,
      note: null,
    })
  }
  await deskCall(page, 'claresLaw.raise', {
    incidentId: told,
    route: 'right-to-know',
    raisedBy: 'police',
    raisedOn: today,
    note: null,
  })
  const reached = await deskCall<{ id: number }>(page, 'followUps.schedule', {
    incidentId: asked,
    dueOn: today,
    reason: 'Asked for a call today.',
  })
  await deskCall(page, 'followUps.recordCall', {
    followUpId: reached.id,
    outcome: 'reached-supported',
    tryAgainOn: null,
    note: null,
  })
  await deskCall(page, 'followUps.schedule', {
    incidentId: told,
    dueOn: today,
    reason: 'After the disclosure decision.',
  })

  await page.getByRole('button', { name: 'Figures' }).click()
  const view = figuresView(page)
  await expect(view).toContainText('1 shift started in the period')
  for (const group of [
    'Contacts',
    'Referrals',
    'Safety and escalations',
    'Clare’s Law',
    'Follow-up calls',
  ]) {
    await expect(
      view.getByRole('heading', { level: 4, name: new RegExp(`^${group}`) }),
    ).toBeVisible()
  }
  const shown = await shownFigures(view)
  expect({
    applications: shown[FIGURE_LABELS.claresLawApplications],
    disclosures: shown[FIGURE_LABELS.claresLawDisclosures],
    withIdva: shown[FIGURE_LABELS.claresLawDisclosuresWithIdva],
    supportAccepted: shown[FIGURE_LABELS.claresLawSupportAccepted],
    supportWithIdva: shown[FIGURE_LABELS.claresLawSupportAcceptedWithIdva],
    referrals: shown[FIGURE_LABELS.claresLawReferrals],
    scheduled: shown[FIGURE_LABELS.followUpsScheduled],
    calls: shown[FIGURE_LABELS.followUpCalls],
    reached: shown[FIGURE_LABELS.followUpsReached],
    open: shown[FIGURE_LABELS.followUpsOpenAtEnd],
    overdue: shown[FIGURE_LABELS.followUpsOverdueAtEnd],
  }).toEqual({
    applications: '2',
    disclosures: '1',
    withIdva: '1',
    supportAccepted: '1',
    supportWithIdva: '1',
    referrals: '0',
    scheduled: '2',
    calls: '1',
    reached: '1',
    // Due today is not yet overdue.
    open: '1',
    overdue: '0',
  })
  await view.getByRole('heading', { level: 4, name: /^Clare’s Law/ }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: testInfo.outputPath('figures-clares-law-follow-ups.png') })

  // Week by week, chosen from its group.
  await view
    .getByLabel('Figure', { exact: true })
    .selectOption({ label: FIGURE_LABELS.claresLawDisclosures })
  const table = view.getByRole('table')
  await expect(table.locator('thead')).toContainText(FIGURE_LABELS.claresLawDisclosures)
  const column = (await table.locator('tbody tr td:nth-of-type(3)').allTextContents()).map(Number)
  expect(column.reduce((a, b) => a + b, 0)).toBe(1)

  const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`)).toEqual([])
})
