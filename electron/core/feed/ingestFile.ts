// Reads one feed file, validates it and stores its valid records; returns the file's report.
// Used by the inbox (which then moves the file) and by the CLI (which leaves it where it is).
// A large file is parsed on a worker thread and stored as its records arrive, so the thread that
// serves the app keeps answering while it is ingested.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Db } from '../db/openDatabase.ts'
import type { IncidentQueries } from '../db/incidentQueries.ts'
import type { FileReport } from '#shared/domain.ts'
import { applyRecords } from './applyRecords.ts'
import type { ApplyCounts, IngestOptions } from './applyRecords.ts'
import { MAX_FEED_FILE_BYTES } from './parseFeedFile.ts'
import { parseFeedFileOffThread } from './parseOffThread.ts'
import type { OffThreadOptions } from './parseOffThread.ts'

function fileError(file: string, error: string): FileReport {
  return { file, accepted: 0, updated: 0, unchanged: 0, rejected: [], error }
}

const mebibytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1)

export async function ingestFile(
  db: Db,
  incidents: IncidentQueries,
  path: string,
  options: Omit<IngestOptions, 'origin' | 'via'> & { parse?: OffThreadOptions },
): Promise<FileReport> {
  const file = basename(path)
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (!info.isFile()) return fileError(file, 'not a file')
    if (info.size > MAX_FEED_FILE_BYTES) {
      const limit = `DA Desk reads files up to ${MAX_FEED_FILE_BYTES / (1024 * 1024)} MiB`
      return fileError(file, `the file is too large (${mebibytes(info.size)} MiB; ${limit})`)
    }
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    return fileError(file, `the file could not be read (${code})`)
  }
  const counts: ApplyCounts = { accepted: 0, updated: 0, unchanged: 0 }
  const parsed = await parseFeedFileOffThread(
    file,
    bytes,
    options.now(),
    async (valid) => {
      const stored = await applyRecords(
        db,
        incidents,
        valid.map((v) => v.incident),
        { ...options, origin: 'feed', via: file },
      )
      counts.accepted += stored.accepted
      counts.updated += stored.updated
      counts.unchanged += stored.unchanged
    },
    options.parse,
  )
  return { file, ...counts, rejected: parsed.rejected, error: parsed.error }
}
