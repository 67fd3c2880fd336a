// Watches the inbox folder and hands each settled feed file, one at a time, to `onFile`.
// A file still being written is not read until its size and time stop changing; writers' temp
// files are ignored; files of other types are left where they are and reported. Whatever happens
// to the folder (deleted, replaced by a file, a drive gone), the watcher says so in words for the
// worker, never throws out of its callbacks, and starts again once the folder is back.
import { mkdirSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { watch } from 'chokidar'
import type { FSWatcher } from 'chokidar'
import { FeedFileNotMoved, PROCESSED_DIR, QUARANTINE_DIR } from './feedFileMove.ts'

export const FEED_EXTENSIONS = ['.json', '.ndjson', '.csv']

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

/** What is wrong with the inbox folder, in words for a worker who cannot fix it themselves. */
function describe(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EACCES' || code === 'EPERM') {
    return `DA Desk is not allowed to read the inbox folder ${dir}.`
  }
  if (code === 'ENOENT') {
    return (
      `The inbox folder ${dir} is not there (it was deleted, or the drive it is on is ` +
      'disconnected). DA Desk starts reading it again as soon as it is back.'
    )
  }
  if (code === 'ENOTDIR') {
    return (
      `The inbox ${dir} is a file, not a folder, so no feed files can arrive. DA Desk starts ` +
      'reading it again as soon as it is a folder.'
    )
  }
  return `The inbox folder ${dir} cannot be read (${code ?? String(error)}).`
}

function storeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'the disk is full'
  if (code?.startsWith('SQLITE_BUSY')) return 'the database is busy'
  return code ?? (error instanceof Error ? error.message.slice(0, 120) : String(error))
}

const notThere = (code: string) => Object.assign(new Error(code), { code })

export class InboxWatcher {
  private watcher: FSWatcher | null = null
  private retry: NodeJS.Timeout | null = null
  private readonly settling = new Set<string>()
  private readonly pending = new Set<string>()
  private readonly unsupported = new Set<string>()
  /** Files stored but not yet moved out of the inbox, each with its next try at the move. */
  private readonly unmoved = new Map<string, () => Promise<void>>()
  private draining: Promise<void> | null = null
  private problem: string | null = null
  /** What is wrong with particular files (not stored, or not moved), until it is put right. */
  private readonly fileProblems = new Map<string, string>()
  private started = false
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
      problem: this.problem ?? this.fileProblems.values().next().value ?? null,
      unsupported: [...this.unsupported].sort(),
    }
  }

  /**
   * Starts watching. The first start makes the inbox folder when it is not there yet; a folder
   * that goes away later is not made again (that would hide a disconnected drive behind an
   * empty local folder): the watcher waits for it to come back.
   */
  start(): void {
    if (this.closed || this.watcher) return
    const dir = this.options.dir
    try {
      if (!this.started) mkdirSync(dir, { recursive: true })
      this.started = true
      if (!statSync(dir).isDirectory()) throw notThere('ENOTDIR')
      // A processed/ or quarantine/ that cannot be made stops only the moves, which say so.
      for (const sub of [PROCESSED_DIR, QUARANTINE_DIR]) {
        try {
          mkdirSync(join(dir, sub), { recursive: true })
        } catch {
          // Reported with the first file that cannot be moved there.
        }
      }
      const watcher = watch(dir, {
        depth: 0,
        ignoreInitial: false,
        ignored: (path) => path !== dir && isTemporary(basename(path)),
      })
      watcher.on('add', (path) => this.guard(() => this.schedule(path)))
      watcher.on('change', (path) => this.guard(() => this.schedule(path)))
      watcher.on('unlink', (path) => this.guard(() => this.forget(path)))
      watcher.on('unlinkDir', (path) => {
        if (path === dir) this.fault(notThere('ENOENT'))
      })
      watcher.on('error', (error) => this.fault(error))
      // A folder taken away while the watch was being set up sends no event: look once more.
      watcher.on('ready', () =>
        this.guard(() => {
          if (this.watcher === watcher && !statSync(dir).isDirectory()) throw notThere('ENOTDIR')
        }),
      )
      this.watcher = watcher
      this.problem = null
      this.report()
    } catch (error) {
      this.fault(error)
    }
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

  /** Runs an event handler so that nothing it throws can escape into the process. */
  private guard(run: () => void): void {
    try {
      run()
    } catch (error) {
      this.fault(error)
    }
  }

  private fault(error: unknown): void {
    this.problem = describe(error, this.options.dir)
    const old = this.watcher
    this.watcher = null
    old?.close().catch(() => undefined)
    this.report()
    this.retryLater()
  }

  /** One timer for both: starting again after a fault, and moving files stored but not moved. */
  private retryLater(): void {
    if (this.closed || this.retry) return
    this.retry = setTimeout(() => {
      this.retry = null
      if (!this.watcher) this.start()
      void this.moveUnmoved()
    }, this.retryMs)
  }

  private async moveUnmoved(): Promise<void> {
    for (const [path, move] of this.unmoved) {
      if (this.closed) return
      try {
        await move()
        this.unmoved.delete(path)
        this.fileProblems.delete(path)
        this.report()
      } catch {
        // Still not movable: the problem already says so; try again later.
      }
    }
    if (this.unmoved.size > 0) this.retryLater()
  }

  private report(): void {
    try {
      this.options.onState(this.state)
    } catch (error) {
      console.error('DA Desk: could not report the state of the inbox', error)
    }
  }

  /** A file that left the inbox (moved by hand, or by us): nothing about it stands any more. */
  private forget(path: string): void {
    const changed = [
      this.unsupported.delete(basename(path)),
      this.unmoved.delete(path),
      this.fileProblems.delete(path),
    ]
    if (changed.includes(true)) this.report()
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
    // Stored already, waiting only to be moved: reading it again would store nothing new.
    if (this.unmoved.has(path)) return
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
        if (this.fileProblems.delete(path)) this.report()
      } catch (error) {
        if (error instanceof FeedFileNotMoved) {
          this.unmoved.set(path, error.retry)
          this.fileProblems.set(path, error.message)
          this.report()
          this.retryLater()
          continue
        }
        // The file stays in the inbox and is tried again after a pause; the worker is told.
        this.fileProblems.set(
          path,
          `The incidents in ${basename(path)} are not in the queue yet: DA Desk could not save ` +
            `them (${storeFailure(error)}). It tries again by itself.`,
        )
        this.report()
        setTimeout(() => {
          if (!this.closed) this.guard(() => this.schedule(path))
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
