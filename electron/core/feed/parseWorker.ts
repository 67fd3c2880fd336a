// The worker-thread side of parseOffThread.ts: reads one feed file away from the thread that serves
// the app and answers with the file's verdict as soon as every check on the file as a whole is
// done, then validates its records a chunk at a time and hands over one chunk per request, always
// keeping the next one ready, so the other thread stores one chunk while this one validates the
// next, and never has a backlog of chunks to deserialise in one go. The last chunk carries the
// file's rejections. Node runs it as parseWorker.ts; the Electron main build emits parseWorker.js.
import { parentPort, workerData } from 'node:worker_threads'
import type { Rejection } from '#shared/domain.ts'
import { feedValidator, readFeedFile } from './parseFeedFile.ts'
import type { ValidRecord } from './parseFeedFile.ts'

export interface ParseRequest {
  fileName: string
  bytes: Uint8Array
  nowMs: number
  recordsPerChunk: number
}

/**
 * The first answer: why the whole file is rejected, or null when its records follow. After it,
 * each message the worker receives asks for the next chunk.
 */
export interface ParseVerdict {
  kind: 'verdict'
  error: string | null
}

export interface RecordChunk {
  kind: 'records'
  /** Never empty, except in the last chunk. */
  records: ValidRecord[]
  /** Set on the last chunk only: every rejection in the file. */
  rejected?: Rejection[]
}

export type ParseAnswer = ParseVerdict | RecordChunk

/** The records in the first chunk: validated in a few milliseconds even before the JIT warms up. */
const FIRST_CHUNK = 250

const port = parentPort
if (port) {
  const request = workerData as ParseRequest
  const read = readFeedFile(request.fileName, request.bytes)
  port.postMessage({ kind: 'verdict', error: read.error } satisfies ParseVerdict)
  if (read.candidates) {
    const validator = feedValidator(read.candidates, request.nowMs)
    // Small at first, so storing starts soon, then twice as large each time up to the full size.
    let size = Math.min(FIRST_CHUNK, request.recordsPerChunk)
    const prepare = (): RecordChunk => {
      const records = validator.next(size)
      size = Math.min(size * 2, request.recordsPerChunk)
      return validator.done
        ? { kind: 'records', records, rejected: validator.rejected() }
        : { kind: 'records', records }
    }
    let ready: RecordChunk | null = prepare()
    port.on('message', () => {
      if (!ready) return
      port.postMessage(ready)
      ready = ready.rejected ? null : prepare()
    })
  }
}
