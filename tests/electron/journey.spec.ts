// The worker's first journey in real Electron: sign in, a feed file lands in the inbox, the
// incident appears in the queue and opens. The Chromium host runs the same journeys in
// tests/e2e; this file adds what only Electron has (the main process, the sandboxed preload, the
// app:// page) and runs wherever an Electron binary is installed. It launches the unpackaged
// build in out/, because Playwright's _electron needs the Node inspector that the packaged
// app's fuses turn off.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron, expect, test } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { findElectronBinary, NO_ELECTRON_MESSAGE } from '../../electron/electronBinary.ts'
import { TEST_KEY_HEX } from '../support/databaseKey.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const BUILT_MAIN = join(ROOT, 'out/main/index.js')
const binary = findElectronBinary()

const SKIP_NO_ELECTRON =
  `${NO_ELECTRON_MESSAGE} The Electron journeys in tests/electron are skipped; ` +
  'these journeys run in the Chromium host instead (tests/e2e).'
const SKIP_NO_DISPLAY =
  'Electron needs a display and there is none (no DISPLAY or WAYLAND_DISPLAY): ' +
  'run under `xvfb-run -a npx playwright test tests/electron`.'
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
const skipReason = binary === null ? SKIP_NO_ELECTRON : hasDisplay ? null : SKIP_NO_DISPLAY

// Said once, loudly, while Playwright loads the file (not again in each worker), so a CI log shows
// why these tests did not run.
if (skipReason !== null && process.env.TEST_WORKER_INDEX === undefined) {
  console.warn(`\nWARNING: tests/electron skipped. ${skipReason}\n`)
}
test.skip(skipReason !== null, skipReason ?? '')

const WORKER = { name: 'Jo Example', organisation: 'Harbour Support Services' }
const REFERENCE = 'CL-20261121-0457'

/** A feed record like shared/samples/feed/2026-11-21T150412Z-CL-0457.json, received just now. */
function feedRecord(receivedAt: Date) {
  return {
    incidentRef: REFERENCE,
    receivedAt: receivedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    grade: 'G2',
    status: 'open',
    source: '999',
    summary:
      'Caller reports ex-partner banging on door, shouting threats. Caller and two children ' +
      'inside. Suspect believed to have left on foot.',
    location: { address: '14 Example Terrace, Middlesbrough', postcode: 'TS1 9ZZ' },
    callerRole: 'victim',
    victim: { name: 'Alex Sample', phone: '07700 900123' },
    suspect: { name: 'Jordan Sample', relationship: 'ex-partner' },
    flags: ['children-present', 'repeat-victim'],
  }
}

/** Drops a feed file the way the C&C side would: written beside the inbox, then moved in. */
function dropFeedFile(inbox: string, fileName: string, content: unknown) {
  mkdirSync(inbox, { recursive: true })
  const partial = join(inbox, `${fileName}.part`)
  writeFileSync(partial, JSON.stringify(content, null, 2))
  renameSync(partial, join(inbox, fileName))
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

let dataDir: string | undefined
let app: ElectronApplication | undefined
let page: Page
let electronLog = ''

test.beforeEach(async () => {
  if (!existsSync(BUILT_MAIN)) {
    throw new Error(`The app is not built (${BUILT_MAIN} is missing): run npm run build first.`)
  }
  dataDir = mkdtempSync(join(tmpdir(), 'da-desk-electron-'))
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value
  }
  env.DA_DESK_DATA_DIR = dataDir
  // A test machine has no OS key store (Linux CI has no secret store), so the key is named.
  const keyFile = join(dataDir, 'test.key')
  writeFileSync(keyFile, `${TEST_KEY_HEX}\n`)
  env.DA_DESK_KEY_FILE = keyFile
  electronLog = ''
  app = await _electron.launch({
    executablePath: binary!,
    // Chromium refuses to start as root with its OS sandbox on (CI runs as root). The page's
    // own sandbox and context isolation, which the test checks below, are web preferences.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
    cwd: ROOT,
    env,
    timeout: 30_000,
  })
  app.process().stdout?.on('data', (chunk: Buffer) => (electronLog += chunk.toString()))
  app.process().stderr?.on('data', (chunk: Buffer) => (electronLog += chunk.toString()))
  page = await app.firstWindow()
})

test.afterEach(async () => {
  await app?.close()
  app = undefined
  const info = test.info()
  if (info.status !== info.expectedStatus && electronLog) {
    await info.attach('electron-output', { body: electronLog, contentType: 'text/plain' })
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

test('a worker signs in, a new incident arrives from the feed and opens from the queue', async () => {
  await expect(page).toHaveURL(/^app:\/\/da-desk\//)

  // The page has no Node, and window.daDesk is the one door: call and on, nothing else.
  const exposed = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>
    const api = scope.daDesk as Record<string, unknown> | undefined
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      daDesk: api === undefined ? null : Object.keys(api).sort(),
      daDeskTypes: api === undefined ? null : [typeof api.call, typeof api.on],
    }
  })
  expect(exposed).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    daDesk: ['call', 'on'],
    daDeskTypes: ['function', 'function'],
  })
  // New windows are denied.
  const openDenied = await page.evaluate(() => {
    const scope = globalThis as unknown as { open(url: string): unknown }
    return scope.open('about:blank') === null
  })
  expect(openDenied).toBe(true)

  await page.getByLabel('Your name').fill(WORKER.name)
  await page.getByLabel('Organisation').fill(WORKER.organisation)
  await page.getByLabel(/^PIN\W*$/).fill('2468')
  await page.getByLabel('PIN again').fill('2468')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText(WORKER.name)).toBeVisible()

  dropFeedFile(join(dataDir!, 'inbox'), '2026-11-21T150412Z-CL-0457.json', feedRecord(new Date()))

  const queue = page.getByRole('listbox', { name: 'Incident queue', exact: true })
  const row = queue.getByRole('option', { name: new RegExp(`^${escapeRegExp(REFERENCE)}`) })
  await expect(row).toBeVisible({ timeout: 15_000 })
  await row.press('Enter')

  const incident = page.getByRole('region', { name: 'Incident', exact: true })
  await expect(incident).toBeVisible()
  await expect(incident).toContainText(REFERENCE)
})
