// Runs Electronegativity over the parts of DA Desk that make up the Electron app, offline, and
// returns its findings with paths relative to the project root. Judging them is judgeFindings.ts.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire, Module } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

/**
 * What is scanned, as paths in the project: the Electron main process (main, and the core and
 * shared code it bundles), the preload, the page (its index.html carries the CSP) and
 * package.json (the Electron version). The sources are scanned rather than the built out/:
 * the tool parses our TypeScript (a file it cannot parse fails the gate), and its findings then
 * name a file and line a reviewer can read. The CLI and the Chromium host are scanned too: they
 * are not in the Electron app, but a finding there is still worth a look.
 */
export const APP_PATHS = ['package.json', 'electron', 'shared', 'renderer'] as const

/** The files the tool reads (its own filter, less dependency folders). */
const SCANNED = /\.(js|jsx|ts|tsx|html|htm)$|(^|\/)package\.json$/

export interface Finding {
  /** Electronegativity's check id, e.g. NODE_INTEGRATION_JS_CHECK. */
  check: string
  /** Relative to the project root, with '/'; 'N/A' for an app-wide finding with no file. */
  file: string
  line: number
  column: number
  /** The line of code (or the policy) the finding points at, trimmed; '' when there is none. */
  code: string
  description: string
  severity: string
  confidence: string
  /** The tool cannot decide: a person must review the code. */
  manualReview: boolean
}

export interface Scan {
  files: number
  checks: number
  findings: Finding[]
  /** Files the tool could not parse: they were not checked, so the gate fails. */
  unreadable: { file: string; message: string }[]
}

interface RawIssue {
  id: string
  file: string
  location: { line: number; column: number }
  sample?: string
  description: string
  severity: { name: string }
  confidence: { name: string }
  manualReview: boolean
}

interface RawResult {
  globalChecks: number
  atomicChecks: number
  errors: { file: string; message: string; tolerable: boolean }[]
  issues: RawIssue[]
}

type Run = (options: {
  input: string
  isRelative: boolean
  electronVersionOverride: string
  excludeFromScan: string[]
}) => Promise<RawResult>

/**
 * Electronegativity fetches translations and Electron's release list with `got` on every run.
 * DA Desk's checks never use the network, so the tool is given, in Node's module cache, a `got`
 * that refuses every request; the release-list check, which needs it, is not run
 * (docs/security.md item 16 covers the Electron version instead).
 */
function loadOffline(): Run {
  const require = createRequire(import.meta.url)
  const entry = require.resolve('@doyensec/electronegativity')
  const gotPath = createRequire(entry).resolve('got')
  const refuse = () => Promise.reject(new Error('DA Desk scans offline'))
  const got = new Module(gotPath)
  got.exports = Object.assign(refuse, { head: refuse, get: refuse })
  got.loaded = true
  require.cache[gotPath] = got
  return require(entry) as Run
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (name) => SCANNED.test(name.replaceAll('\\', '/')) && statSync(join(dir, name)).isFile(),
  ).length
}

/** Scans APP_PATHS of the project at `root` (a copy of them, so nothing else is read). */
export async function scanApp(root: string): Promise<Scan> {
  const run = loadOffline()
  const require = createRequire(import.meta.url)
  const electronVersion = (require('electron/package.json') as { version: string }).version
  const stage = mkdtempSync(join(tmpdir(), 'da-desk-electronegativity-'))
  // The tool reads LANG for its messages; ours are English whatever the machine's locale.
  const lang = process.env.LANG
  const log = console.log
  try {
    for (const path of APP_PATHS) {
      if (existsSync(join(root, path)))
        cpSync(join(root, path), join(stage, path), { recursive: true })
    }
    process.env.LANG = 'en-US'
    // Its one message when the (refused) translation download fails says nothing about DA Desk.
    console.log = (...args: unknown[]) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args)
    }
    const result = await run({
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    })
    return {
      files: countFiles(stage),
      checks: result.globalChecks + result.atomicChecks,
      findings: result.issues.map((issue) => ({
        check: issue.id,
        file: issue.file.replaceAll('\\', '/'),
        line: issue.location.line,
        column: issue.location.column,
        code: (issue.sample ?? '').trim(),
        description: issue.description,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        manualReview: issue.manualReview,
      })),
      unreadable: result.errors.map((e) => ({
        file: relative(stage, e.file).replaceAll('\\', '/'),
        message: e.message,
      })),
    }
  } finally {
    console.log = log
    if (lang === undefined) delete process.env.LANG
    else process.env.LANG = lang
    rmSync(stage, { recursive: true, force: true })
  }
}
