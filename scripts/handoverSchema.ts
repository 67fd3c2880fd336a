// Writes docs/handover.schema.json from the code (npm run schema); run it after changing the
// handover record's shape, and raise HANDOVER_SCHEMA_VERSION when the change is not additive.
import { writeFileSync } from 'node:fs'
import { HANDOVER_SCHEMA_FILE, handoverJsonSchema } from '#core/handover/jsonSchema.ts'

writeFileSync(HANDOVER_SCHEMA_FILE, `${JSON.stringify(handoverJsonSchema(), null, 2)}\n`)
console.log(`wrote ${HANDOVER_SCHEMA_FILE}`)
