// The shift and handover calls: the current shift, shifts in a period, the handover preview, the
// hand over itself (export, mark, end the shift, sign out), the figures for a period and their
// statistics-only export, and the C&C log update text. Every export is one audited record with
// its files' hashes; a failed write leaves nothing behind and ends nothing.
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import type { ExportFormat, ExportResult, HandoverRecord, Shift } from '#shared/handover.ts'
import { londonDate, toIsoUtc } from '#shared/time.ts'
import type { Handlers } from '../api/dispatch.ts'
import { fail, ok } from '../api/result.ts'
import type { Result } from '#shared/contract.ts'
import { handoverQueries } from '../db/handoverQueries.ts'
import type { HandoverQueries } from '../db/handoverQueries.ts'
import { actorOf } from '../deskContext.ts'
import type { DeskContext } from '../deskContext.ts'
import { APP_VERSION } from '../paths.ts'
import { ExportWriteError } from './atomicWrite.ts'
import { ccLogUpdate } from './ccLogUpdate.ts'
import { exportFiles } from './exportFiles.ts'
import type { WrittenExport } from './exportFiles.ts'
import { figuresPeriod, riskRule } from './figures.ts'
import { supportCarFigures } from '../supportCar/figures.ts'
import { handoverIncidents, handoverRecord } from './handoverRecord.ts'
import type { RecordOptions } from './handoverRecord.ts'
import { defaultExportDir } from './settings.ts'
import { joinableShift } from './shifts.ts'
import { oneExportAtATime } from './oneExportAtATime.ts'

type HandoverCall =
  | 'shift.current'
  | 'shift.list'
  | 'handover.preview'
  | 'shift.handOver'
  | 'figures.get'
  | 'figures.export'
  | 'handover.ccLogUpdate'

/** A London date for a file name: 2026-11-21. */
export function fileDate(iso: string): string {
  const d = londonDate(iso)
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
}

/** The base of an export's file names, e.g. DA-Desk-handover-shift-12-2026-11-21. */
export function exportBaseName(record: HandoverRecord): string {
  const { header } = record
  const kind = header.statisticsOnly ? 'statistics' : 'handover'
  if (header.scope === 'shift')
    return `DA-Desk-${kind}-shift-${header.shiftId}-${fileDate(header.from)}`
  // The period's last day is the day before the instant it ends.
  const lastDay = fileDate(toIsoUtc(Date.parse(header.to) - 1))
  return `DA-Desk-${kind}-${fileDate(header.from)}-to-${lastDay}`
}

/** What the audit log keeps of an export: who, when, what, where, and the hashes. */
export function exportAuditDetail(exportId: number, written: WrittenExport, folder: string) {
  const { manifest } = written
  return {
    exportId,
    scope: manifest.scope,
    shiftId: manifest.shiftId,
    from: manifest.from,
    to: manifest.to,
    statisticsOnly: manifest.statisticsOnly,
    incidents: manifest.incidents,
    folder,
    files: written.files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
    disclosedTo: manifest.statisticsOnly
      ? 'statistics only: no personal data'
      : manifest.scope === 'shift'
        ? 'police and the next shift (shift handover)'
        : 'the force (handover records for a period)',
  }
}

/** Records an export and its hand over marks; returns its id. */
export function recordExport(
  queries: HandoverQueries,
  written: WrittenExport,
  folder: string,
  sessionId: number | null,
  handsOver: { incidentIds: readonly number[] } | null,
): number {
  const { manifest } = written
  const exportId = queries.recordExport({
    at: manifest.exportedAt,
    scope: manifest.scope,
    shiftId: manifest.shiftId,
    from: manifest.from,
    to: manifest.to,
    statisticsOnly: manifest.statisticsOnly,
    handsOver: handsOver !== null,
    folder,
    manifest,
    exportedBy: manifest.exportedBy ?? 'statistics only',
    sessionId,
  })
  if (handsOver) queries.markHandedOver(exportId, handsOver.incidentIds, manifest.exportedAt)
  return exportId
}

export function handoverHandlers(context: DeskContext): Pick<Handlers, HandoverCall> {
  const { db, now, script, audit, signedIn } = context
  const queries = handoverQueries(db)
  const rule = riskRule(script)

  const noShift = () => fail<never>('bad-request', 'No shift is open: sign in to start one.')

  /** The folder to export to, checked; the default one is made when it is not there yet. */
  function exportFolder(outDir: string | null): Result<string> {
    const folder = outDir ?? context.settings().exportDir
    if (!isAbsolute(folder)) {
      return fail(
        'bad-request',
        'The export folder must be a full path, such as C:\\Handovers or /srv/handovers.',
      )
    }
    if (folder === defaultExportDir(context.dataDir)) mkdirSync(folder, { recursive: true })
    return ok(folder)
  }

  function recordOptions(
    shift: Shift,
    at: string,
    exportedBy: string,
    statisticsOnly: boolean,
  ): RecordOptions {
    const settings = context.settings()
    return {
      scope: 'shift',
      selection: { shiftId: shift.id, from: shift.startedAt, to: at, asAt: at },
      from: shift.startedAt,
      to: at,
      workers: shift.workers,
      service: settings.serviceName,
      force: settings.forceName,
      protectiveMarking: settings.protectiveMarking,
      exportedAt: at,
      exportedBy,
      appVersion: APP_VERSION,
      statisticsOnly,
    }
  }

  /** Writes the files; a write that fails is audited and becomes an 'io' error in words. */
  async function write(
    record: HandoverRecord,
    formats: ExportFormat[],
    folder: string,
    what: string,
    stillOpen: string,
  ): Promise<Result<WrittenExport>> {
    try {
      return ok(await exportFiles(record, formats, folder, exportBaseName(record), context.pdf))
    } catch (error) {
      if (!(error instanceof ExportWriteError)) throw error
      audit('handover.exportFailed', null, { folder, code: error.code, formats })
      return fail(
        'io',
        `${what} was not saved: ${error.message} No file was left behind${stillOpen}; ` +
          'choose another folder or try again.',
      )
    }
  }

  const handlers: Pick<Handlers, HandoverCall> = {
    // Before sign-in too: the sign-in screen says whether signing in joins this shift. It names
    // only the shift's start and its workers, which the top bar shows anyway.
    'shift.current': () => ok(joinableShift(queries, toIsoUtc(now()))),
    'shift.list': ({ from, to }) =>
      signedIn(() =>
        ok(queries.shiftsStarted(toIsoUtc(Date.parse(from)), toIsoUtc(Date.parse(to)))),
      ),
    'handover.preview': () =>
      signedIn((worker) => {
        const shift = queries.openShift()
        if (!shift) return noShift()
        const at = toIsoUtc(now())
        audit('handover.preview', null, { shiftId: shift.id })
        return ok(handoverRecord(queries, script, recordOptions(shift, at, actorOf(worker), false)))
      }),
    'shift.handOver': async ({ formats, statsOnly, outDir }) => {
      const worker = context.worker()
      if (!worker) return fail('not-signed-in', 'Sign in to start your shift first.')
      const shift = queries.openShift()
      if (!shift) return noShift()
      const folder = exportFolder(outDir)
      if (!folder.ok) return folder
      const at = toIsoUtc(now())
      const record = handoverRecord(
        queries,
        script,
        recordOptions(shift, at, actorOf(worker), statsOnly),
      )
      const written = await write(
        record,
        formats,
        folder.value,
        'The handover',
        ' and your shift is still open',
      )
      if (!written.ok) return written
      const incidentIds = record.incidents.map((i) => Number(i.id.slice('incident-'.length)))
      let exportId: number
      try {
        exportId = db.transaction(() => {
          if (!queries.endShift(shift.id, at, actorOf(worker))) {
            throw new Error('the shift ended while its handover was being written')
          }
          const id = recordExport(queries, written.value, folder.value, worker.id, {
            incidentIds,
          })
          audit('handover.export', null, exportAuditDetail(id, written.value, folder.value))
          return id
        })()
      } catch (error) {
        // Not recorded, so not handed over: the files must not stay either.
        await Promise.all(written.value.files.map((f) => rm(f.path, { force: true })))
        throw error
      }
      // The hand over stands whatever happens to its backup; the result says how that went.
      const backup = await context.backUp('handover')
      context.signOut()
      const result: ExportResult = {
        exportId,
        folder: folder.value,
        files: written.value.files,
        manifest: written.value.manifest,
        shift: queries.shift(shift.id)!,
        handedOver: incidentIds.length,
        backup,
      }
      return ok(result)
    },
    'figures.get': ({ from, to }) =>
      signedIn(() => {
        const period = {
          from: toIsoUtc(Date.parse(from)),
          to: toIsoUtc(Date.parse(to)),
          asAt: toIsoUtc(now()),
        }
        return ok({
          ...figuresPeriod(queries, period, rule),
          supportCar: supportCarFigures(context.db, period),
        })
      }),
    'figures.export': async ({ from, to, formats, outDir }) => {
      const worker = context.worker()
      if (!worker) return fail('not-signed-in', 'Sign in to start your shift first.')
      const period = { from: toIsoUtc(Date.parse(from)), to: toIsoUtc(Date.parse(to)) }
      const folder = exportFolder(outDir)
      if (!folder.ok) return folder
      const at = toIsoUtc(now())
      const asAt = period.to < at ? period.to : at
      const settings = context.settings()
      const shifts = queries.shiftsStarted(period.from, period.to)
      const record = handoverRecord(queries, script, {
        scope: 'period',
        selection: { shiftId: null, ...period, asAt },
        ...period,
        workers: [...new Set(shifts.flatMap((s) => s.workers))],
        service: settings.serviceName,
        force: settings.forceName,
        protectiveMarking: settings.protectiveMarking,
        exportedAt: at,
        exportedBy: actorOf(worker),
        appVersion: APP_VERSION,
        statisticsOnly: true,
      })
      const written = await write(record, formats, folder.value, 'The figures', '')
      if (!written.ok) return written
      const exportId = db.transaction(() => {
        const id = recordExport(queries, written.value, folder.value, worker.id, null)
        audit('handover.export', null, exportAuditDetail(id, written.value, folder.value))
        return id
      })()
      return ok({
        exportId,
        folder: folder.value,
        files: written.value.files,
        manifest: written.value.manifest,
        shift: null,
        handedOver: 0,
        backup: null,
      })
    },
    'handover.ccLogUpdate': ({ incidentId }) =>
      signedIn((worker) => {
        if (!context.incidents.row(incidentId)) {
          return fail('not-found', `No incident with id ${incidentId}.`)
        }
        const at = toIsoUtc(now())
        const { incidents } = handoverIncidents(
          queries,
          script,
          new Map([[incidentId, { firstAt: at, lastAt: at }]]),
          at,
          at,
          false,
        )
        // Pasting into the police log is a disclosure: logged, and it touches the incident.
        audit('handover.ccLogUpdate', incidentId, {})
        return ok({ text: ccLogUpdate(incidents[0]!, actorOf(worker), at) })
      }),
  }

  const oneAtATime = oneExportAtATime()
  return {
    ...handlers,
    'shift.handOver': oneAtATime('A hand over', handlers['shift.handOver']),
    'figures.export': oneAtATime('A figures export', handlers['figures.export']),
  }
}
