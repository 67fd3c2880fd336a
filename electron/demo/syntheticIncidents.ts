// Made-up, realistic-looking domestic incidents for demos, training, tests and benchmarks.
// Names are invented, phone numbers are Ofcom's drama range (07700 900xxx), postcodes end in ZZ.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const FIRST = [
  'Alex',
  'Sam',
  'Riley',
  'Morgan',
  'Jordan',
  'Casey',
  'Jamie',
  'Taylor',
  'Robin',
  'Avery',
]
const LAST = ['Sample', 'Example', 'Test', 'Placeholder', 'Dummy', 'Fixture', 'Mock', 'Stub']
const STREETS = ['Example Terrace', 'Sample Road', 'Test Close', 'Demo Street', 'Fixture Lane']
const TOWNS = ['Middlesbrough', 'Stockton-on-Tees', 'Hartlepool', 'Redcar', 'Guisborough']
const SUMMARIES = [
  'Caller reports partner shouting and throwing objects; two children upstairs.',
  'Neighbour heard screaming and banging from the flat next door. Line went quiet.',
  'Victim says ex-partner is outside the house and will not leave; has previous bail conditions.',
  'Female caller whispering, says partner has a knife in the kitchen. Call dropped.',
  'Third-party report of a man dragging a woman into a car outside the shop.',
  'Victim reports threatening messages from ex-partner overnight; wants advice.',
  'Caller says partner tried to strangle her earlier and has now left on foot.',
  'Historic report of controlling behaviour and assaults; suspect at work until 18:00.',
]
const FLAG_SETS: string[][] = [
  [],
  ['children-present'],
  ['weapon', 'threats-to-kill'],
  ['strangulation', 'injury'],
  ['repeat-victim'],
  ['suspect-on-scene', 'alcohol-drugs'],
  ['pregnancy', 'injury'],
]
const RELATIONSHIPS = ['partner', 'ex-partner', 'husband', 'wife', 'son', 'father']

/** A small deterministic generator, so the same seed gives the same incidents. */
function random(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 2 ** 32
  }
}

export interface SyntheticOptions {
  count: number
  /** When the first call was received, epoch ms; calls follow at `spacingMs`. */
  startMs: number
  spacingMs?: number
  seed?: number
  refPrefix?: string
}

/** One made-up incident in the feed format. */
export interface SyntheticIncident {
  incidentRef: string
  receivedAt: string
  grade: number
  status: string
  source: string
  summary: string
  location: { address: string; postcode: string }
  callerRole: string
  victim: { name: string; phone: string }
  suspect: { name: string; relationship: string }
  flags: string[]
}

export function syntheticIncidents(options: SyntheticOptions): SyntheticIncident[] {
  const next = random(options.seed ?? 2026)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const prefix = options.refPrefix ?? 'DEMO'
  return Array.from({ length: options.count }, (_, i) => {
    const first = pick(FIRST)
    const last = pick(LAST)
    const phone = `07700 900${String(Math.floor(next() * 1000)).padStart(3, '0')}`
    return {
      incidentRef: `${prefix}-${String(i + 1).padStart(6, '0')}`,
      receivedAt: new Date(options.startMs + i * (options.spacingMs ?? 60_000)).toISOString(),
      grade: 1 + Math.floor(next() * 4),
      status: 'open',
      source: pick(['999', '101', 'online']),
      summary: pick(SUMMARIES),
      location: {
        address: `${1 + Math.floor(next() * 90)} ${pick(STREETS)}, ${pick(TOWNS)}`,
        postcode: `TS${1 + Math.floor(next() * 27)} ${Math.floor(next() * 10)}ZZ`,
      },
      callerRole: pick(['victim', 'victim', 'third-party']),
      victim: { name: `${first} ${last}`, phone },
      suspect: { name: `${pick(FIRST)} ${last}`, relationship: pick(RELATIONSHIPS) },
      flags: pick(FLAG_SETS),
    }
  })
}

/** Drops a feed file into a folder the way a C&C export job should: write, then rename. */
export function dropFeedFile(dir: string, name: string, content: string): string {
  mkdirSync(dir, { recursive: true })
  const temp = join(dir, `.${name}.tmp`)
  const final = join(dir, name)
  writeFileSync(temp, content)
  renameSync(temp, final)
  return final
}
