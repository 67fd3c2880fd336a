// The numbered, forward-only migrations, in order. Version N is migrations[N - 1].
import { sql as v1 } from './001_initial.ts'
import { sql as v2 } from './002_contact_and_notes.ts'
import { sql as v3 } from './003_script.ts'
import { sql as v4 } from './004_escalations.ts'
import { sql as v5 } from './005_audit_chain.ts'
import { sql as v6 } from './006_shifts_and_handovers.ts'
import { sql as v7 } from './007_figures_indexes.ts'
import { sql as v8 } from './008_retention.ts'
import { sql as v9 } from './009_repeat_dismissals.ts'
import { sql as v10 } from './010_clares_law.ts'
import { sql as v11 } from './011_follow_ups.ts'
import { sql as v12 } from './012_retention_newer_records.ts'
import { sql as v13 } from './013_support_car.ts'

export const migrations: readonly string[] = [
  v1,
  v2,
  v3,
  v4,
  v5,
  v6,
  v7,
  v8,
  v9,
  v10,
  v11,
  v12,
  v13,
]
