// Moving a feed file that has been read out of the inbox, into processed/ or quarantine/ (with its
// report beside it), never overwriting an earlier file; and what the worker is told when the move
// cannot be made, for the inbox to keep trying without reading the file again.
import { constants } from 'node:fs'
import { access, mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { FileReport } from '#shared/domain.ts'

export const PROCESSED_DIR = 'processed'
export const QUARANTINE_DIR = 'quarantine'

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN'

const exists = (path: string) =>
  access(path, constants.F_OK).then(
    () => true,
    () => false,
  )

/** A feed file whose incidents were stored but which is still in the inbox. */
export class FeedFileNotMoved extends Error {
  /** Tries the move again, without reading the file again. */
  readonly retry: () => Promise<void>
  constructor(path: string, folder: string, error: unknown, retry: () => Promise<void>) {
    const name = basename(path)
    const why =
      codeOf(error) === 'ENOTDIR'
        ? `its “${basename(folder)}” folder is a file, not a folder`
        : `moving it failed with ${codeOf(error)}`
    super(
      `The incidents in ${name} are in the queue, but DA Desk could not move the file out of ` +
        `the inbox: ${why}. Nothing is missing; DA Desk will not read the file twice and keeps ` +
        'trying to move it.',
    )
    this.retry = retry
  }
}

/** The folder, made if it is missing; refused when something else has its name. */
async function usableFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true }).catch((error: unknown) => {
    if (codeOf(error) !== 'EEXIST') throw error
  })
  if (!(await stat(folder)).isDirectory()) {
    throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' })
  }
}

/** Where the file will go in the folder: its own name, or "name (2).ext", "(3)"... when taken. */
export async function freeTarget(path: string, folder: string): Promise<string> {
  await usableFolder(folder)
  const name = basename(path)
  const ext = extname(name)
  const stem = name.slice(0, name.length - ext.length)
  for (let n = 1; ; n++) {
    const target = join(folder, n === 1 ? name : `${stem} (${n})${ext}`)
    if (!(await exists(target))) return target
  }
}

/** Moves the file to `target` and, for a quarantined file, writes its report beside it. */
export async function moveFeedFile(
  path: string,
  target: string,
  report: FileReport | null,
): Promise<void> {
  await usableFolder(dirname(target))
  if (await exists(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' })
  await rename(path, target)
  if (report) {
    // Written whole under a dot-name, then renamed: whoever opens the report (IT, or a test)
    // never reads half of it.
    const reportPath = `${target}.report.json`
    const partial = join(dirname(target), `.${basename(reportPath)}.partial`)
    await writeFile(partial, JSON.stringify(report, null, 2) + '\n')
    await rename(partial, reportPath)
  }
}
