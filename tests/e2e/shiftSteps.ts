// Steps and checks the shift and handover end-to-end specs share: calls straight to the Node side,
// opening incidents and logging calls by hand, reading the figures a screen shows, and reading
// the exported CSV back.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { FIGURE_LABELS, formatMinutes, type ShiftFigures } from '../../shared/handover.ts'
import { expect } from './fixtures.ts'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/feed')
export const sample = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8')

/** The CSV's documented columns (docs/handover.md), in order. */
export const CSV_COLUMNS = [
  'incident_ref',
  'received_at',
  'source',
  'first_grade',
  'grade',
  'regrades',
  'police_status',
  'flags',
  'first_touched_at',
  'last_touched_at',
  'progress',
  'contact_attempts',
  'spoke_to_victim',
  'first_contact_at',
  'minutes_to_first_contact',
  'outcomes',
  'moved_to_safety',
  'risk_level',
  'dash_yes',
  'dash_answered',
  'high_risk_by_judgement',
  'marac_referral',
  'da_service_referral',
  'other_service_referral',
  'clares_law_application',
  'referrals',
  'escalations',
  'escalations_acknowledged',
  'escalations_upgraded',
  'first_escalation_at',
  'minutes_to_first_escalation',
  'outstanding_actions',
  'outstanding_action_owners',
  'previously_handed_over_at',
  'protective_marking',
  'victim_name',
  'victim_phone',
  'address',
  'postcode',
  'clares_law_applications',
  'clares_law_statuses',
  'clares_law_disclosure',
  'clares_law_idva_present',
  'clares_law_support_accepted',
  'follow_ups',
  'follow_up_status',
  'follow_up_due_on',
  'follow_up_calls',
  'follow_up_reached',
  'support_car_tasked',
  'support_car_visits',
  'engaged_at_visit',
  'moved_to_safety_at_visit',
  'disclosure_at_visit',
]

export const queueRow = (page: Page, ref: string) =>
  page
    .getByRole('listbox', { name: 'Incident queue' })
    .getByRole('option', { name: new RegExp(`^${ref}`) })
export async function openIncident(page: Page, ref: string, victim: string) {
  await queueRow(page, ref).click()
  await expect(page.getByRole('region', { name: 'Incident' })).toContainText(victim)
}

export async function logCall(page: Page, result: string) {
  await page.getByRole('button', { name: 'Call victim' }).click()
  const dialog = page.getByRole('dialog', { name: 'Call victim' })
  await dialog
    .getByRole('radiogroup', { name: 'Result' })
    .getByRole('radio', { name: result })
    .check()
  await dialog.getByRole('button', { name: 'Log call' }).click()
  await expect(dialog).toBeHidden()
}

/** A call straight to the Node side, for work a spec needs done but is not about. */
export async function deskCall<T>(page: Page, name: string, request: unknown): Promise<T> {
  const result = await page.evaluate(
    ([n, r]) =>
      (
        window as unknown as {
          daDesk: { call(n: string, r: unknown): Promise<{ ok: boolean; value: unknown }> }
        }
      ).daDesk.call(n, r),
    [name, request] as const,
  )
  expect(result.ok, `${name}: ${JSON.stringify(result)}`).toBe(true)
  return result.value as T
}

/** The figures a grid on screen shows, by label. */
export async function shownFigures(scope: Locator): Promise<Record<string, string>> {
  const figures: Record<string, string> = {}
  for (const dl of await scope.locator('dl').all()) {
    Object.assign(
      figures,
      await dl.evaluate((list) =>
        Object.fromEntries(
          [...list.querySelectorAll('dt')].map((dt) => [
            dt.textContent,
            dt.nextElementSibling?.textContent ?? '',
          ]),
        ),
      ),
    )
  }
  return figures
}

/** What the grid must show for the figures: counts as numbers, medians as the PDF gives them. */
export function expectFiguresShown(shown: Record<string, string>, figures: ShiftFigures) {
  for (const [key, label] of Object.entries(FIGURE_LABELS) as [keyof ShiftFigures, string][]) {
    const value = figures[key]
    if (value === null) expect(shown[label], label).toBe('none')
    else if (key.startsWith('median')) expect(shown[label], label).toBe(formatMinutes(value))
    else expect(shown[label], label).toBe(value.toLocaleString('en-GB'))
  }
}

/** RFC 4180, as the CSV is written: quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

export const sha256 = (path: string) =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

/** The id of the incident with this reference. */
export async function incidentId(page: Page, ref: string): Promise<number> {
  const rows = await deskCall<{ id: number; incidentRef: string }[]>(page, 'incidents.list', {})
  return rows.find((row) => row.incidentRef === ref)!.id
}
