// npm run bench: runs every benchmark, prints the figures as a Markdown table (for the README)
// and writes them to tests/bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { benchIngest } from './ingest.bench.ts'
import { benchDropLatency } from './dropLatency.bench.ts'
import { benchQueue } from './queue.bench.ts'
import { benchIngestStall } from './ingestStall.bench.ts'
import { benchQueueList } from './queueList.bench.ts'
import { benchIncidentOpen } from './incidentOpen.bench.ts'
import { benchAuditVerify } from './auditVerify.bench.ts'
import { benchHandover } from './handover.bench.ts'
import { benchBackup } from './backup.bench.ts'
import { benchRepeats } from './repeats.bench.ts'

const ingest = await benchIngest()
console.log('ingest', ingest)
const stalls = await benchIngestStall()
console.log('ingest stalls', JSON.stringify(stalls))
const latency = await benchDropLatency()
console.log('drop-to-visible', latency)
const queue = await benchQueue()
console.log('queue', queue)
const queueList = await benchQueueList()
const incidentOpen = await benchIncidentOpen()
console.log('incident open', incidentOpen)
console.log('incidents.list', queueList)
const auditVerify = await benchAuditVerify()
console.log('audit verify', auditVerify)
const handover = await benchHandover()
console.log('handover', handover)
const backup = await benchBackup()
console.log('backup', backup)
const repeats = benchRepeats()
console.log('repeats', repeats)

const r = (n: number) => Math.round(n)
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.`,
  '',
  '| benchmark | figure | target |',
  '| --- | --- | --- |',
  `| drop-to-visible, ${latency.files} single-incident files | p50 ${r(latency.p50Ms)} ms, p95 ${r(latency.p95Ms)} ms (max ${r(latency.maxMs)} ms) | p95 ≤ 500 ms |`,
  `| ingest ${ingest.records.toLocaleString('en-GB')} records, one file | ${r(ingest.appMs)} ms (${r(ingest.recordsPerSecond).toLocaleString('en-GB')} records/s); bare insert loop ${r(ingest.bareMs)} ms; ratio ${ingest.ratio.toFixed(2)}× | within 3× |`,
  `| queue of ${queue.incidents.toLocaleString('en-GB')} open incidents: sign-in to first row | ${queue.firstRenderMs} ms | — |`,
  `| incidents.list, ${queueList.incidents.toLocaleString('en-GB')} incidents with ${queueList.attempts.toLocaleString('en-GB')} contact attempts | ${r(queueList.listMs)} ms (no attempts yet: ${r(queueList.withoutAttemptsMs)} ms; with ${queueList.escalations.toLocaleString('en-GB')} escalations too: ${r(queueList.withEscalationsMs)} ms) | — |`,
  `| holding ↓ through ${queue.keyPresses} rows | longest task ${queue.longestTaskMs} ms (${queue.longTasksOver50Ms} over 50 ms); slowest key press to frame ${queue.slowestKeyPressMs} ms | no task over 50 ms |`,
  `| open an incident with ${incidentOpen.notes} notes and ${incidentOpen.attempts} attempts | ${incidentOpen.openMs} ms to its latest note on screen; paging through the timeline: longest task ${incidentOpen.longestTaskMs} ms (${incidentOpen.longTasksOver50Ms} over 50 ms) | smooth |`,
  `| start-up check of the audit chain, ${auditVerify.entries.toLocaleString('en-GB')} entries | ${r(auditVerify.verifyMs)} ms (CPU ${r(auditVerify.verifyCpuMs)} ms); the whole openDesk ${r(auditVerify.openDeskMs)} ms | under a second |`,
  `| hand over a busy shift: ${handover.incidents} incidents to PDF (${handover.pdfPages} pages), CSV and JSON with the manifest | ${r(handover.handOverMs)} ms (${r(handover.handOverCpuMs)} ms of CPU; load average ${handover.load.toFixed(1)}); longest stall ${r(handover.handOverLongestStallMs)} ms; the PDF alone on a cold thread ${r(handover.coldPdfMs)} ms | under 1 s |`,
  `| a year's figures: ${handover.yearIncidents.toLocaleString('en-GB')} incidents, ${handover.yearShifts.toLocaleString('en-GB')} shifts, ${handover.yearRecords.toLocaleString('en-GB')} records, with 53 weeks | ${r(handover.yearFiguresMs)} ms (${r(handover.yearFiguresCpuMs)} ms of CPU) | under 1 s |`,
  `| start-up quick_check of a year's database (${backup.incidents.toLocaleString('en-GB')} incidents, ${backup.megabytes.toFixed(0)} MB) | ${r(backup.quickCheckMs)} ms (${r(backup.quickCheckCpuMs)} ms of CPU); the whole openDesk ${r(backup.openDeskMs)} ms | — |`,
  `| back up that database (copy, sync, integrity_check, hash; on a worker thread) | ${r(backup.backupMs)} ms (${r(backup.backupCpuMs)} ms of CPU); the app's thread blocked at most ${r(backup.backupStallMs)} ms | the window never freezes |`,
  `| previous incidents on ${repeats.incidents.toLocaleString('en-GB')} incidents over three years: matches, their outcome and risk, and the counts, for ${repeats.opened} incidents | p50 ${repeats.openP50Ms.toFixed(1)} ms, p95 ${repeats.openP95Ms.toFixed(1)} ms; listing every incident with its repeat counts ${r(repeats.listMs)} ms (all but 1,000 done: ${r(repeats.listMostlyDoneMs)} ms) | — |`,
  ...stalls.map(
    (s) =>
      `| longest event-loop stall while ingesting ${s.records.toLocaleString('en-GB')} records (${s.megabytes.toFixed(1)} MB CSV) | ${r(s.app.maxStallMs)} ms (parsing on the same thread: ${r(s.inThread.maxStallMs)} ms) | the window never freezes |`,
  ),
]
console.log(`\n${lines.join('\n')}`)
const dir = join(import.meta.dirname, 'results')
mkdirSync(dir, { recursive: true })
writeFileSync(
  join(dir, 'latest.json'),
  JSON.stringify(
    {
      ingest,
      stalls,
      latency,
      queue,
      queueList,
      incidentOpen,
      auditVerify,
      handover,
      backup,
      repeats,
    },
    null,
    2,
  ),
)
