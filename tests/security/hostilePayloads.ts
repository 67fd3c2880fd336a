// What a compromised page could send through the IPC door: any value Electron's structured clone
// carries (wrong types, huge and deeply nested values, prototype keys, cycles, dates, maps), made
// from a seeded generator so that a failing run replays exactly from its seed.
import { z } from 'zod'

export interface Rng {
  /** A number in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  below(n: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

/** sfc32, seeded through splitmix32: small, fast and the same on every machine. */
export function seededRng(seed: number): Rng {
  let s = seed >>> 0
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t / 4294967296
  }
  const below = (n: number) => Math.floor(next() * n)
  return {
    next,
    below,
    pick: (items) => items[below(items.length)]!,
    chance: (p) => next() < p,
  }
}

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value }
  return value
}

function cyclic(): unknown {
  const node: Record<string, unknown> = { name: 'loop' }
  node.self = node
  node.list = [node, { back: node }]
  return node
}

/** An object whose own key is `key`, even for __proto__ (as JSON.parse and the clone make it). */
export function withOwnKey(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
  return target
}

const MEGABYTE = 'A'.repeat(1 << 20)
const CONTROL_CHARACTERS =
  Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') +
  '\u007f\u0085\u200b\u2028\u2029\u202e\ufeff'

const NUMBERS: readonly unknown[] = [
  0,
  -0,
  -1,
  1,
  1.5,
  -7.25,
  NaN,
  Infinity,
  -Infinity,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e21,
  0n,
  -1n,
  2n ** 64n,
]

const STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\r\n',
  CONTROL_CHARACTERS,
  `Riley${CONTROL_CHARACTERS}Test`,
  '\u0000',
  'null',
  'undefined',
  'NaN',
  'true',
  '1',
  '-1',
  '1e400',
  '0x10',
  '__proto__',
  'constructor',
  'prototype',
  "'; DROP TABLE incidents; --",
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  'inbox',
  '..\\..\\Windows\\System32',
  'C:relative\\folder',
  '\ud800',
  '\u202eevil.exe',
  'e\u0301'.repeat(40),
  '💥'.repeat(60),
  'x'.repeat(101),
  'x'.repeat(2001),
  'x'.repeat(20_001),
  MEGABYTE,
  `${MEGABYTE}${CONTROL_CHARACTERS}`,
  // Dates and times that are not real, not ISO or have no zone.
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-21T25:00:00Z',
  '2026-11-21T23:59:60Z',
  '2026-11-21T18:00:00',
  '2026-11-21',
  '21/11/2026 18:00',
  'yesterday',
  '0000-00-00T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '2026-11-21T18:00:00+25:00',
  // Near misses of the contract's enum values and names.
  'NEW',
  'Done',
  'done ',
  ' police',
  'next_shift',
  'Dark',
  'light\u0000',
  'spoke to victim',
  'G2',
  'other\n',
]

/** Values made once: big to build, and the same every time they are picked. */
const LARGE: readonly (() => unknown)[] = [
  () => nested(10_000, 1, false),
  () => nested(10_000, 'deep', true),
  () => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
  () => Array.from({ length: 10_000 }, (_, i) => i),
  () => Array.from({ length: 500 }, () => MEGABYTE.slice(0, 2048)),
].map((make) => {
  const made = make()
  return () => made
})

const SHAPES: readonly (() => unknown)[] = [
  () => null,
  () => undefined,
  () => true,
  () => false,
  () => ({}),
  () => [],
  () => [[]],
  () => [{}],
  () => ({ length: 1, 0: 'a' }),
  () => new Date(Number.NaN),
  () => new Date(8.64e15),
  () => new Date('2026-11-21T18:00:00Z'),
  () => new Map<unknown, unknown>([['id', 1]]),
  () => new Set([1, 'a']),
  () => /.*/gs,
  () => new Uint8Array([0, 255, 1]),
  () => new ArrayBuffer(8),
  () => new Error('boom'),
  () => cyclic(),
  () => JSON.parse('{"__proto__": {"polluted": true}, "id": 1}'),
  () => ({ constructor: { prototype: { polluted: true } } }),
  () => ({ toString: 1, valueOf: {} }),
  () => withOwnKey({}, '__proto__', null),
  () => Object.create(null),
]

/** Any value at all, sometimes a small structure of other values. */
export function junk(rng: Rng, depth = 0): unknown {
  const roll = rng.below(10)
  if (roll < 2) return rng.pick(NUMBERS)
  if (roll < 5) return rng.pick(STRINGS)
  if (roll < 6) return rng.pick(LARGE)()
  if (roll < 8 || depth >= 3) return rng.pick(SHAPES)()
  if (roll < 9) return Array.from({ length: rng.below(5) }, () => junk(rng, depth + 1))
  const object: Record<string, unknown> = {}
  for (let i = rng.below(5); i > 0; i--) withOwnKey(object, extraKey(rng, []), junk(rng, depth + 1))
  return object
}

/** A key the contract does not know: prototype names, near misses of real keys, odd strings. */
function extraKey(rng: Rng, realKeys: readonly string[]): string {
  const real = realKeys.length > 0 ? rng.pick(realKeys) : 'id'
  return rng.pick([
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '__defineGetter__',
    '',
    ' ',
    '\u0000',
    'k'.repeat(10_000),
    'admin',
    'sessionId',
    'by',
    'at',
    `${real} `,
    real.toUpperCase(),
    `${real}\u0000`,
    `${real}.x`,
  ])
}

type Shape = Record<string, z.ZodType>

const shapeOf = (schema: z.ZodType): Shape => (schema instanceof z.ZodObject ? schema.shape : {})

/** One change that should make a well-formed request malformed. */
function mutate(rng: Rng, shape: Shape, request: Record<string, unknown>): unknown {
  const keys = Object.keys(shape)
  const required = keys.filter((k) => !shape[k]!.safeParse(undefined).success)
  switch (rng.below(4)) {
    case 0:
      return junk(rng)
    case 1: {
      if (required.length === 0) return withOwnKey(request, extraKey(rng, keys), junk(rng))
      delete request[rng.pick(required)]
      return request
    }
    case 2:
      return withOwnKey(request, extraKey(rng, keys), junk(rng))
    default: {
      if (keys.length === 0) return junk(rng)
      const key = rng.pick(keys)
      for (let tries = 0; tries < 20; tries++) {
        const value = junk(rng)
        if (!shape[key]!.safeParse(value).success) return withOwnKey(request, key, value)
      }
      return withOwnKey(request, extraKey(rng, keys), junk(rng))
    }
  }
}

/**
 * A request that the call's schema refuses, made by breaking a well-formed one: the whole value
 * replaced, a required key missing, a key added, a value of the wrong type or out of range, or
 * several of these at once.
 */
export function malformed(
  rng: Rng,
  schema: z.ZodType,
  wellFormed: Record<string, unknown>,
): unknown {
  const shape = shapeOf(schema)
  for (let tries = 0; tries < 50; tries++) {
    let request: unknown = { ...wellFormed }
    for (let n = rng.chance(0.25) ? 2 + rng.below(3) : 1; n > 0; n--) {
      const target =
        typeof request === 'object' && request !== null && !Array.isArray(request)
          ? (request as Record<string, unknown>)
          : { ...wellFormed }
      request = mutate(rng, shape, target)
    }
    if (!schema.safeParse(request).success) return request
  }
  throw new Error('the generator could not break this request: give it other values')
}

/** A call name that is not one: near misses of real names, prototype names, other types. */
export function unknownCallName(rng: Rng, names: readonly string[]): unknown {
  const real = rng.pick(names)
  return rng.pick<() => unknown>([
    () => real.toUpperCase(),
    () => `${real} `,
    () => ` ${real}`,
    () => `${real}\u0000`,
    () => real.replace('.', '/'),
    () => real.split('.')[0],
    () => `${real}.x`,
    () => '__proto__',
    () => 'constructor',
    () => 'hasOwnProperty',
    () => 'toString',
    () => '',
    () => MEGABYTE,
    () => junk(rng),
    () => [real],
    () => ({ toString: 1, valueOf: 2 }),
    () => new String(real),
  ])()
}

/** A short, safe description of any value for a failure message. */
export function preview(value: unknown, depth = 0): string {
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.slice(0, 60))
    return value.length > 60 ? `${shown}… (${value.length} chars)` : shown
  }
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value !== 'object' || value === null) return String(value)
  if (depth > 2) return Array.isArray(value) ? '[…]' : '{…}'
  if (Array.isArray(value)) {
    const items = value.slice(0, 4).map((v) => preview(v, depth + 1))
    return `[${items.join(', ')}${value.length > 4 ? `, … ${value.length} items` : ''}]`
  }
  const tag = Object.prototype.toString.call(value).slice(8, -1)
  const keys = Object.keys(value)
  const fields = keys
    .slice(0, 6)
    .map(
      (k) =>
        `${JSON.stringify(k.slice(0, 30))}: ${preview((value as Record<string, unknown>)[k], depth + 1)}`,
    )
  return `${tag === 'Object' ? '' : `${tag} `}{${fields.join(', ')}${keys.length > 6 ? ', …' : ''}}`
}
