// npm run start:chromium [-- --demo] [-- --data DIR]: the app in a visible Chromium window, on the
// app's own data folder (or a demo folder). With --demo, seeds made-up incidents from
// resources/demo and keeps dropping synthetic ones into the inbox every few seconds.
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { defaultDataDir } from '#core/paths.ts'
import { dropFeedFile, syntheticIncidents } from '../demo/syntheticIncidents.ts'
import { launchChromiumHost } from './host.ts'

const SEED_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/demo/seed.json')

async function startChromium(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      demo: { type: 'boolean', default: false },
      data: { type: 'string' },
      headless: { type: 'boolean', default: false },
    },
  })
  if (!values.headless && process.platform === 'linux' && !process.env.DISPLAY) {
    console.error(
      'DA Desk: no display for a window. Run it under a display (e.g. xvfb-run npm run start:chromium).',
    )
    process.exit(2)
  }
  const dataDir = values.data ?? (values.demo ? join(tmpdir(), 'da-desk-demo') : defaultDataDir())
  const host = await launchChromiumHost({ dataDir, headless: values.headless })
  console.log(`DA Desk is running in Chromium. Data folder: ${dataDir}. Inbox: ${host.inbox}`)
  let timer: NodeJS.Timeout | undefined
  if (values.demo) timer = runDemoFeed(host.inbox)
  const stop = async () => {
    if (timer) clearInterval(timer)
    await host.close()
    process.exit(0)
  }
  host.page.on('close', () => void stop())
  // As in Electron: an error nothing caught is logged in full and the app carries on.
  const carryOn = (error: unknown) =>
    console.error('DA Desk: an error no part of the app caught; carrying on', error)
  process.on('uncaughtException', carryOn)
  process.on('unhandledRejection', carryOn)
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

/** Seeds the demo incidents (moved to look recent), then drops a new one every few seconds. */
function runDemoFeed(inbox: string): NodeJS.Timeout {
  const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { receivedAt: string }[]
  const newest = Math.max(...seed.map((s) => Date.parse(s.receivedAt)))
  const shift = Date.now() - 2 * 60_000 - newest
  const recent = seed.map((s) => ({
    ...s,
    receivedAt: new Date(Date.parse(s.receivedAt) + shift).toISOString(),
  }))
  dropFeedFile(inbox, `demo-seed-${Date.now()}.json`, JSON.stringify(recent))
  let n = 0
  return setInterval(() => {
    n++
    const [incident] = syntheticIncidents({
      count: 1,
      startMs: Date.now(),
      seed: Date.now(),
      refPrefix: `DEMO-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${n}`,
    })
    dropFeedFile(inbox, `demo-${Date.now()}.json`, JSON.stringify(incident))
  }, 8000)
}

await startChromium(process.argv.slice(2))
