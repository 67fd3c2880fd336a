// Parses a feed file without blocking the thread that serves the app: a large file is parsed on a
// worker thread (parseWorker.ts), which gives the file's verdict as soon as it has read the file
// whole, then validates its records a chunk at a time while this thread stores the chunk before,
// so a large file takes about as long as the slower of the two, not both end to end; a chunk is
// asked for one ahead, so there is never a backlog to deserialise at once. A small file, the
// common case, is parsed here, since starting a worker costs more than parsing it. Whatever the
// worker does (throws, runs out of memory, exits, never answers) becomes a whole-file error, never
// an exception or a hang.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Rejection } from '#shared/domain.ts'
import { parseFeedFile } from './parseFeedFile.ts'
import type { ValidRecord } from './parseFeedFile.ts'
import type { ParseAnswer, ParseRequest } from './parseWorker.ts'

export interface FeedFileOutcome {
  /**
   * Set when the file could not be parsed; rejected is then empty. Usually nothing was handed on
   * then; only a worker that fails after handing on some records leaves those records handed on
   * (storing is idempotent, so dropping the file again completes it).
   */
  error: string | null
  rejected: Rejection[]
}

export interface OffThreadOptions {
  /** Files up to this size are parsed on the calling thread. */
  inThreadUpToBytes?: number
  /** The longest wait for any one answer from the worker. */
  timeoutMs?: number
  /** The most records in one chunk; the worker's first chunks are smaller (parseWorker.ts). */
  recordsPerChunk?: number
  /** Heap limit of the worker; a file that needs more is rejected, the app carries on. */
  maxHeapMb?: number
  /** The worker script; by default the one beside this module, built or as source. */
  workerUrl?: URL
}

/**
 * Parsing 256 KiB here blocks for about 10 ms (JSON) to 20 ms (CSV), 1 MiB for 30 to 120 ms;
 * starting the worker adds about 50 ms of latency. Single-incident files, dropped every few
 * seconds, are a few KiB and stay here; batch exports, where 50 ms is not noticed, go to a worker.
 */
const IN_THREAD_UP_TO_BYTES = 256 * 1024
const TIMEOUT_MS = 2 * 60_000
/** 2,000 records deserialise in about 4 ms. */
const RECORDS_PER_CHUNK = 2000
/** The worst file the feed accepts (a million short CSV rows) needs about 750 MB to parse. */
const MAX_HEAP_MB = 1536

/**
 * Parses like parseFeedFile and hands the valid records to `onRecords` in file order, in one or
 * more chunks, waiting for each call to finish. Does not throw for anything the file or the worker
 * does; an exception from `onRecords` is passed on. The worker takes `bytes` over: a caller must
 * not use them afterwards.
 */
export async function parseFeedFileOffThread(
  fileName: string,
  bytes: Uint8Array,
  nowMs: number,
  onRecords: (records: ValidRecord[]) => Promise<void>,
  options: OffThreadOptions = {},
): Promise<FeedFileOutcome> {
  if (bytes.length <= (options.inThreadUpToBytes ?? IN_THREAD_UP_TO_BYTES)) {
    const { error, valid, rejected } = parseFeedFile(fileName, bytes, nowMs)
    if (error === null && valid.length) await onRecords(valid)
    return { error, rejected }
  }
  const request: ParseRequest = {
    fileName,
    bytes,
    nowMs,
    recordsPerChunk: options.recordsPerChunk ?? RECORDS_PER_CHUNK,
  }
  const worker = startWorker(request, options)
  if (typeof worker === 'string') return { error: notParsed(worker), rejected: [] }
  try {
    return await receive(worker, onRecords, options.timeoutMs ?? TIMEOUT_MS)
  } finally {
    void worker.terminate()
  }
}

function notParsed(reason: string): string {
  return `the file could not be parsed: ${reason}`
}

let defaultWorkerUrl: URL | undefined

/**
 * parseWorker.js beside the Electron main bundle (in a packaged app, its copy unpacked from
 * app.asar, since a worker thread loads its script through Node's own loader), or
 * parseWorker.ts beside this source file.
 */
function findWorker(): URL {
  const built = new URL('./parseWorker.js', import.meta.url)
  const source = new URL('./parseWorker.ts', import.meta.url)
  const unpacked = new URL(built.href.replace('/app.asar/', '/app.asar.unpacked/'))
  defaultWorkerUrl ??=
    [unpacked, built, source].find((url) => existsSync(fileURLToPath(url))) ?? source
  return defaultWorkerUrl
}

/** The worker, or why it could not be started. */
function startWorker(request: ParseRequest, options: OffThreadOptions): Worker | string {
  // Hand the file's memory over rather than copy it, unless it shares a buffer with other data.
  const { buffer } = request.bytes
  const whole =
    buffer instanceof ArrayBuffer &&
    request.bytes.byteOffset === 0 &&
    request.bytes.byteLength === buffer.byteLength
  try {
    return new Worker(options.workerUrl ?? findWorker(), {
      workerData: request,
      transferList: whole ? [buffer] : [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? MAX_HEAP_MB },
    })
  } catch (error) {
    return `the parser could not be started (${describe(error)})`
  }
}

/** What went wrong, in one line, without paths or stack. */
function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code) return code
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error)
}

function workerFailure(error: unknown): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return 'it needs more memory than DA Desk allows for one file'
  }
  return `the parser failed (${describe(error)})`
}

/** Reads the worker's answers in order; a failure or a timeout ends the reading. */
function answers(worker: Worker, timeoutMs: number): () => Promise<ParseAnswer | string> {
  const queue: ParseAnswer[] = []
  let failure: string | null = null
  let wake: (() => void) | null = null
  const fail = (reason: string) => {
    failure ??= reason
    wake?.()
  }
  worker.on('message', (answer: ParseAnswer) => {
    queue.push(answer)
    wake?.()
  })
  worker.on('messageerror', (error) => fail(`its answer could not be read (${describe(error)})`))
  worker.on('error', (error) => fail(workerFailure(error)))
  worker.on('exit', (code) => fail(`the parser stopped unexpectedly (exit code ${code})`))
  return async () => {
    if (!queue.length && failure === null) {
      let timer: NodeJS.Timeout | undefined
      await new Promise<void>((resolve) => {
        wake = resolve
        const limit = `${timeoutMs / 1000} seconds`
        timer = setTimeout(() => fail(`the parser did not answer within ${limit}`), timeoutMs)
      })
      wake = null
      clearTimeout(timer)
    }
    return queue.shift() ?? failure!
  }
}

const OUT_OF_TURN = 'the parser answered out of turn'

async function receive(
  worker: Worker,
  onRecords: (records: ValidRecord[]) => Promise<void>,
  timeoutMs: number,
): Promise<FeedFileOutcome> {
  const next = answers(worker, timeoutMs)
  const verdict = await next()
  if (typeof verdict === 'string') return { error: notParsed(verdict), rejected: [] }
  if (verdict.kind !== 'verdict') return { error: notParsed(OUT_OF_TURN), rejected: [] }
  if (verdict.error !== null) return { error: verdict.error, rejected: [] }
  worker.postMessage('next')
  for (;;) {
    const answer = await next()
    if (typeof answer === 'string') return { error: notParsed(answer), rejected: [] }
    const last = answer.kind === 'records' && answer.rejected !== undefined
    if (answer.kind !== 'records' || (!last && !answer.records.length)) {
      return { error: notParsed(OUT_OF_TURN), rejected: [] }
    }
    // Ask for the next chunk now, so the worker hands it over while this one is stored.
    if (!last) worker.postMessage('next')
    // The chunk may have arrived while the last one was stored: let the event loop turn between.
    await new Promise((resolve) => setImmediate(resolve))
    if (answer.records.length) await onRecords(answer.records)
    if (last) return { error: null, rejected: answer.rejected ?? [] }
  }
}
