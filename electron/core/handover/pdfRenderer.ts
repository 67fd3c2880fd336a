// Handover PDFs are laid out on a worker thread (pdfWorker.ts) that the desk starts a few
// seconds after it opens and keeps: a busy shift's PDF then takes about a third of the time it
// takes in a thread that has never laid one out, and the desk's own thread stays free to answer
// while it is made. The CLI, which makes one PDF and exits, starts the thread without the
// warm-up. A thread that fails is replaced at the next PDF.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { HandoverRecord } from '#shared/handover.ts'
import { PDF_FONT_FILE } from '../paths.ts'
import type { PdfAnswer, PdfJob, PdfWorkerData } from './pdfWorker.ts'

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

/** `warmUpAfterMs`: start the thread and warm it up that long from now; null to start it at
 * the first PDF, cold. */
export function pdfRenderer({ warmUpAfterMs }: { warmUpAfterMs: number | null }): PdfRenderer {
  let worker: Worker | null = null
  let nextId = 1
  const waiting = new Map<number, { resolve: (pdf: Buffer) => void; reject: (e: Error) => void }>()

  function failAll(error: Error) {
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }

  function start(warmUp: boolean): Worker {
    const data: PdfWorkerData = { font: readFileSync(PDF_FONT_FILE), warmUp }
    const started = new Worker(findWorker(), { workerData: data })
    // An idle thread must not keep the process (the CLI, a test) alive.
    started.unref()
    started.on('message', (answer: PdfAnswer) => {
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
    started.on('error', (error) => lost(error.message))
    started.on('exit', (code) => lost(`its thread stopped (exit code ${code})`))
    return started
  }

  const timer =
    warmUpAfterMs === null ? null : setTimeout(() => (worker ??= start(true)), warmUpAfterMs)
  timer?.unref()

  return {
    render(record) {
      worker ??= start(false)
      const id = nextId++
      const running = worker
      running.ref()
      return new Promise<Buffer>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
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
