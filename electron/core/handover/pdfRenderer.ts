// Handover PDFs are laid out on a worker thread (pdfWorker.ts) that the desk starts a few
// seconds after it opens and keeps: a busy shift's PDF then takes about a third of the time it
// takes in a thread that has never laid one out, and the desk's own thread stays free to answer
// while it is made. The CLI, which makes one PDF and exits, starts the thread without the
// warm-up. A thread that fails is replaced at the next PDF; a thread that cannot even load its
// code (a packaged app whose thread cannot read pdfkit) is not tried again, and the PDFs are laid
// out on the calling thread instead, as they were before: slower, but the hand over is made.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { HandoverRecord } from '#shared/handover.ts'
import { PDF_FONT_FILE } from '../paths.ts'
import type { PdfAnswer, PdfJob, PdfWorkerData } from './pdfWorker.ts'
import { renderPdf } from './renderPdf.ts'

export interface PdfRenderer {
  render(record: HandoverRecord): Promise<Buffer>
  /** Stops the thread; a PDF being made fails. */
  close(): Promise<void>
}

/** How long after the desk opens its PDF thread starts, leaving the start-up checks the CPU. */
export const PDF_WARM_UP_DELAY_MS = 5_000

let workerUrl: URL | undefined

/**
 * pdfWorker.js beside the Electron main bundle (in a packaged app, its copy unpacked from
 * app.asar), or pdfWorker.ts beside this source file.
 */
function findWorker(): URL {
  const built = new URL('./pdfWorker.js', import.meta.url)
  const source = new URL('./pdfWorker.ts', import.meta.url)
  const unpacked = new URL(built.href.replace('/app.asar/', '/app.asar.unpacked/'))
  workerUrl ??= [unpacked, built, source].find((url) => existsSync(fileURLToPath(url))) ?? source
  return workerUrl
}

interface Options {
  /** Start the thread and warm it up this long from now; null to start it at the first PDF. */
  warmUpAfterMs: number | null
  /** The thread's script; pdfWorker's own unless a test gives another. */
  workerUrl?: URL
}

interface Job {
  record: HandoverRecord
  resolve: (pdf: Buffer) => void
  reject: (e: Error) => void
}

export function pdfRenderer({ warmUpAfterMs, workerUrl }: Options): PdfRenderer {
  let worker: Worker | null = null
  /** Set once a thread failed before it could load its code: from then on, PDFs are made here. */
  let onThisThread = false
  let nextId = 1
  const waiting = new Map<number, Job>()
  const font = () => readFileSync(PDF_FONT_FILE)

  const here = (record: HandoverRecord) =>
    renderPdf(record, font()).catch((error: unknown) => {
      throw new Error(`the PDF could not be made: ${(error as Error).message}`)
    })

  function failAll(error: Error) {
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }

  function start(warmUp: boolean): Worker {
    const data: PdfWorkerData = { font: font(), warmUp }
    const started = new Worker(workerUrl ?? findWorker(), { workerData: data })
    let loaded = false
    // An idle thread must not keep the process (the CLI, a test) alive.
    started.unref()
    started.on('message', (answer: PdfAnswer) => {
      if ('ready' in answer) {
        loaded = true
        return
      }
      const job = waiting.get(answer.id)
      if (!job) return
      waiting.delete(answer.id)
      if (answer.ok) job.resolve(Buffer.from(answer.pdf))
      else job.reject(new Error(`the PDF could not be made: ${answer.message}`))
    })
    const lost = (why: string) => {
      if (worker === started) worker = null
      failAll(new Error(`the PDF could not be made: ${why}`))
    }
    started.on('error', (error) => {
      if (loaded) return lost(error.message)
      console.error(
        'DA Desk: the PDF thread could not load; PDFs are made on the main thread',
        error,
      )
      if (worker === started) worker = null
      onThisThread = true
      const jobs = [...waiting.values()]
      waiting.clear()
      for (const job of jobs) here(job.record).then(job.resolve, job.reject)
    })
    started.on('exit', (code) => lost(`its thread stopped (exit code ${code})`))
    return started
  }

  const timer =
    warmUpAfterMs === null
      ? null
      : setTimeout(() => {
          if (!onThisThread) worker ??= start(true)
        }, warmUpAfterMs)
  timer?.unref()

  return {
    render(record) {
      if (onThisThread) return here(record)
      worker ??= start(false)
      const id = nextId++
      const running = worker
      running.ref()
      return new Promise<Buffer>((resolve, reject) => {
        waiting.set(id, { record, resolve, reject })
        running.postMessage({ id, record } satisfies PdfJob)
      }).finally(() => {
        if (waiting.size === 0) running.unref()
      })
    },
    async close() {
      if (timer) clearTimeout(timer)
      const stopping = worker
      worker = null
      await stopping?.terminate()
    },
  }
}
