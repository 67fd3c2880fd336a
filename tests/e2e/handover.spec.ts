// The end of a shift as a worker lives it, in the Chromium host (real page, real handlers, real
// SQLite, real files): a shift worked by hand, handed over to a folder, the files read back (the
// PDF's pages rendered to PNG, the CSV and JSON parsed), then the next worker's queue and the
// Figures view. Also a second worker joining the open shift, a hand over that cannot be written,
// the C&C log update, and axe on every new screen in both themes.
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import {
  handoverRecordSchema,
  type ExportManifest,
  type HandoverRecord,
} from '../../shared/handover.ts'
import { formatDateTime } from '../../shared/time.ts'
import { dropFeedFile } from '../../electron/demo/syntheticIncidents.ts'
import { expect, signIn, test } from './fixtures.ts'
import {
  CSV_COLUMNS,
  deskCall,
  expectFiguresShown,
  logCall,
  openIncident,
  parseCsv,
  queueRow,
  sample,
  sha256,
  shownFigures,
} from './shiftSteps.ts'

const REF = 'CL-20261121-0457'
const OTHER_REF = 'CL-20261121-0463'
const ACTION = 'Ring back about the refuge place.'

const scriptPane = (page: Page) => page.getByRole('region', { name: 'Safe contact call' })
const notesPane = (page: Page) => page.getByRole('region', { name: 'Rapport notes' })
const topBar = (page: Page) => page.getByRole('region', { name: 'You and your shift' })

async function answer(pane: Locator, question: string | RegExp, value: string) {
  const group = pane.getByRole('group', { name: question })
  await group.getByRole('button', { name: value, exact: true }).click()
  await expect(group.getByRole('button', { name: value, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
}

async function next(page: Page, title: string) {
  await scriptPane(page)
    .getByRole('button', { name: `Next: ${title}` })
    .click()
  await expect(scriptPane(page).getByRole('heading', { level: 4 })).toContainText(title)
}

/** The script as far as the outcome: safe, consent, DASH at high risk, MARAC and housing
 * referrals with consent, and moved to safety. */
async function workTheScript(page: Page) {
  const pane = scriptPane(page)
  await answer(pane, 'Am I speaking to the person named on the incident?', 'Yes')
  await answer(pane, 'Is it safe for you to talk to me right now?', 'Yes')
  await answer(pane, 'Is the person who hurt you there with you, or nearby?', 'No')
  await next(page, 'Introduction and consent')
  await answer(pane, 'Do you agree to me keeping a record of what we talk about?', 'Yes')
  await answer(pane, /^Do you agree to me sharing/, 'Yes')
  await next(page, 'Safety right now')
  await next(page, 'Risk checklist (DASH)')
  const risk = pane.getByRole('region', { name: 'Risk' })
  const dash = pane.getByRole('group', { name: /^\d+\. / })
  for (let i = 0; i < 14; i++) {
    await dash.nth(i).getByRole('button', { name: 'Yes', exact: true }).click()
    await expect(risk).toContainText(`${i + 1} yes of 24`)
  }
  await expect(risk).toContainText('Risk: High')
  await next(page, 'Safety planning')
  await next(page, 'Referrals')
  for (const service of ['MARAC', 'Housing']) {
    await pane.getByRole('button', { name: `Record decision: ${service}` }).click()
    const dialog = page.getByRole('dialog', { name: `Referral: ${service}` })
    await dialog.getByRole('radio', { name: 'Referred, with consent' }).check()
    await dialog.getByRole('button', { name: 'Record' }).click()
    await expect(dialog).toBeHidden()
  }
  await next(page, 'Close the call')
  await pane.getByRole('checkbox', { name: 'Moved to safety' }).check()
  await pane.getByRole('button', { name: 'Record outcome' }).click()
  await expect(pane.getByRole('list', { name: 'Outcomes recorded' })).toContainText(
    'Moved to safety',
  )
}

async function fileActionNote(page: Page, text: string) {
  const notes = notesPane(page)
  await notes.getByRole('textbox', { name: 'New note' }).fill(text)
  await notes.getByRole('button', { name: 'Action', pressed: false }).click()
  await notes
    .getByRole('radiogroup', { name: 'Action owner' })
    .getByRole('radio', { name: 'Next shift' })
    .check()
  await notes.getByRole('button', { name: /^File note/ }).click()
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(timeline.getByRole('listitem').filter({ hasText: text }).first()).toContainText(
    'Outstanding — Next shift',
  )
}

/** Escalates through the Escalate button, records the controller's acknowledgement and the
 * upgrade. */
async function escalate(page: Page, ref: string) {
  const incident = page.getByRole('region', { name: 'Incident' })
  await incident.getByRole('button', { name: 'Escalate', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Escalate ${ref}` })
  await dialog.getByRole('checkbox', { name: 'Threats to kill' }).check()
  await dialog.getByRole('radio', { name: 'G1 Immediate' }).check()
  await dialog
    .getByRole('textbox', { name: /What you learned/ })
    .fill('Victim says he threatened to kill her tonight.')
  await dialog.getByRole('button', { name: 'Raise escalation' }).click()
  await expect(dialog).toBeHidden()
  const panel = incident.getByRole('region', { name: /^Escalat/ })
  await panel.getByRole('textbox', { name: 'Controller’s name or collar number' }).fill('PC 4521')
  await panel.getByRole('button', { name: 'Record acknowledgement' }).click()
  await expect(panel).toContainText('By PC 4521')
  await panel.getByRole('button', { name: 'Record outcome…' }).click()
  const outcome = page.getByRole('dialog', { name: /Record the outcome/ })
  await outcome.getByRole('radio', { name: 'Upgraded', exact: true }).check()
  await outcome.getByRole('radio', { name: 'G1 Immediate' }).check()
  await outcome.getByRole('button', { name: 'Record outcome' }).click()
  await expect(outcome).toBeHidden()
}

async function useLightTheme(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('radio', { name: 'Light' }).check()
  await settings.getByRole('button', { name: 'Close' }).click()
  await expect(settings).toBeHidden()
}

test('a worked shift is handed over: its files are right and hashed, the next worker sees the outstanding action, and the figures agree', async ({
  host,
  page,
}, testInfo) => {
  test.setTimeout(240_000)
  const exportDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-handover-'))
  try {
    await expect(page.getByText('No shift is open: signing in starts a new one.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sign in and start a shift' })).toBeVisible()
    await signIn(page)
    await expect(topBar(page)).toContainText(/Shift from \d\d:\d\d · \d+ min/)
    await page.screenshot({ path: testInfo.outputPath('handover-top-bar.png') })

    // The record's header comes from Settings.
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByLabel('Service name').fill('Harbour Support Services')
    await settings.getByLabel('Police force').fill('Cleveland Police')
    await expect(settings.getByLabel('Protective marking')).toHaveValue('OFFICIAL-SENSITIVE')
    await settings.getByRole('button', { name: 'Save handover settings' }).click()
    await expect(page.getByText('Handover settings saved.')).toBeVisible()
    await settings.getByRole('button', { name: 'Close' }).click()

    // The shift's work: one victim reached and referred, another not answering.
    dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
    dropFeedFile(host.inbox, 'batch.ndjson', sample('2026-11-21T152000Z-batch.ndjson'))
    await openIncident(page, REF, 'Alex Sample')
    await logCall(page, 'Spoke to victim')
    await workTheScript(page)
    await fileActionNote(page, ACTION)
    await escalate(page, REF)
    await openIncident(page, OTHER_REF, 'Sam Example')
    await logCall(page, 'No answer')
    await expect(queueRow(page, REF)).toContainText('1 action outstanding')

    // Hand over: the preview first.
    await page.getByRole('button', { name: 'Hand over', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Hand over and end the shift' })
    await expect(dialog.getByText('Marked OFFICIAL-SENSITIVE')).toBeVisible()
    await expect(dialog).toContainText(
      'Service: Harbour Support Services · Force: Cleveland Police',
    )
    await expect(dialog).toContainText('On shift: Jo Example (Harbour Support Services)')
    const touched = dialog.getByRole('region', { name: 'Incidents touched (2)' })
    const row = touched.getByRole('row').filter({ hasText: REF })
    await expect(row).toContainText('G2')
    await expect(row).toContainText('1 attempt; spoke to victim')
    await expect(row).toContainText('High')
    await expect(row).toContainText('MARAC, Housing')
    await expect(row).toContainText('1 escalation')
    await expect(row).toContainText('1 outstanding')
    await expect(touched.getByRole('row').filter({ hasText: OTHER_REF })).toContainText('1 attempt')
    await expect(dialog.getByRole('region', { name: 'Outstanding actions (1)' })).toContainText(
      `Next shift · ${REF}: ${ACTION}`,
    )
    await expect(dialog.getByRole('checkbox', { name: /^PDF/ })).toBeChecked()
    await expect(dialog.getByRole('checkbox', { name: /^CSV/ })).toBeChecked()
    await expect(dialog.getByRole('checkbox', { name: /^JSON/ })).toBeChecked()
    await expect(dialog.getByRole('checkbox', { name: /^Statistics only/ })).not.toBeChecked()
    await expect(dialog.getByText('Handing over ends this shift')).toBeVisible()
    const previewFigures = await shownFigures(
      dialog.getByRole('region', { name: 'This shift’s figures' }),
    )
    await page.screenshot({ path: testInfo.outputPath('handover-dialog.png') })

    await dialog.getByLabel('Save in folder').fill(exportDir)
    await dialog.getByRole('button', { name: 'Hand over and end shift' }).click()

    // Back at sign-in, with where each file went and its hash.
    const result = page.getByRole('region', { name: 'Shift handed over' })
    await expect(result).toContainText('2 incidents are marked handed over.')
    await expect(result).toContainText(`Saved in ${exportDir}`)
    await expect(page.getByText('No shift is open: signing in starts a new one.')).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('handover-result.png') })

    const files = readdirSync(exportDir).sort()
    const base = files.find((f) => f.endsWith('.pdf'))!.replace(/\.pdf$/, '')
    expect(base).toMatch(/^DA-Desk-handover-shift-1-\d{4}-\d\d-\d\d$/)
    expect(files).toEqual([`${base}.csv`, `${base}.json`, `${base}.manifest.json`, `${base}.pdf`])
    const manifest = JSON.parse(
      readFileSync(join(exportDir, `${base}.manifest.json`), 'utf8'),
    ) as ExportManifest
    expect(manifest.files.map((f) => f.name).sort()).toEqual([
      `${base}.csv`,
      `${base}.json`,
      `${base}.pdf`,
    ])
    for (const file of manifest.files) {
      expect(sha256(join(exportDir, file.name)), file.name).toBe(file.sha256)
      await expect(result.getByRole('row').filter({ hasText: file.name })).toContainText(
        file.sha256,
      )
    }
    await expect(
      result.getByRole('row').filter({ hasText: `${base}.manifest.json` }),
    ).toContainText(sha256(join(exportDir, `${base}.manifest.json`)))

    // JSON: the published schema, and what the shift did.
    const record: HandoverRecord = handoverRecordSchema.parse(
      JSON.parse(readFileSync(join(exportDir, `${base}.json`), 'utf8')),
    )
    expect(record.header).toMatchObject({
      service: 'Harbour Support Services',
      force: 'Cleveland Police',
      scope: 'shift',
      shiftId: 1,
      workers: ['Jo Example (Harbour Support Services)'],
      exportedBy: 'Jo Example (Harbour Support Services)',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      statisticsOnly: false,
    })
    expect(record.figures).toMatchObject({
      incidentsReviewed: 2,
      victimsContacted: 1,
      contactAttempts: 2,
      highRiskVictims: 1,
      maracReferrals: 1,
      daServiceReferrals: 0,
      otherServiceReferrals: 1,
      movedToSafety: 1,
      claresLawApplications: 0,
      escalationsRaised: 1,
      escalationsAcknowledged: 1,
      escalationsUpgraded: 1,
      firstContacts: 1,
    })
    expectFiguresShown(previewFigures, record.figures)
    const incident = record.incidents.find((i) => i.incidentRef === REF)!
    expect(incident.risk.level).toBe('high')
    expect(incident.referrals.map((r) => [r.service, r.decision])).toEqual([
      ['marac', 'consented'],
      ['housing', 'consented'],
    ])
    expect(incident.escalations[0]!.acknowledgement?.controller).toBe('PC 4521')
    expect(incident.escalations[0]!.outcome?.outcome).toBe('upgraded')
    expect(incident.notes.find((n) => n.text === ACTION)?.actionOwner).toBe('next-shift')
    expect(record.outstandingActions).toMatchObject([
      { incidentRef: REF, owner: 'next-shift', text: ACTION },
    ])
    expect(record.people.find((p) => p.id === incident.victimId)?.name).toBe('Alex Sample')

    // CSV: Excel's BOM and CRLF, the documented columns, one row per incident.
    const csvBytes = readFileSync(join(exportDir, `${base}.csv`))
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csvText = csvBytes.subarray(3).toString('utf8')
    expect(csvText.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const [columns, ...rows] = parseCsv(csvText)
    expect(columns).toEqual(CSV_COLUMNS)
    expect(rows.map((r) => r[0]).sort()).toEqual([REF, OTHER_REF])
    const cells = Object.fromEntries(
      CSV_COLUMNS.map((column, i) => [column, rows.find((r) => r[0] === REF)![i]]),
    )
    expect(cells).toMatchObject({
      received_at: '21/11/2026 15:04',
      first_grade: '2',
      grade: '2',
      contact_attempts: '1',
      spoke_to_victim: 'yes',
      moved_to_safety: 'yes',
      risk_level: 'high',
      dash_yes: '14',
      marac_referral: 'yes',
      other_service_referral: 'yes',
      escalations: '1',
      escalations_acknowledged: '1',
      escalations_upgraded: '1',
      outstanding_actions: '1',
      outstanding_action_owners: 'next-shift',
      protective_marking: 'OFFICIAL-SENSITIVE',
      victim_name: 'Alex Sample',
      victim_phone: '07700 900123',
      postcode: 'TS1 9ZZ',
    })

    // PDF: every page marked top and bottom and numbered; rendered to PNG to look at.
    const pdf = join(exportDir, `${base}.pdf`)
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((text) => text.trim() !== '')
    expect(pages.length).toBeGreaterThan(0)
    pages.forEach((text, i) => {
      expect(
        text.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0,
        `page ${i + 1}`,
      ).toBeGreaterThanOrEqual(2)
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`)
    })
    expect(pages.join('\n')).toContain(REF)
    expect(pages.join('\n')).toContain(ACTION)
    const pngDir = testInfo.outputPath('handover-pdf')
    mkdirSync(pngDir, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(pngDir, 'page')])
    execFileSync('pdftoppm', [
      '-png',
      '-gray',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      join(pngDir, 'grey'),
    ])
    expect(readdirSync(pngDir).filter((f) => f.startsWith('page-'))).toHaveLength(pages.length)

    // The next worker: a new shift, the action still on the queue, marked handed over.
    await result.getByRole('button', { name: 'Close this summary' }).click()
    await expect(result).toBeHidden()
    await signIn(page, 'Sam Other')
    await expect(topBar(page)).not.toContainText('with')
    const handedOver = `Handed over ${formatDateTime(manifest.exportedAt).slice(0, 5)} ${formatDateTime(manifest.exportedAt).slice(11)}`
    await expect(queueRow(page, REF)).toContainText('1 action outstanding')
    await expect(queueRow(page, REF)).toContainText(handedOver)
    await expect(queueRow(page, REF)).not.toContainText('Changed since handover')
    await page.getByRole('button', { name: 'Only outstanding actions (1)' }).click()
    await expect(
      page.getByRole('listbox', { name: 'Incident queue' }).getByRole('option'),
    ).toHaveCount(1)
    await page.screenshot({ path: testInfo.outputPath('handover-queue-marks.png') })

    // The Figures view for this month shows the handed-over shift's numbers (the new shift has
    // done nothing yet).
    await page.getByRole('button', { name: 'Figures' }).click()
    const figuresView = page.getByRole('dialog', { name: 'Figures' })
    await expect(figuresView).toContainText('2 shifts started in the period')
    expectFiguresShown(await shownFigures(figuresView), record.figures)
    await figuresView.getByRole('button', { name: 'Close figures' }).click()

    // Work on it after the hand over shows; marking the action done takes it off the list.
    await openIncident(page, REF, 'Alex Sample')
    const header = page.getByRole('region', { name: 'Incident' }).locator('header').first()
    await expect(header).toContainText(handedOver)
    await expect(header).toContainText('1 action outstanding')
    await page.screenshot({ path: testInfo.outputPath('handover-incident-marks.png') })
    const action = page
      .getByRole('region', { name: 'Timeline' })
      .getByRole('listitem')
      .filter({ hasText: ACTION })
      .first()
    await action.getByRole('button', { name: /^Mark done/ }).click()
    await expect(queueRow(page, REF)).toHaveCount(0)
    await expect(page.getByText('No incidents with outstanding actions.')).toBeVisible()
    await page.getByRole('button', { name: 'Only outstanding actions (0)' }).click()
    await expect(queueRow(page, REF)).toContainText('Changed since handover')
    await expect(header).toContainText('Changed since handover')
    await expect(header).not.toContainText('outstanding')
  } finally {
    rmSync(exportDir, { recursive: true, force: true })
  }
})

test('a second worker joins the shift that is open, and sees who started it and when', async ({
  page,
}) => {
  await signIn(page)
  const shift = await deskCall<{ startedAt: string }>(page, 'shift.current', {})
  await page.getByRole('button', { name: 'Sign out' }).click()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  await expect(
    page.getByText(
      `A shift is open: started ${formatDateTime(shift.startedAt)} by Jo Example (Harbour Support Services). Signing in joins it.`,
    ),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in and join the shift' })).toBeVisible()
  await signIn(page, 'Sam Other')
  await expect(topBar(page)).toContainText(
    `Shift from ${formatDateTime(shift.startedAt).slice(11)}`,
  )
  await expect(topBar(page)).toContainText('with Jo Example')
})

test('an incident the police have closed stays on the queue while an action on it is outstanding, and Hand over is reached by keyboard', async ({
  host,
  page,
}) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  await openIncident(page, REF, 'Alex Sample')
  await fileActionNote(page, ACTION)
  const closed = JSON.parse(sample('2026-11-21T150412Z-CL-0457.json')) as Record<string, unknown>
  dropFeedFile(
    host.inbox,
    'closed.json',
    JSON.stringify({ ...closed, status: 'closed', updatedAt: '2026-11-21T18:00:00Z' }),
  )
  await expect(queueRow(page, REF)).toContainText('Closed')
  await expect(queueRow(page, REF)).toContainText('1 action outstanding')

  await page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('listitem')
    .filter({ hasText: ACTION })
    .first()
    .getByRole('button', { name: /^Mark done/ })
    .click()
  await expect(queueRow(page, REF)).toHaveCount(0)

  // From the top of the page, Tab reaches Hand over; Enter opens it and Esc closes it.
  await page.locator('body').focus()
  const handOver = page.getByRole('button', { name: 'Hand over', exact: true })
  for (let i = 0; i < 40 && !(await handOver.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab')
  }
  await expect(handOver).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Hand over and end the shift' })
  await expect(dialog.getByRole('region', { name: 'Incidents touched (1)' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(topBar(page)).toContainText('Shift from')
})

test('a hand over that cannot be written says why in words and ends nothing', async ({
  host,
  page,
}) => {
  const parent = mkdtempSync(join(tmpdir(), 'da-desk-e2e-refused-'))
  try {
    await signIn(page)
    dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
    await openIncident(page, REF, 'Alex Sample')
    await logCall(page, 'No answer')

    await page.getByRole('button', { name: 'Hand over', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Hand over and end the shift' })
    await expect(dialog.getByRole('region', { name: 'Incidents touched (1)' })).toBeVisible()

    // Checked on the page first: a format and a folder.
    for (const format of [/^PDF/, /^CSV/, /^JSON/]) {
      await dialog.getByRole('checkbox', { name: format }).uncheck()
    }
    await dialog.getByRole('button', { name: 'Hand over and end shift' }).click()
    await expect(dialog.getByText('Choose at least one format.')).toBeVisible()
    await dialog.getByRole('checkbox', { name: /^JSON/ }).check()

    // A folder that is not there, then a file where the folder should be.
    const missing = join(parent, 'gone')
    await dialog.getByLabel('Save in folder').fill(missing)
    await dialog.getByRole('button', { name: 'Hand over and end shift' }).click()
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Not handed over' })
    await expect(refusal).toContainText('still open')
    await expect(refusal).toContainText(missing)
    const file = join(parent, 'not-a-folder.txt')
    writeFileSync(file, 'x')
    await dialog.getByLabel('Save in folder').fill(file)
    await dialog.getByRole('button', { name: 'Hand over and end shift' }).click()
    await expect(refusal).toContainText(file)
    await expect(dialog.getByRole('button', { name: 'Hand over and end shift' })).toBeEnabled()

    await dialog.getByRole('button', { name: 'Cancel — keep the shift open' }).click()
    await expect(dialog).toBeHidden()
    expect(existsSync(missing)).toBe(false)
    expect(readdirSync(parent)).toEqual(['not-a-folder.txt'])
    // Still signed in, on the same open shift, the incident not marked.
    await expect(topBar(page)).toContainText('Shift from')
    expect(await deskCall(page, 'shift.current', {})).toMatchObject({ id: 1, endedAt: null })
    await expect(queueRow(page, REF)).not.toContainText('Handed over')
  } finally {
    rmSync(parent, { recursive: true, force: true })
  }
})

test('the C&C log update is copied with one click and shown to select by hand', async ({
  host,
  page,
}, testInfo) => {
  await signIn(page)
  dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
  await openIncident(page, REF, 'Alex Sample')
  await logCall(page, 'Spoke to victim')
  await page.getByRole('button', { name: 'C&C log update' }).click()
  const dialog = page.getByRole('dialog', { name: `C&C log update — ${REF}` })
  await expect(dialog.getByRole('status')).toHaveText(/^Copied\./)
  const text = dialog.getByRole('textbox', { name: 'Text for the incident log' })
  await expect(text).toHaveValue(new RegExp(`^DA SUPPORT UPDATE - ${REF} - `))
  await expect(text).toHaveValue(/Contact: 1 attempt\(s\)\. Spoke to the victim/)
  const copied = await text.inputValue()
  expect(copied).not.toContain('07700 900123')
  await page.screenshot({ path: testInfo.outputPath('handover-cc-log.png') })
  await dialog.getByRole('button', { name: 'Close' }).click()

  // What was copied is what was shown: paste it into the note box.
  const box = notesPane(page).getByRole('textbox', { name: 'New note' })
  await box.focus()
  await page.keyboard.press('Control+V')
  await expect(box).toHaveValue(copied)
  await box.fill('')
})

async function axeOf(page: Page, include: string, label: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze()
  expect(results.violations, label).toEqual([])
}

for (const theme of ['dark', 'light'] as const) {
  test(`axe finds no accessibility violations on the new shift and handover screens, ${theme} theme`, async ({
    host,
    page,
  }, testInfo) => {
    test.setTimeout(240_000)
    const exportDir = mkdtempSync(join(tmpdir(), 'da-desk-e2e-axe-'))
    try {
      dropFeedFile(host.inbox, 'one.json', sample('2026-11-21T150412Z-CL-0457.json'))
      await signIn(page)
      if (theme === 'light') await useLightTheme(page)
      await openIncident(page, REF, 'Alex Sample')
      await fileActionNote(page, ACTION)
      await expect(queueRow(page, REF)).toContainText('1 action outstanding')
      await axeOf(page, 'header', `top bar, ${theme}`)
      await axeOf(page, 'main', `queue and incident with an outstanding action, ${theme}`)

      await page.getByRole('button', { name: 'C&C log update' }).click()
      await expect(page.getByRole('dialog').getByRole('status')).toBeVisible()
      await axeOf(page, '[role="dialog"]', `C&C log update, ${theme}`)
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

      await page.getByRole('button', { name: 'Settings' }).click()
      await expect(page.getByRole('button', { name: 'Save handover settings' })).toBeVisible()
      await axeOf(page, '[role="dialog"]', `settings, ${theme}`)
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

      await page.getByRole('button', { name: 'Figures' }).click()
      const figures = page.getByRole('dialog', { name: 'Figures' })
      await expect(figures.getByRole('table')).toBeVisible()
      await axeOf(page, '[role="dialog"]', `figures, ${theme}`)
      await page.screenshot({ path: testInfo.outputPath(`handover-figures-${theme}.png`) })
      await figures.getByRole('button', { name: 'Close figures' }).click()

      await page.getByRole('button', { name: 'Hand over', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'Hand over and end the shift' })
      await expect(dialog.getByRole('region', { name: 'Incidents touched (1)' })).toBeVisible()
      await axeOf(page, '[role="dialog"]', `hand over, ${theme}`)
      await page.screenshot({ path: testInfo.outputPath(`handover-dialog-${theme}.png`) })
      await dialog.getByLabel('Save in folder').fill(exportDir)
      await dialog.getByRole('button', { name: 'Hand over and end shift' }).click()
      const result = page.getByRole('region', { name: 'Shift handed over' })
      await expect(result).toBeVisible()
      await axeOf(page, 'main', `hand over result and sign-in, ${theme}`)
      await page.screenshot({ path: testInfo.outputPath(`handover-result-${theme}.png`) })

      // The next shift: the sign-in screen naming the open shift, and the queue's marks.
      await result.getByRole('button', { name: 'Close this summary' }).click()
      await signIn(page, 'Sam Other')
      await page.getByRole('button', { name: 'Sign out' }).click()
      await expect(page.getByRole('button', { name: 'Sign in and join the shift' })).toBeVisible()
      await axeOf(page, 'main', `sign-in with a shift open, ${theme}`)
      await page.screenshot({ path: testInfo.outputPath(`handover-sign-in-${theme}.png`) })
      await signIn(page, 'Sam Other')
      await openIncident(page, REF, 'Alex Sample')
      await expect(queueRow(page, REF)).toContainText('Handed over')
      await axeOf(page, 'main', `queue and incident marked handed over, ${theme}`)
      await page.screenshot({ path: testInfo.outputPath(`handover-desk-${theme}.png`) })
    } finally {
      rmSync(exportDir, { recursive: true, force: true })
    }
  })
}
