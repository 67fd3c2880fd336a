// One export at a time: two hand overs asked for together (a double click, or a second window)
// must not both write. The first writes its files and ends the shift; the second is refused with
// a typed error and touches nothing, so the folder holds exactly the first one's files.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ExportManifest } from '../../../shared/handover.ts'
import { call, must, signIn, testDesk } from '../../support/desk.ts'
import { workFixtureShift } from '../../support/handoverShift.ts'
import { tempDir } from '../../support/tempDir.ts'

const BUSY = {
  ok: false,
  error: {
    code: 'busy',
    message: 'A hand over is already being written: wait for it to finish, then try again.',
  },
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** The folder's files against its one manifest: every file listed, with its size and hash. */
function checkFolder(folder: string) {
  const names = readdirSync(folder).sort()
  const manifests = names.filter((name) => name.endsWith('.manifest.json'))
  expect(manifests).toHaveLength(1)
  const manifest = JSON.parse(readFileSync(join(folder, manifests[0]!), 'utf8')) as ExportManifest
  expect(names).toEqual([...manifest.files.map((f) => f.name), manifests[0]].sort())
  for (const file of manifest.files) {
    expect(sha256(join(folder, file.name)), file.name).toBe(file.sha256)
    expect(readFileSync(join(folder, file.name)).length, file.name).toBe(file.bytes)
  }
  return manifest
}

describe('one hand over at a time', () => {
  it('two hand overs at once: one is written and ends the shift, the other is refused and leaves nothing', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    const folder = tempDir()
    const request = { formats: ['pdf', 'csv', 'json'], statsOnly: false, outDir: folder }
    const [first, second] = await Promise.all([
      call(d, 'shift.handOver', request),
      call(d, 'shift.handOver', request),
    ])
    expect(second).toEqual(BUSY)
    const manifest = checkFolder(folder)
    expect(manifest).toMatchObject({ scope: 'shift', shiftId: 1, incidents: 3 })
    expect(first).toMatchObject({ ok: true, value: { manifest } })
    const exports = d.db.prepare('SELECT id FROM handover_exports').all()
    expect(exports).toHaveLength(1)
    expect(
      d.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'handover.export'`).get(),
    ).toEqual({ n: 1 })
    expect(await must(d, 'shift.current', {})).toBeNull()
  })

  it('a figures export asked for during a hand over is refused, and can be made once it is done', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    const folder = tempDir()
    const [handover, figures] = await Promise.all([
      call(d, 'shift.handOver', { formats: ['pdf'], statsOnly: false, outDir: folder }),
      call(d, 'figures.export', {
        from: '2026-11-01T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
        formats: ['csv'],
        outDir: folder,
      }),
    ])
    expect(handover).toMatchObject({ ok: true })
    expect(figures).toEqual(BUSY)
    checkFolder(folder)

    await signIn(d, 'Sam Next')
    const later = tempDir()
    await must(d, 'figures.export', {
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      formats: ['csv'],
      outDir: later,
    })
    expect(checkFolder(later)).toMatchObject({ scope: 'period', statisticsOnly: true })
  })
})
