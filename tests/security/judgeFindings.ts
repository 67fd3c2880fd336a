// Holds Electronegativity's findings against the reviewed allow-list: every finding must be
// explained by an entry, and every entry must still explain a finding, so the list stays honest.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Finding } from './scanApp.ts'

const allowedFinding = z.strictObject({
  /** Electronegativity's check id. */
  check: z.string().regex(/^[A-Z0-9_]+$/, 'a check id such as NODE_INTEGRATION_JS_CHECK'),
  /** The file, relative to the project root with '/', or 'N/A' for an app-wide finding. */
  file: z.string().min(1),
  /**
   * The line the finding points at, trimmed, when it points at one: the entry then covers that
   * line only, so a second window or preload in the same file is a new finding to review.
   */
  code: z.string().min(1).optional(),
  /** Why it is acceptable: the reviewer's reasoning, not a restatement of the finding. */
  why: z.string().trim().min(40, 'say why the finding is acceptable, in a sentence or two'),
})
export type AllowedFinding = z.infer<typeof allowedFinding>

export interface Judgement {
  allowed: Finding[]
  unexplained: Finding[]
  /** Entries that no finding matches any more: the code changed, so they must be removed. */
  stale: AllowedFinding[]
}

export function readAllowList(path: string): AllowedFinding[] {
  const parsed = z.array(allowedFinding).safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`${path} is not a valid allow-list:\n  ${issues.join('\n  ')}`)
  }
  return parsed.data
}

const explains = (entry: AllowedFinding, finding: Finding) =>
  entry.check === finding.check &&
  entry.file === finding.file &&
  (entry.code === undefined || entry.code === finding.code)

export function judgeFindings(findings: Finding[], allowList: AllowedFinding[]): Judgement {
  const allowed = findings.filter((f) => allowList.some((entry) => explains(entry, f)))
  return {
    allowed,
    unexplained: findings.filter((f) => !allowed.includes(f)),
    stale: allowList.filter((entry) => !findings.some((f) => explains(entry, f))),
  }
}
