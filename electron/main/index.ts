// Electron glue only: the window, the app:// protocol that serves the page, the security
// settings of the Electron checklist, and the IPC door to the core's handler table.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron'
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '#shared/ipc.ts'
import { openDesk } from '#core/desk.ts'
import type { Desk } from '#core/desk.ts'
import { dispatch } from '#core/api/dispatch.ts'
import { fail } from '#core/api/result.ts'
import { defaultDataDir } from '#core/paths.ts'
import { desktopKey } from '#core/databaseKey.ts'
import type { KeyProtector } from '#core/databaseKey.ts'
import { rendererFile } from '#core/rendererFiles.ts'

const SCHEME = 'app'
const HOST = 'da-desk'
const ORIGIN = `${SCHEME}://${HOST}`
const RENDERER_DIR = resolve(import.meta.dirname, '../renderer')
const PRELOAD = resolve(import.meta.dirname, '../preload/index.cjs')
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'"

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])
app.setPath('userData', defaultDataDir())
app.enableSandbox()

let desk: Desk | null = null
let window: BrowserWindow | null = null

/** Whether a URL (or origin) is our own page's. Node's URL gives a custom scheme the origin
 * "null", so scheme and host are compared instead. */
function isOwnUrl(address: string | undefined): boolean {
  if (address === undefined || !URL.canParse(address)) return false
  const url = new URL(address)
  return url.protocol === `${SCHEME}:` && url.host === HOST
}

/**
 * The operating system's protection for the database key. Linux without a secret store falls
 * back to a hard-coded password ('basic_text'), which protects nothing, so it counts as none.
 */
const keyProtector: KeyProtector = {
  available: async () =>
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  protect: (text) => safeStorage.encryptStringAsync(text),
  unprotect: async (blob) => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(blob)
    return { text: result, renew: shouldReEncrypt }
  },
}

/** Only the main frame of our own window, showing our own page, may call the core. */
function isOwnPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (frame === null || frame !== event.sender.mainFrame) return false
  if (event.sender !== window?.webContents) return false
  return isOwnUrl(frame.url)
}

/** The one permission the page is given: writing to the clipboard ("Copy C&C log"), which
 * Chromium sanitises. Reading the clipboard and everything else stay denied. */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write'

/** Serves the built page from disk (readFile works inside app.asar); no file:// involved. */
async function serveRenderer(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const file = url.host === HOST ? rendererFile(RENDERER_DIR, url.pathname) : null
  if (!file) return new Response('Not found', { status: 404 })
  return new Response(await readFile(file.path), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

function createWindow(): void {
  window = new BrowserWindow({
    width: 1600,
    height: 900,
    minWidth: 1100,
    minHeight: 640,
    title: 'DA Desk',
    backgroundColor: '#12161c',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  })
  window.once('ready-to-show', () => window?.show())
  // A crashed page is reloaded at once: everything it showed is on the Node side, and so is the
  // signed-in session, so the worker is back where they were.
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`DA Desk: the page stopped (${details.reason}); reloading it`)
    if (details.reason !== 'clean-exit') void window?.loadURL(`${ORIGIN}/index.html`)
  })
  window.on('closed', () => {
    window = null
  })
  void window.loadURL(`${ORIGIN}/index.html`)
}

async function start(): Promise<void> {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      permission === CLIPBOARD_WRITE && details.isMainFrame && isOwnUrl(details.requestingUrl),
    ),
  )
  ses.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permission === CLIPBOARD_WRITE && details.isMainFrame && isOwnUrl(requestingOrigin),
  )
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${ORIGIN}/`) || details.url.startsWith('devtools://')
    callback({ cancel: !allowed })
  })
  protocol.handle(SCHEME, serveRenderer)
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu' },
      { role: 'editMenu' },
      {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { role: 'togglefullscreen' },
        ],
      },
    ]),
  )

  try {
    const dataDir = app.getPath('userData')
    desk = openDesk({ dataDir, key: await desktopKey(dataDir, keyProtector) })
  } catch (error) {
    dialog.showErrorBox('DA Desk cannot open its data', (error as Error).message)
    app.exit(1)
    return
  }
  desk.onEvent((event, payload) => window?.webContents.send(IPC_EVENT_CHANNEL, event, payload))
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, request: unknown) => {
    if (!desk || !isOwnPage(event))
      return fail('bad-request', 'Calls are accepted only from DA Desk’s own page.')
    return dispatch(desk.handlers, name, request)
  })
  createWindow()
}

let faultShown = false

/**
 * An error no handler caught — in the inbox watcher, a timer, a promise nobody awaited — must not
 * close the window on a worker in the middle of a call. It is logged in full and the worker is
 * told in words, once at a time; what they had saved is in the database already.
 */
function reportFault(error: unknown): void {
  console.error('DA Desk: an error no part of the app caught', error)
  if (faultShown || !window) return
  faultShown = true
  void dialog
    .showMessageBox(window, {
      type: 'warning',
      title: 'DA Desk',
      message: 'Something went wrong in the background',
      detail:
        'Everything you saved is safe and DA Desk carries on. If something stops working, ' +
        'close DA Desk and open it again. If this message keeps coming back, tell IT what it ' +
        `says:\n\n${error instanceof Error ? error.message : String(error)}`,
      buttons: ['OK'],
    })
    .finally(() => {
      faultShown = false
    })
}
process.on('uncaughtException', reportFault)
process.on('unhandledRejection', reportFault)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    if (!desk) return
    event.preventDefault()
    const closing = desk
    desk = null
    void closing.close().finally(() => app.quit())
  })
  void app.whenReady().then(start)
}
