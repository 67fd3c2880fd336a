// The hand-typed incident form: its fields (named as the feed names them, so problems from the
// Node side land next to the right input) and how it becomes a feed record.
import type { Rejection } from '#shared/domain.ts'
import { formatDateTime, parseLondonDateTime } from '#shared/time.ts'

export const MANUAL_FIELDS = [
  'incidentRef',
  'receivedAt',
  'grade',
  'status',
  'source',
  'callerRole',
  'summary',
  'location.address',
  'location.postcode',
  'victim.name',
  'victim.phone',
  'victim.dateOfBirth',
  'suspect.name',
  'suspect.relationship',
] as const
export type ManualField = (typeof MANUAL_FIELDS)[number]
export type ProblemField = ManualField | 'flags'

export interface ManualForm {
  values: Record<ManualField, string>
  flags: string[]
}

export interface FormProblems {
  byField: Partial<Record<ProblemField, string>>
  /** Problems that belong to no one input. */
  general: string[]
}

export function blankForm(nowMs: number): ManualForm {
  const values = Object.fromEntries(MANUAL_FIELDS.map((field) => [field, ''])) as Record<
    ManualField,
    string
  >
  values.receivedAt = formatDateTime(new Date(nowMs).toISOString())
  values.status = 'open'
  return { values, flags: [] }
}

/** dd/MM/yyyy as YYYY-MM-DD, or null when it is not a real date. */
function parseDateOfBirth(input: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(input)
  if (!m) return null
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null
  if (date.getUTCDate() !== day || date.getTime() > Date.now()) return null
  return date.toISOString().slice(0, 10)
}

/** Builds the record to send, leaving out empty fields; or the problems found before sending. */
export function toRecord(
  form: ManualForm,
): { record: Record<string, unknown>; problems: null } | { record: null; problems: FormProblems } {
  const v = Object.fromEntries(
    Object.entries(form.values).map(([field, value]) => [field, value.trim()]),
  ) as Record<ManualField, string>
  const byField: FormProblems['byField'] = {}

  const receivedAt = parseLondonDateTime(v.receivedAt)
  if (!receivedAt) {
    byField.receivedAt = 'Enter the date and time as dd/mm/yyyy hh:mm, e.g. 21/11/2026 15:04.'
  }
  let dateOfBirth: string | null = null
  if (v['victim.dateOfBirth']) {
    dateOfBirth = parseDateOfBirth(v['victim.dateOfBirth'])
    if (!dateOfBirth) byField['victim.dateOfBirth'] = 'Enter a past date as dd/mm/yyyy.'
  }
  if (!v.summary) byField.summary = 'Enter a summary of the call.'
  if (Object.keys(byField).length > 0) return { record: null, problems: { byField, general: [] } }

  const given = (entries: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(entries).filter(([, value]) => value !== '' && value !== null),
    )
  const nested = (entries: Record<string, unknown>) => {
    const kept = given(entries)
    return Object.keys(kept).length > 0 ? kept : ''
  }

  const record = given({
    incidentRef: v.incidentRef,
    receivedAt,
    grade: v.grade === '' ? '' : Number(v.grade),
    status: v.status,
    source: v.source,
    summary: v.summary,
    location: nested({ address: v['location.address'], postcode: v['location.postcode'] }),
    callerRole: v.callerRole,
    victim: nested({ name: v['victim.name'], phone: v['victim.phone'], dateOfBirth }),
    suspect: nested({ name: v['suspect.name'], relationship: v['suspect.relationship'] }),
    flags: form.flags.length > 0 ? form.flags : '',
  })
  return { record, problems: null }
}

/** "required" → "Required." — the Node side's reasons read as sentences next to a field. */
function sentence(reason: string): string {
  const text = reason.trim()
  if (!text) return 'Not accepted.'
  const capital = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}

/** Puts each problem from the Node side next to its input ("victim.phone", "flags[2]", ...). */
export function placeIssues(issues: readonly Rejection[]): FormProblems {
  const fields: readonly ProblemField[] = [...MANUAL_FIELDS, 'flags']
  const byField: FormProblems['byField'] = {}
  const general: string[] = []
  for (const issue of issues) {
    const path = issue.field.replace(/^record\./, '')
    const field = fields.find(
      (name) => path === name || path.startsWith(`${name}.`) || path.startsWith(`${name}[`),
    )
    const reason = sentence(issue.reason)
    if (field) byField[field] = byField[field] ? `${byField[field]} ${reason}` : reason
    else general.push(issue.field ? `${issue.field}: ${reason}` : reason)
  }
  return { byField, general }
}
