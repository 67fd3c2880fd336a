// Handover PDFs laid out on their own thread (pdfRenderer.ts, pdfWorker.ts): what comes back is
// the PDF of the record given, Helvetica where it can print the text and the embedded DejaVu Sans
// where it cannot, and a PDF that cannot be made is a clear error that does not stop the next.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { handoverRecordSchema } from '../../../shared/handover.ts'
import type { HandoverRecord } from '../../../shared/handover.ts'
import { pdfRenderer } from '../../../electron/core/handover/pdfRenderer.ts'
import type { PdfRenderer } from '../../../electron/core/handover/pdfRenderer.ts'
import { printsInHelvetica } from '../../../electron/core/handover/renderPdf.ts'
import { warmUpRecord } from '../../../electron/core/handover/warmUpRecord.ts'
import { tempDir } from '../../support/tempDir.ts'

let renderer: PdfRenderer | undefined
afterEach(async () => {
  await renderer?.close()
  renderer = undefined
})

function saved(pdf: Buffer): string {
  const file = join(tempDir(), 'out.pdf')
  writeFileSync(file, pdf)
  return file
}
const text = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
const fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' })

/** The made-up record with every name plain English. */
function plainRecord(count: number): HandoverRecord {
  const record = warmUpRecord(count)
  return { ...record, people: record.people.map((p) => ({ ...p, name: 'Sam Sample' })) }
}

describe('the PDF thread', () => {
  it('makes the PDF of the record it is given, several at once', async () => {
    renderer = pdfRenderer({ warmUpAfterMs: null })
    const [one, three] = await Promise.all([
      renderer.render(warmUpRecord(1)),
      renderer.render(warmUpRecord(3)),
    ])
    const oneText = text(saved(one!))
    const threeText = text(saved(three!))
    expect(oneText).toContain('Incidents (1)')
    expect(oneText).not.toContain('XX-20260103-0002')
    expect(threeText).toContain('Incidents (3)')
    expect(threeText).toContain('XX-20260103-0003')
  })

  it('embeds DejaVu Sans only when some text needs it, and prints that text', async () => {
    renderer = pdfRenderer({ warmUpAfterMs: null })
    const mixed = saved(await renderer.render(warmUpRecord(2)))
    expect(text(mixed)).toContain('Zoë Łukasiewicz-Sample')
    expect(fonts(mixed)).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes/)
    expect(fonts(mixed)).toMatch(/^Helvetica\s+Type 1/m)

    const plain = saved(await renderer.render(plainRecord(2)))
    expect(text(plain)).toContain('Sam Sample')
    expect(fonts(plain)).not.toContain('DejaVu')
  })

  it('says why a PDF could not be made, and makes the next one', async () => {
    renderer = pdfRenderer({ warmUpAfterMs: null })
    const broken = { ...warmUpRecord(1), incidents: null } as unknown as HandoverRecord
    await expect(renderer.render(broken)).rejects.toThrow(/^the PDF could not be made: /)
    expect(text(saved(await renderer.render(warmUpRecord(1))))).toContain('Incidents (1)')
  })

  it('makes the PDF on the calling thread when its own cannot load its code', async () => {
    renderer = pdfRenderer({
      warmUpAfterMs: null,
      workerUrl: new URL('../../fixtures/workers/cannotLoad.ts', import.meta.url),
    })
    const [one, two] = await Promise.all([
      renderer.render(warmUpRecord(1)),
      renderer.render(warmUpRecord(2)),
    ])
    expect(text(saved(one!))).toContain('Incidents (1)')
    expect(text(saved(two!))).toContain('Incidents (2)')
    // And from then on, without trying the thread again.
    expect(text(saved(await renderer.render(warmUpRecord(3))))).toContain('Incidents (3)')
  })

  it('starts again after its thread is stopped', async () => {
    renderer = pdfRenderer({ warmUpAfterMs: 0 })
    await renderer.close()
    expect(text(saved(await renderer.render(warmUpRecord(1))))).toContain('Incidents (1)')
  })
})

describe('the warm-up record', () => {
  it('is a handover record as the published schema describes it', () => {
    expect(handoverRecordSchema.safeParse(warmUpRecord(5)).error).toBeUndefined()
  })
})

describe('Helvetica', () => {
  it.each([
    ['plain English', 'Call back after 17:00 — code word agreed.', true],
    ['Windows-1252 beyond Latin-1', '“Safe” … €20 • Œuvre', true],
    ['accents in Latin-1', 'Zoë Müller-Ó Briain', true],
    ['a line break', 'Line 1\nLine 2', true],
    ['Polish', 'Łukasiewicz', false],
    ['Turkish', 'Ağaoğlu', false],
    ['an arrow', 'G3 → G2', false],
  ])('%s: prints %s in Helvetica is %s', (_what, value, prints) => {
    expect(printsInHelvetica(value)).toBe(prints)
  })
})
