// The worker-thread side of pdfRenderer.ts: lays out handover PDFs off the thread that serves
// the app, so the desk answers while a busy shift's 136 pages are set. Started when the desk
// opens, it warms up on a made-up record (warmUpRecord.ts), then waits: an idle thread does no
// garbage collection, so pdfkit's code stays compiled and optimised until the hand over.
// Node runs it as pdfWorker.ts; the Electron main build emits pdfWorker.js.
import { parentPort, workerData } from 'node:worker_threads'
import type { HandoverRecord } from '#shared/handover.ts'
import { renderPdf } from './renderPdf.ts'
import { warmUpRecord } from './warmUpRecord.ts'

export interface PdfWorkerData {
  /** DejaVu Sans, read by the main thread (which can read inside the packaged app's archive). */
  font: Uint8Array
  warmUp: boolean
}

export interface PdfJob {
  id: number
  record: HandoverRecord
}

export type PdfAnswer =
  | { ready: true }
  | { id: number; ok: true; pdf: Uint8Array }
  | { id: number; ok: false; message: string }

/** Enough made-up incidents, laid out enough times, for V8 to optimise the layout code. */
const WARM_UP_INCIDENTS = 50
const WARM_UP_RUNS = 3

const port = parentPort!
// Its code loaded (pdfkit and the rest): a failure from now on is a failure to make a PDF.
port.postMessage({ ready: true } satisfies PdfAnswer)
const { font, warmUp } = workerData as PdfWorkerData
const fontBytes = Buffer.from(font)
let jobs = 0

port.on('message', async ({ id, record }: PdfJob) => {
  jobs++
  let answer: PdfAnswer
  try {
    answer = { id, ok: true, pdf: await renderPdf(record, fontBytes) }
  } catch (error) {
    answer = { id, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(answer)
})

if (warmUp) {
  const record = warmUpRecord(WARM_UP_INCIDENTS)
  // A real hand over warms it as well as this would: once one comes, the warm-up stops.
  for (let run = 0; run < WARM_UP_RUNS && jobs === 0; run++) await renderPdf(record, fontBytes)
}
