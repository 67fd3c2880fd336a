// Writes a set of files into a folder all or nothing: each goes to a temporary file in the same
// folder, is flushed to disk (fsync) and closed; only when every one is safely written are they
// renamed to their names, and the folder is flushed. On any failure every temporary file and
// every file already renamed is removed, so no partial export is ever left, and the error says
// why in words a worker can act on.
import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'

/** The file operations used, so a test can make one fail (a full disk, a read-only folder). */
export interface ExportFileSystem {
  stat: typeof fsp.stat
  open: typeof fsp.open
  rename: typeof fsp.rename
  unlink: typeof fsp.unlink
}

const nodeFileSystem: ExportFileSystem = {
  stat: fsp.stat,
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
}

/** A write that failed, with the reason in words for the worker. */
export class ExportWriteError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

/** Why a folder could not be written, from the system's error code. */
export function reasonInWords(code: string, folder: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full: there is no room in ${folder}.`
    case 'EACCES':
    case 'EPERM':
      return `DA Desk is not allowed to write to ${folder}.`
    case 'EROFS':
      return `${folder} is read-only.`
    case 'ENOENT':
      return `the folder ${folder} is not there (if it is on a removable drive or a network share, check it is connected).`
    case 'ENOTDIR':
      return `${folder} is not a folder.`
    case 'EIO':
      return `the drive holding ${folder} reported an error.`
    default:
      return `${folder} could not be written (${code}).`
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN'

/** A name none of whose files exist yet: `base`, then `base (2)`, `base (3)`, ... */
export async function freeBaseName(
  folder: string,
  base: string,
  suffixes: readonly string[],
  fs: ExportFileSystem = nodeFileSystem,
): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base} (${n})`
    const taken = await Promise.all(
      suffixes.map((s) =>
        fs.stat(join(folder, `${candidate}${s}`)).then(
          () => true,
          () => false,
        ),
      ),
    )
    if (!taken.includes(true)) return candidate
  }
}

export async function writeFilesAtomically(
  folder: string,
  files: readonly { name: string; bytes: Buffer }[],
  fs: ExportFileSystem = nodeFileSystem,
): Promise<void> {
  const temporary: string[] = []
  const renamed: string[] = []
  try {
    const info = await fs.stat(folder)
    if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' })
    for (const file of files) {
      const path = join(folder, `.${file.name}.${randomBytes(4).toString('hex')}.part`)
      const handle = await fs.open(path, 'wx')
      temporary.push(path)
      try {
        await handle.writeFile(file.bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
    }
    for (const [i, file] of files.entries()) {
      const target = join(folder, file.name)
      await fs.rename(temporary[i]!, target)
      renamed.push(target)
    }
    await syncFolder(folder, fs)
  } catch (error) {
    const left = [...temporary.filter((_, i) => i >= renamed.length), ...renamed]
    await Promise.all(left.map((path) => fs.unlink(path).catch(() => undefined)))
    const code = codeOf(error)
    throw new ExportWriteError(code, reasonInWords(code, folder))
  }
}

/** Flushes the folder's entry for the renamed files; Windows cannot open a folder, and needs not. */
async function syncFolder(folder: string, fs: ExportFileSystem): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
