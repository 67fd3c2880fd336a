// Electron glue only: the window, the app:// protocol that serves the page, the security
// settings of the Electron checklist, and the IPC door to the core's handler table.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron'
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { join, normalize, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '#shared/ipc.ts'
import { openDesk } from '#core/desk.ts'
import type { Desk } from '#core/desk.ts'
import { dispatch } from '#core/api/dispatch.ts'
import { fail } from '#core/api/result.ts'
import { defaultDataDir } from '#core/paths.ts'

const SCHEME = 'app'
const ORIGIN = `${SCHEME}://da-desk`
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

function isOwnPage(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return (
    frame !== null &&
    frame === event.sender.mainFrame &&
    new URL(frame.url).origin === ORIGIN &&
    event.sender === window?.webContents
  )
}

function serveRenderer(request: Request): Promise<Response> | Response {
  const url = new URL(request.url)
  const path = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname)))
  if (url.host !== 'da-desk' || !path.startsWith(RENDERER_DIR + sep)) {
    return new Response('Not found', { status: 404 })
  }
  return net.fetch(pathToFileURL(path).toString()).then((response) => {
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CSP)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
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
  window.on('closed', () => {
    window = null
  })
  void window.loadURL(`${ORIGIN}/index.html`)
}

async function start(): Promise<void> {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
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
      { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }] },
    ]),
  )

  try {
    desk = openDesk({ dataDir: app.getPath('userData') })
  } catch (error) {
    dialog.showErrorBox('DA Desk cannot open its data', (error as Error).message)
    app.exit(1)
    return
  }
  desk.onEvent((event, payload) => window?.webContents.send(IPC_EVENT_CHANNEL, event, payload))
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, request: unknown) => {
    if (!desk || !isOwnPage(event)) return fail('bad-request', 'Calls are accepted only from DA Desk’s own page.')
    return dispatch(desk.handlers, name, request)
  })
  createWindow()
}

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
