// Renders a handover record in the formats asked for, adds the manifest (every file's name, size
// and SHA-256) and writes the set into the folder, all or nothing. The app, the CLI and the
// tests all export through here, so they write the same files.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type {
  ExportedFile,
  ExportFormat,
  ExportManifest,
  HandoverRecord,
} from '#shared/handover.ts'
import { EXPORT_FORMATS } from '#shared/handover.ts'
import type { ExportFileSystem } from './atomicWrite.ts'
import { freeBaseName, writeFilesAtomically } from './atomicWrite.ts'
import type { PdfRenderer } from './pdfRenderer.ts'
import { renderCsv } from './renderCsv.ts'

export const MANIFEST_SUFFIX = '.manifest.json'

/** The JSON export: the record itself, as the published schema describes it. */
export const renderJson = (record: HandoverRecord) =>
  Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8')

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

async function render(
  record: HandoverRecord,
  format: ExportFormat,
  pdf: PdfRenderer,
): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return pdf.render(record)
    case 'csv':
      return renderCsv(record)
    case 'json':
      return renderJson(record)
  }
}

export interface WrittenExport {
  files: ExportedFile[]
  manifest: ExportManifest
}

export async function exportFiles(
  record: HandoverRecord,
  formats: readonly ExportFormat[],
  folder: string,
  baseName: string,
  pdf: PdfRenderer,
  fs?: ExportFileSystem,
): Promise<WrittenExport> {
  const ordered = EXPORT_FORMATS.filter((f) => formats.includes(f))
  const base = await freeBaseName(
    folder,
    baseName,
    [...ordered.map((f) => `.${f}`), MANIFEST_SUFFIX],
    fs,
  )
  const rendered = await Promise.all(
    ordered.map(async (format) => {
      const bytes = await render(record, format, pdf)
      return { format, name: `${base}.${format}`, bytes }
    }),
  )
  const { header } = record
  const manifest: ExportManifest = {
    schema: 'da-desk.manifest',
    schemaVersion: 1,
    exportedAt: header.exportedAt,
    exportedBy: header.exportedBy,
    scope: header.scope,
    shiftId: header.shiftId,
    from: header.from,
    to: header.to,
    statisticsOnly: header.statisticsOnly,
    protectiveMarking: header.protectiveMarking,
    incidents: record.incidents.length,
    files: rendered.map((f) => ({
      name: f.name,
      format: f.format,
      bytes: f.bytes.length,
      sha256: sha256(f.bytes),
    })),
  }
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')
  const all = [
    ...rendered,
    { format: 'manifest' as const, name: `${base}${MANIFEST_SUFFIX}`, bytes: manifestBytes },
  ]
  await writeFilesAtomically(folder, all, fs)
  return {
    files: all.map((f) => ({
      format: f.format,
      name: f.name,
      path: join(folder, f.name),
      bytes: f.bytes.length,
      sha256: sha256(f.bytes),
    })),
    manifest,
  }
}
