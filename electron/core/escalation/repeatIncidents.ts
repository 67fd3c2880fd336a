// Counting earlier incidents at the same address or for the same victim, for the repeat-call rules
// (a third call-out in twelve months). Addresses and victims are typed by different call handlers,
// so they are compared loosely: case and spaces do not matter, phone numbers by their digits.
import { REPEAT_WINDOW_DAYS } from '#shared/escalationRules.ts'
import type { RepeatCandidate } from '../db/escalationQueries.ts'

export interface RepeatCounts {
  earlierAtAddress: number
  earlierForVictim: number
}

const WINDOW_MS = REPEAT_WINDOW_DAYS * 24 * 60 * 60_000

/** Text compared ignoring case and every kind of space; null when nothing is left. */
const loose = (text: string | null) => text?.replace(/\s+/g, '').toLowerCase() || null

/**
 * A phone number's digits, a leading +44 read as the 0 a UK number is usually typed with. Too
 * few digits to be a number (e.g. "n/a 1") match nothing.
 */
function phoneDigits(phone: string | null): string | null {
  const digits = phone?.replace(/\D/g, '') ?? ''
  const national = digits.startsWith('44') && digits.length === 12 ? `0${digits.slice(2)}` : digits
  return national.length >= 6 ? national : null
}

interface Keys {
  id: number
  receivedMs: number
  address: string | null
  postcode: string | null
  phone: string | null
  nameAndDob: string | null
}

function keysOf(c: RepeatCandidate): Keys {
  const name = loose(c.victimName)
  const dob = c.victimDob?.trim() || null
  return {
    id: c.id,
    receivedMs: Date.parse(c.receivedAt),
    address: loose(c.address),
    postcode: loose(c.postcode),
    phone: phoneDigits(c.victimPhone),
    nameAndDob: name && dob ? `${name}|${dob}` : null,
  }
}

/** The same home: the same address, and the same postcode wherever both have one. */
const sameAddress = (a: Keys, b: Keys) =>
  a.address !== null &&
  a.address === b.address &&
  (a.postcode === null || b.postcode === null || a.postcode === b.postcode)

const sameVictim = (a: Keys, b: Keys) =>
  (a.phone !== null && a.phone === b.phone) ||
  (a.nameAndDob !== null && a.nameAndDob === b.nameAndDob)

/** Whether `earlier`'s call came in within the window before `target`'s. */
const inWindow = (target: Keys, earlier: Keys) =>
  earlier.id !== target.id &&
  earlier.receivedMs < target.receivedMs &&
  earlier.receivedMs >= target.receivedMs - WINDOW_MS

function count(target: Keys, others: readonly Keys[]): RepeatCounts {
  let earlierAtAddress = 0
  let earlierForVictim = 0
  for (const other of others) {
    if (!inWindow(target, other)) continue
    if (sameAddress(target, other)) earlierAtAddress++
    if (sameVictim(target, other)) earlierForVictim++
  }
  return { earlierAtAddress, earlierForVictim }
}

/** The window of calls that can count for an incident received at `receivedAt`, as ISO UTC. */
export function repeatWindow(receivedAt: string): { from: string; to: string } {
  const received = Date.parse(receivedAt)
  return { from: new Date(received - WINDOW_MS).toISOString(), to: receivedAt }
}

/** The counts for one incident, given the incidents received in its window. */
export function repeatCounts(
  incident: RepeatCandidate,
  candidates: readonly RepeatCandidate[],
): RepeatCounts {
  return count(keysOf(incident), candidates.map(keysOf))
}

/**
 * The counts for every incident at once (the CLI's export): incidents are grouped by what they
 * could match on, so each is compared only with its own address's and victim's incidents.
 */
export function repeatCountsForAll(all: readonly RepeatCandidate[]): Map<number, RepeatCounts> {
  const keys = all.map(keysOf)
  const groups = new Map<string, Keys[]>()
  const join = (key: string, k: Keys) => {
    const group = groups.get(key)
    if (group) group.push(k)
    else groups.set(key, [k])
  }
  for (const k of keys) {
    if (k.address) join(`a:${k.address}`, k)
    if (k.phone) join(`p:${k.phone}`, k)
    if (k.nameAndDob) join(`n:${k.nameAndDob}`, k)
  }
  const counts = new Map<number, RepeatCounts>()
  for (const k of keys) {
    // An incident can share both a phone and a name with another: count that one once.
    const related = new Set<Keys>()
    for (const key of [
      k.address && `a:${k.address}`,
      k.phone && `p:${k.phone}`,
      k.nameAndDob && `n:${k.nameAndDob}`,
    ]) {
      if (key) for (const other of groups.get(key) ?? []) related.add(other)
    }
    counts.set(k.id, count(k, [...related]))
  }
  return counts
}
