// Watches the inbox folder and hands each settled feed file, one at a time, to `onFile`.
// A file still being written is not read until its size and time stop changing; writers' temp
// files are ignored; files of other types are left where they are and reported.
import { mkdirSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { watch } from 'chokidar'
import type { FSWatcher } from 'chokidar'

export const FEED_EXTENSIONS = ['.json', '.ndjson', '.csv']
export const PROCESSED_DIR = 'processed'
export const QUARANTINE_DIR = 'quarantine'

/** Names a writer uses while a file is incomplete (write-then-rename): never read or reported. */
function isTemporary(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(tmp|temp|part|partial|swp)$/i.test(name)
}

export interface InboxState {
  dir: string
  watching: boolean
  problem: string | null
  unsupported: string[]
}

export interface InboxWatcherOptions {
  dir: string
  onFile: (path: string) => Promise<void>
  onState: (state: InboxState) => void
  /** How long a file's size and time must stay the same before it is read. */
  settleMs?: number
  /** How often to try again while the folder is missing or unreadable. */
  retryMs?: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Size and modification time of a file, to tell whether it is still changing; null if gone. */
export function fileSignature(path: string): string | null {
  try {
    const s = statSync(path)
    return s.isFile() ? `${s.size}:${s.mtimeMs}` : null
  } catch {
    return null
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EACCES' || code === 'EPERM')
    return 'DA Desk is not allowed to read the inbox folder'
  if (code === 'ENOENT') return 'the inbox folder does not exist and could not be created'
  if (code === 'ENOTDIR') return 'the inbox path is a file, not a folder'
  return `the inbox folder cannot be watched (${code ?? String(error)})`
}

function storeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'the disk is full'
  if (code?.startsWith('SQLITE_BUSY')) return 'the database is busy'
  return code ?? (error instanceof Error ? error.message.slice(0, 120) : String(error))
}

export class InboxWatcher {
  private watcher: FSWatcher | null = null
  private retry: NodeJS.Timeout | null = null
  private readonly settling = new Set<string>()
  private readonly pending = new Set<string>()
  private readonly unsupported = new Set<string>()
  private draining: Promise<void> | null = null
  private problem: string | null = null
  /** Why the last feed file could not be stored, until one is. */
  private fileProblem: string | null = null
  private closed = false
  private readonly settleMs: number
  private readonly retryMs: number

  private readonly options: InboxWatcherOptions

  constructor(options: InboxWatcherOptions) {
    this.options = options
    this.settleMs = options.settleMs ?? 150
    this.retryMs = options.retryMs ?? 5000
  }

  get state(): InboxState {
    return {
      dir: this.options.dir,
      watching: this.watcher !== null && this.problem === null,
      problem: this.problem ?? this.fileProblem,
      unsupported: [...this.unsupported].sort(),
    }
  }

  start(): void {
    if (this.closed || this.watcher) return
    const dir = this.options.dir
    try {
      mkdirSync(join(dir, PROCESSED_DIR), { recursive: true })
      mkdirSync(join(dir, QUARANTINE_DIR), { recursive: true })
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' })
    } catch (error) {
      this.fault(error)
      return
    }
    this.problem = null
    const watcher = watch(dir, {
      depth: 0,
      ignoreInitial: false,
      ignored: (path) => path !== dir && isTemporary(basename(path)),
    })
    watcher.on('add', (path) => this.schedule(path))
    watcher.on('change', (path) => this.schedule(path))
    watcher.on('unlink', (path) => {
      if (this.unsupported.delete(basename(path))) this.report()
    })
    watcher.on('unlinkDir', (path) => {
      if (path === dir) this.fault(Object.assign(new Error(), { code: 'ENOENT' }))
    })
    watcher.on('error', (error) => this.fault(error))
    this.watcher = watcher
    this.report()
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.retry) clearTimeout(this.retry)
    await this.watcher?.close()
    this.watcher = null
    await this.draining
  }

  /** Waits until every file seen so far has been handled (for tests and the CLI). */
  async idle(): Promise<void> {
    while (this.draining || this.settling.size > 0) await (this.draining ?? sleep(this.settleMs))
  }

  private fault(error: unknown): void {
    this.problem = describe(error)
    const old = this.watcher
    this.watcher = null
    void old?.close()
    this.report()
    if (!this.closed && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = null
        this.start()
      }, this.retryMs)
    }
  }

  private report(): void {
    this.options.onState(this.state)
  }

  private schedule(path: string): void {
    const name = basename(path)
    if (!FEED_EXTENSIONS.includes(extname(name).toLowerCase())) {
      if (!this.unsupported.has(name)) {
        this.unsupported.add(name)
        this.report()
      }
      return
    }
    // Files settle side by side; once settled they are read one at a time, in that order.
    if (this.settling.has(path)) return
    this.settling.add(path)
    void this.settled(path).then((ready) => {
      this.settling.delete(path)
      if (!ready || this.closed) return
      this.pending.add(path)
      this.draining ??= this.drain().finally(() => {
        this.draining = null
      })
    })
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0 && !this.closed) {
      const path = this.pending.values().next().value as string
      this.pending.delete(path)
      if (fileSignature(path) === null) continue
      try {
        await this.options.onFile(path)
        if (this.fileProblem !== null) {
          this.fileProblem = null
          this.report()
        }
      } catch (error) {
        // The file stays in the inbox and is tried again after a pause; the worker is told.
        this.fileProblem = `${basename(path)} could not be stored (${storeFailure(error)}); DA Desk will try again`
        this.report()
        setTimeout(() => {
          if (!this.closed) this.schedule(path)
        }, this.retryMs)
      }
    }
  }

  /** True once the file has stopped changing; false if it went away meanwhile. */
  private async settled(path: string): Promise<boolean> {
    let before = fileSignature(path)
    while (before !== null) {
      await sleep(this.settleMs)
      const after = fileSignature(path)
      if (after === before) return true
      before = after
    }
    return false
  }
}
