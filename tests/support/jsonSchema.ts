// A small JSON Schema (2020-12) checker for the keywords z.toJSONSchema writes: enough to check an
// export against the published docs/handover.schema.json itself rather than against the code.
// Returns every problem as "path: what"; an empty list means the value conforms.
type Schema = Record<string, unknown>

const typeOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value)
  return actual === type || (type === 'number' && actual === 'integer')
}

export function checkJsonSchema(root: Schema, value: unknown): string[] {
  const problems: string[] = []
  const KNOWN = new Set([
    '$schema',
    '$id',
    '$defs',
    '$ref',
    'id',
    'title',
    'description',
    'type',
    'properties',
    'required',
    'additionalProperties',
    'items',
    'enum',
    'const',
    'anyOf',
    'pattern',
    'format',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'minItems',
    'maxItems',
    'minLength',
    'maxLength',
  ])
  const visit = (schema: Schema, v: unknown, path: string) => {
    for (const key of Object.keys(schema)) {
      if (!KNOWN.has(key)) problems.push(`${path}: the checker does not know keyword ${key}`)
    }
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace('#/$defs/', '')
      visit((root.$defs as Record<string, Schema>)[name]!, v, path)
    }
    if (typeof schema.type === 'string' && !matchesType(v, schema.type)) {
      problems.push(`${path}: expected ${schema.type}, got ${typeOf(v)}`)
      return
    }
    if ('const' in schema && v !== schema.const)
      problems.push(`${path}: must be ${String(schema.const)}`)
    if (Array.isArray(schema.enum) && !schema.enum.includes(v)) {
      problems.push(`${path}: ${JSON.stringify(v)} is not one of ${schema.enum.join(', ')}`)
    }
    if (Array.isArray(schema.anyOf)) {
      const fits = (schema.anyOf as Schema[]).some((s) => {
        const before = problems.length
        visit(s, v, path)
        const ok = problems.length === before
        problems.length = before
        return ok
      })
      if (!fits) problems.push(`${path}: matches none of anyOf`)
    }
    if (typeof v === 'string') {
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) {
        problems.push(`${path}: ${JSON.stringify(v)} does not match ${schema.pattern}`)
      }
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum)
        problems.push(`${path}: below minimum`)
      if (typeof schema.maximum === 'number' && v > schema.maximum)
        problems.push(`${path}: above maximum`)
      if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) {
        problems.push(`${path}: not above ${schema.exclusiveMinimum}`)
      }
    }
    if (Array.isArray(v) && schema.items) {
      v.forEach((item, i) => visit(schema.items as Schema, item, `${path}[${i}]`))
    }
    if (typeOf(v) === 'object' && schema.properties) {
      const object = v as Record<string, unknown>
      const properties = schema.properties as Record<string, Schema>
      for (const key of (schema.required as string[] | undefined) ?? []) {
        if (!(key in object)) problems.push(`${path}.${key}: required`)
      }
      for (const [key, item] of Object.entries(object)) {
        if (properties[key]) visit(properties[key], item, `${path}.${key}`)
        else if (schema.additionalProperties === false) problems.push(`${path}.${key}: not allowed`)
      }
    }
  }
  visit(root, value, '$')
  return problems
}
