// The hand over of a busy shift (200 incidents worked through the app's own calls: attempts,
// DASH, referrals, escalations, notes), timed from the call to the files on disk in all three
// formats; and a year's figures (50,000 incidents over 1,095 shifts, generated straight into the
// tables the app writes, since working them through the calls would take an hour) through
// figures.get with its weekly series.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { openDesk } from '../../electron/core/desk.ts'
import type { Desk } from '../../electron/core/desk.ts'
import { dispatch } from '../../electron/core/api/dispatch.ts'
import { applyRecords } from '../../electron/core/feed/applyRecords.ts'
import { incidentQueries } from '../../electron/core/db/incidentQueries.ts'
import { validateRecord } from '../../electron/core/feed/validateRecord.ts'
import { syntheticIncidents } from '../../electron/demo/syntheticIncidents.ts'
import type { CallName, CallResults } from '../../shared/contract.ts'
import type { HandoverRecord } from '../../shared/handover.ts'
import { PDF_WARM_UP_DELAY_MS, pdfRenderer } from '../../electron/core/handover/pdfRenderer.ts'
import { toIsoUtc } from '../../shared/time.ts'
import { loadScript } from '../../electron/core/script/loadScript.ts'
import { DEFAULT_SCRIPT_FILE } from '../../electron/core/paths.ts'
import { TEST_KEY } from '../support/databaseKey.ts'

export interface HandoverBench {
  incidents: number
  /** shift.handOver with PDF, CSV and JSON: record, render, write, fsync, audit. */
  handOverMs: number
  /** The CPU time it took (the machine may be shared: wall time waits for the others). */
  handOverCpuMs: number
  /** The longest the thread could not answer another call meanwhile. */
  handOverLongestStallMs: number
  /** The same shift's PDF alone, on a thread that has never laid one out (the CLI's case, or a
   * hand over in the first seconds after the desk opens, before its PDF thread is warm). */
  coldPdfMs: number
  pdfPages: number
  bytes: number
  yearIncidents: number
  yearShifts: number
  yearRecords: number
  /** figures.get over the year, with its 53 weeks; median of the runs after a warm-up. */
  yearFiguresMs: number
  yearFiguresCpuMs: number
  /** The load average while it ran. */
  load: number
}

/** Ample time for the PDF thread's warm-up on a loaded 2-core machine (about 1.5 s of CPU). */
const WARM_UP_TAKES_MS = 8_000

/** The DASH questions of the script in force, in its order. */
const DASH = loadScript(DEFAULT_SCRIPT_FILE)
  .steps.flatMap((step) => step.questions)
  .filter((q) => q.kind === 'dash')
  .map((q) => q.id)

async function must<N extends CallName>(desk: Desk, name: N, request: unknown) {
  const result = await dispatch(desk.handlers, name, request)
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`)
  return result.value as CallResults[N]
}

async function feed(desk: Desk, count: number, startMs: number, spacingMs: number, nowMs: number) {
  const records = syntheticIncidents({ count, startMs, spacingMs }).map((raw, i) => {
    const checked = validateRecord(raw, `index ${i}`, nowMs)
    if (!checked.ok) throw new Error(JSON.stringify(checked.rejections))
    return checked.incident
  })
  await applyRecords(desk.db, incidentQueries(desk.db), records, {
    origin: 'feed',
    via: 'bench',
    now: () => nowMs,
  })
}

async function busyShift(count: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  const start = Date.parse('2026-11-21T14:00:00Z')
  let nowMs = start
  const desk = openDesk({ dataDir, now: () => nowMs, watchInbox: false, key: TEST_KEY })
  try {
    await feed(desk, count, start - count * 60_000, 60_000, start)
    await must(desk, 'session.signIn', {
      workerName: 'Bench Worker',
      organisation: 'Harbour',
      pin: '2468',
    })
    const ids = (await must(desk, 'incidents.list', {})).map((r) => r.id)
    for (const [i, incidentId] of ids.entries()) {
      nowMs = start + i * 120_000
      await must(desk, 'incidents.get', { id: incidentId })
      for (const result of ['no-answer', 'spoke-to-victim']) {
        await must(desk, 'contact.logAttempt', {
          incidentId,
          number: '07700 900123',
          result,
          callBackAt: null,
          note: 'Safe to talk; agreed to ring back tomorrow.',
        })
      }
      if (i % 4 === 0) {
        for (const [n, questionId] of DASH.entries()) {
          await must(desk, 'script.answer', {
            incidentId,
            scriptVersion: '1',
            questionId,
            value: n < 15 ? 'yes' : 'no',
          })
        }
        await must(desk, 'referrals.add', {
          incidentId,
          service: 'marac',
          otherService: null,
          decision: 'consented',
          detail: null,
        })
      }
      await must(desk, 'referrals.add', {
        incidentId,
        service: 'idva',
        otherService: null,
        decision: 'consented',
        detail: null,
      })
      for (let n = 0; n < 3; n++) {
        await must(desk, 'notes.add', {
          incidentId,
          text: `Note ${n + 1}: what the victim said, what was agreed and what happens next. `.repeat(
            3,
          ),
          tags: n === 2 ? ['action'] : ['rapport'],
          actionOwner: n === 2 ? 'police' : null,
          amends: null,
        })
      }
      const row = (await must(desk, 'incidents.get', { id: incidentId })).row
      if (i % 10 === 0 && row.grade > 1) {
        const e = await must(desk, 'escalations.raise', {
          incidentId,
          reasons: ['weapon'],
          detail: 'Knife mentioned.',
          recommendedGrade: row.grade - 1,
          fromSuggestion: [],
        })
        await must(desk, 'escalations.acknowledge', { escalationId: e.id, controller: 'PC 1' })
      }
    }
    nowMs = start + count * 120_000 + 60_000
    // A real hand over comes hours after the desk opened, by when its PDF thread has started and
    // warmed up; this shift took seconds, so it waits for that first (coldPdfMs below is the PDF
    // on a thread that has not).
    await new Promise((resolve) => setTimeout(resolve, PDF_WARM_UP_DELAY_MS + WARM_UP_TAKES_MS))
    const folder = mkdtempSync(join(tmpdir(), 'da-desk-bench-out-'))
    const delay = monitorEventLoopDelay({ resolution: 1 })
    delay.enable()
    const began = performance.now()
    const cpu = process.cpuUsage()
    const result = await must(desk, 'shift.handOver', {
      formats: ['pdf', 'csv', 'json'],
      statsOnly: false,
      outDir: folder,
    })
    const handOverMs = performance.now() - began
    const used = process.cpuUsage(cpu)
    delay.disable()
    const handOverLongestStallMs = delay.max / 1e6
    const handOverCpuMs = (used.user + used.system) / 1000
    const { execFileSync } = await import('node:child_process')
    let pdfPages = 0
    try {
      const info = execFileSync('pdfinfo', [result.files[0]!.path], { encoding: 'utf8' })
      pdfPages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
    } catch {
      // pdfinfo (poppler-utils) is not installed: the page count is left out.
    }
    const record = JSON.parse(
      readFileSync(result.files.find((f) => f.format === 'json')!.path, 'utf8'),
    ) as HandoverRecord
    const cold = pdfRenderer({ warmUpAfterMs: null })
    const coldBegan = performance.now()
    await cold.render(record)
    const coldPdfMs = performance.now() - coldBegan
    await cold.close()
    rmSync(folder, { recursive: true, force: true })
    return {
      handOverMs,
      handOverCpuMs,
      handOverLongestStallMs,
      coldPdfMs,
      pdfPages,
      bytes: result.files.reduce((n, f) => n + f.bytes, 0),
    }
  } finally {
    await desk.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** A year of shifts written straight into the app's tables, as the calls would write them. */
export async function yearOfShifts(incidents: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'da-desk-bench-'))
  const yearStart = Date.parse('2026-01-01T00:00:00Z')
  const nowMs = Date.parse('2027-01-01T12:00:00Z')
  const desk = openDesk({ dataDir, now: () => nowMs, watchInbox: false, key: TEST_KEY })
  const shifts = 3 * 365
  const perShift = Math.ceil(incidents / shifts)
  const shiftMs = 8 * 60 * 60_000
  await feed(desk, incidents, yearStart, Math.floor((365 * 24 * 60 * 60_000) / incidents), nowMs)
  const db = desk.db
  const ids = db.prepare('SELECT id, received_at FROM incidents ORDER BY id').all() as {
    id: number
    received_at: string
  }[]
  const insert = {
    session: db.prepare(
      `INSERT INTO sessions (worker_name, organisation, signed_in_at, signed_out_at)
       VALUES (:name, 'Harbour', :from, :to)`,
    ),
    shift: db.prepare(
      `INSERT INTO shifts (started_at, ended_at, handed_over_by) VALUES (:from, :to, :by)`,
    ),
    member: db.prepare(
      `INSERT INTO shift_sessions (session_id, shift_id) VALUES (:session, :shift)`,
    ),
    audit: db.prepare(
      `INSERT INTO audit_log (at, session_id, actor, action, incident_id, detail)
       VALUES (:at, :session, 'Bench', :action, :incident, '{}')`,
    ),
    attempt: db.prepare(
      `INSERT INTO contact_attempts (incident_id, at, number, result, recorded_by, session_id)
       VALUES (:incident, :at, '07700 900123', :result, 'Bench', :session)`,
    ),
    answer: db.prepare(
      `INSERT INTO script_answers (incident_id, script_id, script_version, question_id, value, at,
         recorded_by, session_id)
       VALUES (:incident, 'safe-contact', '1', :question, :value, :at, 'Bench', :session)`,
    ),
    referral: db.prepare(
      `INSERT INTO referrals (incident_id, service, decision, at, recorded_by, session_id)
       VALUES (:incident, :service, 'consented', :at, 'Bench', :session)`,
    ),
    outcome: db.prepare(
      `INSERT INTO contact_outcomes (incident_id, outcome, at, recorded_by, session_id)
       VALUES (:incident, 'moved-to-safety', :at, 'Bench', :session)`,
    ),
    escalation: db.prepare(
      `INSERT INTO escalations (incident_id, raised_at, raised_by, session_id, reasons,
         current_grade, recommended_grade)
       VALUES (:incident, :at, 'Bench', :session, '["weapon"]', 4, 2)`,
    ),
    acknowledgement: db.prepare(
      `INSERT INTO escalation_acknowledgements (escalation_id, at, controller, recorded_by,
         session_id)
       VALUES (:escalation, :at, 'PC 1', 'Bench', :session)`,
    ),
  }
  let records = 0
  db.transaction(() => {
    for (let s = 0; s < shifts; s++) {
      const from = yearStart + s * shiftMs
      const iso = (ms: number) => toIsoUtc(ms)
      const shift = Number(
        insert.shift.run({ from: iso(from), to: iso(from + shiftMs), by: 'Bench' }).lastInsertRowid,
      )
      const session = Number(
        insert.session.run({ name: `Worker ${s % 7}`, from: iso(from), to: iso(from + shiftMs) })
          .lastInsertRowid,
      )
      insert.member.run({ session, shift })
      for (let k = 0; k < perShift; k++) {
        const incident = ids[s * perShift + k]
        if (!incident) break
        const at = (minutes: number) => iso(from + k * 9 * 60_000 + minutes * 60_000)
        const base = { incident: incident.id, session }
        insert.audit.run({ ...base, at: at(0), action: 'incident.view' })
        insert.attempt.run({ ...base, at: at(1), result: 'no-answer' })
        insert.audit.run({ ...base, at: at(1), action: 'contact.attempt' })
        insert.attempt.run({ ...base, at: at(3), result: 'spoke-to-victim' })
        insert.audit.run({ ...base, at: at(3), action: 'contact.attempt' })
        records += 5
        if (k % 5 === 0) {
          for (const [n, question] of DASH.entries()) {
            insert.answer.run({ ...base, at: at(4), question, value: n < 14 ? 'yes' : 'no' })
          }
          insert.referral.run({ ...base, at: at(6), service: 'marac' })
          records += DASH.length + 1
        }
        if (k % 3 === 0) {
          insert.referral.run({ ...base, at: at(6), service: 'idva' })
          records++
        }
        if (k % 11 === 0) {
          insert.outcome.run({ ...base, at: at(7) })
          records++
        }
        if (k % 13 === 0) {
          const escalation = Number(insert.escalation.run({ ...base, at: at(2) }).lastInsertRowid)
          insert.acknowledgement.run({ escalation, session, at: at(5) })
          records += 2
        }
      }
    }
  })()
  await dispatch(desk.handlers, 'session.signIn', {
    workerName: 'Bench Manager',
    organisation: 'Harbour',
    pin: '2468',
  })
  return {
    desk,
    dataDir,
    shifts,
    records,
    close: async () => {
      await desk.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function benchHandover(busy = 200, year = 50_000): Promise<HandoverBench> {
  const shift = await busyShift(busy)
  const y = await yearOfShifts(year)
  try {
    const request = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }
    const runs: number[] = []
    const cpuRuns: number[] = []
    for (let i = 0; i < 6; i++) {
      const began = performance.now()
      const cpu = process.cpuUsage()
      const figures = await must(y.desk, 'figures.get', request)
      runs.push(performance.now() - began)
      const used = process.cpuUsage(cpu)
      cpuRuns.push((used.user + used.system) / 1000)
      if (figures.figures.incidentsReviewed !== year) {
        throw new Error(
          `expected ${year} incidents reviewed, got ${figures.figures.incidentsReviewed}`,
        )
      }
    }
    return {
      incidents: busy,
      ...shift,
      yearIncidents: year,
      yearShifts: y.shifts,
      yearRecords: y.records,
      yearFiguresMs: median(runs.slice(1)),
      yearFiguresCpuMs: median(cpuRuns.slice(1)),
      load: loadavg()[0]!,
    }
  } finally {
    await y.close()
  }
}

if (import.meta.main) console.log(await benchHandover())
