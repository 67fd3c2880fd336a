// The worker-thread side of parseOffThread.ts: parses one feed file with parseFeedFile, away from
// the thread that serves the app, answers with the file's verdict first, then hands over the valid
// records one chunk per request, so the other thread never has a backlog of chunks to deserialise
// in one go. Node runs it as parseWorker.ts; the Electron main build emits it as parseWorker.js.
import { parentPort, workerData } from 'node:worker_threads'
import type { Rejection } from '#shared/domain.ts'
import { parseFeedFile } from './parseFeedFile.ts'
import type { ValidRecord } from './parseFeedFile.ts'

export interface ParseRequest {
  fileName: string
  bytes: Uint8Array
  nowMs: number
  recordsPerChunk: number
}

/** The first answer; after it, each message the worker receives asks for the next chunk. */
export interface ParseVerdict {
  kind: 'verdict'
  error: string | null
  rejected: Rejection[]
  validCount: number
}

export interface RecordChunk {
  kind: 'records'
  records: ValidRecord[]
}

export type ParseAnswer = ParseVerdict | RecordChunk

const port = parentPort
if (port) {
  const request = workerData as ParseRequest
  const { error, valid, rejected } = parseFeedFile(request.fileName, request.bytes, request.nowMs)
  let next = 0
  port.on('message', () => {
    const records = valid.slice(next, next + request.recordsPerChunk)
    next += records.length
    port.postMessage({ kind: 'records', records } satisfies RecordChunk)
  })
  port.postMessage({
    kind: 'verdict',
    error,
    rejected,
    validCount: valid.length,
  } satisfies ParseVerdict)
}
