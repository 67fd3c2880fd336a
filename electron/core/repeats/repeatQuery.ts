// What the repeat-call rules and the incident's previous incidents compare one incident by: its
// address and victim, and the twelve months before its own call (counted back from the call,
// not from now: a third call-out stays one).
import type { IncidentFields } from '#shared/domain.ts'
import { REPEAT_WINDOW_DAYS } from '#shared/escalationRules.ts'
import type { RepeatQuery } from '../db/escalationQueries.ts'

const REPEAT_WINDOW_MS = REPEAT_WINDOW_DAYS * 24 * 60 * 60_000

export function repeatQuery(id: number, fields: IncidentFields): RepeatQuery {
  return {
    id,
    receivedAt: fields.receivedAt,
    from: new Date(Date.parse(fields.receivedAt) - REPEAT_WINDOW_MS).toISOString(),
    address: fields.location.address,
    postcode: fields.location.postcode,
    victimPhone: fields.victim.phone,
    victimName: fields.victim.name,
    victimDob: fields.victim.dateOfBirth,
  }
}
