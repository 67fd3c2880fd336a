// The security gate (npm run security) on made-up projects: an insecure window fails it with each
// finding named; the allow-list explains findings line by line and may not outlive them.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { scanApp } from '../../security/scanApp.ts'
import type { Finding } from '../../security/scanApp.ts'
import { judgeFindings } from '../../security/judgeFindings.ts'
import type { AllowedFinding } from '../../security/judgeFindings.ts'
import { tempDir } from '../../support/tempDir.ts'

const GATE = resolve(import.meta.dirname, '../../security/electronegativity.ts')

/** A main process written the way the Electron checklist says not to. */
const INSECURE_MAIN = `import { app, BrowserWindow } from 'electron'

app.whenReady().then(() => {
  const window = new BrowserWindow({
    webPreferences: {
      nodeIntegration: true,
      contextIsolation: false,
      webSecurity: false,
    },
  })
  void window.loadURL('http://example.test/')
})
`

function project(files: Record<string, string>): string {
  const root = tempDir('da-desk-gate-')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const entryFor = (f: Finding): AllowedFinding => ({
  check: f.check,
  file: f.file,
  ...(f.code ? { code: f.code } : {}),
  why: 'Explained for this test: the gate must accept a finding its allow-list explains.',
})

// Electronegativity loads its own TypeScript and ESLint: seconds a scan, more on a busy machine.
describe('the Electronegativity gate', { timeout: 120_000 }, () => {
  test('fails on a window with nodeIntegration, naming each finding and the stale entries', () => {
    const root = project({ 'electron/main/index.ts': INSECURE_MAIN })
    const run = spawnSync(process.execPath, [GATE, '--root', root], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^Unexplained findings/m)
    expect(run.stdout).toContain('NODE_INTEGRATION_JS_CHECK  electron/main/index.ts:6:')
    expect(run.stdout).toContain('code: nodeIntegration: true,')
    expect(run.stdout).toContain('CONTEXT_ISOLATION_JS_CHECK  electron/main/index.ts:7:')
    expect(run.stdout).toContain('WEB_SECURITY_JS_CHECK  electron/main/index.ts:8:')
    // The real allow-list explains DA Desk's own code, which this project does not have.
    expect(run.stdout).toMatch(/^Allow-list entries that match no finding any more/m)
    expect(run.stdout).toContain(
      'PRELOAD_JS_CHECK  electron/main/index.ts\n      code: preload: PRELOAD,',
    )
  })

  test('accepts only what its entries explain, and rejects an entry that explains nothing', async () => {
    const root = project({ 'electron/main/index.ts': INSECURE_MAIN })
    const scan = await scanApp(root)
    expect(scan.unreadable).toEqual([])
    const nodeIntegration = scan.findings.filter((f) => f.check === 'NODE_INTEGRATION_JS_CHECK')
    expect(nodeIntegration.map((f) => [f.file, f.line, f.code])).toEqual([
      ['electron/main/index.ts', 6, 'nodeIntegration: true,'],
    ])

    const everything = scan.findings.map(entryFor)
    expect(judgeFindings(scan.findings, everything)).toEqual({
      allowed: scan.findings,
      unexplained: [],
      stale: [],
    })

    const allButNodeIntegration = everything.filter((e) => e.check !== 'NODE_INTEGRATION_JS_CHECK')
    expect(judgeFindings(scan.findings, allButNodeIntegration).unexplained).toEqual(nodeIntegration)

    // An entry for the line as it was reviewed does not cover the line once it changes.
    const reviewedOtherLine = { ...entryFor(nodeIntegration[0]!), code: 'nodeIntegration: false,' }
    const judged = judgeFindings(scan.findings, [...allButNodeIntegration, reviewedOtherLine])
    expect(judged.unexplained).toEqual(nodeIntegration)
    expect(judged.stale).toEqual([reviewedOtherLine])
  })

  test('fails on a file it cannot parse, since that file was not checked', async () => {
    const root = project({
      'electron/main/index.ts': "import { app } from 'electron'\napp.whenReady(\n",
    })
    const scan = await scanApp(root)
    expect(scan.unreadable.map((u) => u.file)).toEqual(['electron/main/index.ts'])
  })
})
