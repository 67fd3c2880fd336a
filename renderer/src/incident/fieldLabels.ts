// Words for the feed's coded values and field names, as the worker reads them.
import type { CallerRole, PoliceStatus, Source } from '#shared/domain.ts'

export const POLICE_STATUS_LABELS: Record<PoliceStatus, string> = {
  open: 'Open',
  assigned: 'Assigned',
  attended: 'Attended',
  closed: 'Closed',
}

export const SOURCE_LABELS: Record<Source, string> = {
  '999': '999 call',
  '101': '101 call',
  online: 'Online report',
  other: 'Other',
}

export const CALLER_ROLE_LABELS: Record<CallerRole, string> = {
  victim: 'Victim',
  'third-party': 'Third party',
  child: 'Child',
  other: 'Other',
}

/** Dotted feed field names, for history entries and form problems. */
export const FIELD_LABELS: Record<string, string> = {
  incidentRef: 'Reference',
  receivedAt: 'Received',
  updatedAt: 'Updated',
  grade: 'Grade',
  status: 'Police status',
  source: 'Source',
  summary: 'Summary',
  'location.address': 'Address',
  'location.postcode': 'Postcode',
  callerRole: 'Caller',
  'victim.name': 'Victim name',
  'victim.phone': 'Victim phone',
  'victim.dateOfBirth': 'Victim date of birth',
  'suspect.name': 'Suspect name',
  'suspect.relationship': 'Suspect relationship',
  flags: 'Risk flags',
}

/** A label from a table of known codes, or the value as it came when the code is unknown. */
export function labelFor<K extends string>(labels: Record<K, string>, value: string): string {
  return Object.prototype.hasOwnProperty.call(labels, value) ? labels[value as K] : value
}
