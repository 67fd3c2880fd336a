// The JSON export's published schema, generated from the zod definition of the handover record
// (shared/handover.ts) so the code and docs/handover.schema.json cannot drift apart unnoticed:
// `npm run schema` writes the file, and a test checks the committed one against the code.
import { resolve } from 'node:path'
import { z } from 'zod'
import { HANDOVER_SCHEMA_VERSION, handoverRecordSchema } from '#shared/handover.ts'

export const HANDOVER_SCHEMA_FILE = resolve(
  import.meta.dirname,
  '../../../docs/handover.schema.json',
)

export function handoverJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(handoverRecordSchema)
  return { $schema, $id: `urn:da-desk:handover:v${HANDOVER_SCHEMA_VERSION}`, ...rest }
}
