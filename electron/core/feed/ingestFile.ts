// Reads one feed file, validates it and stores its valid records; returns the file's report.
// Used by the inbox (which then moves the file) and by the CLI (which leaves it where it is).
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Db } from '../db/openDatabase.ts'
import type { IncidentQueries } from '../db/incidentQueries.ts'
import type { FileReport } from '#shared/domain.ts'
import { parseFeedFile } from './parseFeedFile.ts'

const MAX_FEED_FILE_BYTES = 64 * 1024 * 1024
import { applyRecords } from './applyRecords.ts'
import type { IngestOptions } from './applyRecords.ts'

function fileError(file: string, error: string): FileReport {
  return { file, accepted: 0, updated: 0, unchanged: 0, rejected: [], error }
}

export async function ingestFile(
  db: Db,
  incidents: IncidentQueries,
  path: string,
  options: Omit<IngestOptions, 'origin' | 'via'>,
): Promise<FileReport> {
  const file = basename(path)
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (!info.isFile()) return fileError(file, 'not a file')
    if (info.size > MAX_FEED_FILE_BYTES) {
      return fileError(file, `the file is too large (${info.size} bytes; the limit is ${MAX_FEED_FILE_BYTES})`)
    }
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    return fileError(file, `the file could not be read (${code})`)
  }
  const parsed = parseFeedFile(file, bytes, options.now())
  if (parsed.error !== null) return fileError(file, parsed.error)
  const counts = await applyRecords(
    db,
    incidents,
    parsed.valid.map((v) => v.incident),
    { ...options, origin: 'feed', via: file },
  )
  return { file, ...counts, rejected: parsed.rejected, error: null }
}
