// The Chromium host: the real page (the built renderer) in Debian's Chromium, driven by
// Playwright, with window.daDesk bridged to the same handler table Electron serves. The page's
// files are served through request routing (no server, no port) and every other request is
// refused, so nothing reaches the network. Used by the end-to-end tests, benchmarks, screenshots
// and `npm run start:chromium`.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { EVENT_NAMES } from '#shared/ipc.ts'
import { openDesk } from '#core/desk.ts'
import type { Desk, DeskOptions } from '#core/desk.ts'
import { dispatch } from '#core/api/dispatch.ts'
import { rendererFile } from '#core/rendererFiles.ts'

export const CHROMIUM_PATH = process.env.DA_DESK_CHROMIUM ?? '/usr/bin/chromium'
// https, so that the page is a secure context as it is in Electron (app:// is registered secure):
// the clipboard, for one, exists only there. No connection is made: every request is answered by
// the routing below.
const ORIGIN = 'https://da-desk.test'
const RENDERER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../out/renderer')

export interface ChromiumHostOptions extends Omit<DeskOptions, 'watchInbox'> {
  headless?: boolean
  viewport?: { width: number; height: number }
  /** Extra Chromium arguments, e.g. for a visible window. */
  args?: string[]
}

export interface ChromiumHost {
  page: Page
  context: Browser | BrowserContext
  desk: Desk
  inbox: string
  close(): Promise<void>
}

/** Defines window.daDesk in the page, like the preload does in Electron. */
function bridge(eventNames: readonly string[]) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const w = globalThis as unknown as Record<string, unknown>
  const call = w.__daDeskCall as (name: string, request: string) => Promise<string>
  w.__daDeskEmit = (event: string, payload: string) => {
    const value: unknown = JSON.parse(payload)
    for (const listener of listeners.get(event) ?? []) listener(value)
  }
  delete w.__daDeskCall
  w.daDesk = Object.freeze({
    call: async (name: string, request: unknown) =>
      JSON.parse(await call(name, JSON.stringify(request ?? null))) as unknown,
    on: (event: string, listener: (payload: unknown) => void) => {
      if (!eventNames.includes(event)) throw new Error(`Unknown event ${event}`)
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event)!.add(listener)
      return () => listeners.get(event)!.delete(listener)
    },
  })
}

/** The page sends JSON text; anything else is passed on for dispatch to refuse. */
function parseRequest(request: unknown): unknown {
  if (typeof request !== 'string') return request
  try {
    return JSON.parse(request) as unknown
  } catch {
    return request
  }
}

export async function launchChromiumHost(options: ChromiumHostOptions): Promise<ChromiumHost> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The page is not built (${RENDERER_DIR}): run npm run build first.`)
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium).`)
  }
  const desk = openDesk({ ...options, watchInbox: true })
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      ...(options.args ?? []),
    ],
  })
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1600, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  })
  // As in Electron, the page may write to the clipboard ("Copy C&C log"), never read it.
  await context.grantPermissions(['clipboard-write'], { origin: ORIGIN })
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient')
    const file = rendererFile(RENDERER_DIR, url.pathname)
    if (!file) return route.fulfill({ status: 404, body: 'Not found' })
    return route.fulfill({
      status: 200,
      contentType: file.contentType,
      body: await readFile(file.path),
    })
  })
  // Values cross as JSON text: Playwright's own serialiser is far slower for large results.
  await context.exposeBinding('__daDeskCall', async (_source, name: unknown, request: unknown) =>
    JSON.stringify(await dispatch(desk.handlers, name, parseRequest(request))),
  )
  await context.addInitScript(bridge, EVENT_NAMES)
  const page = await context.newPage()

  // Events go to the page in order, one after another.
  let delivery: Promise<unknown> = Promise.resolve()
  const stop = desk.onEvent((event, payload) => {
    delivery = delivery
      .then(() =>
        page.evaluate(
          ([e, p]) =>
            (globalThis as unknown as { __daDeskEmit(e: string, p: string): void }).__daDeskEmit(
              e,
              p,
            ),
          [event, JSON.stringify(payload)] as const,
        ),
      )
      .catch(() => undefined)
  })
  await page.goto(`${ORIGIN}/index.html`)

  return {
    page,
    context,
    desk,
    inbox: desk.inboxDir(),
    async close() {
      stop()
      await delivery
      await browser.close()
      await desk.close()
    },
  }
}
