// The export formats: the CSV a performance team opens in Excel, the JSON against its published
// schema, the PDF's pages (looked at as text and pictures), and writing all or nothing.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvCell } from '../../../electron/core/handover/renderCsv.ts'
import {
  ExportWriteError,
  writeFilesAtomically,
} from '../../../electron/core/handover/atomicWrite.ts'
import type { ExportFileSystem } from '../../../electron/core/handover/atomicWrite.ts'
import {
  HANDOVER_SCHEMA_FILE,
  handoverJsonSchema,
} from '../../../electron/core/handover/jsonSchema.ts'
import { handoverRecordSchema } from '../../../shared/handover.ts'
import { must, testDesk } from '../../support/desk.ts'
import { checkJsonSchema } from '../../support/jsonSchema.ts'
import { workFixtureShift } from '../../support/handoverShift.ts'
import { tempDir } from '../../support/tempDir.ts'

async function handedOver(formats: ('pdf' | 'csv' | 'json')[], statsOnly = false) {
  const d = testDesk()
  const fixture = await workFixtureShift(d)
  await must(d, 'settings.update', {
    serviceName: 'Harbour Support Services',
    forceName: 'Cleveland Police',
  })
  const result = await must(d, 'shift.handOver', { formats, statsOnly, outDir: tempDir() })
  return { ...fixture, result, path: (f: string) => result.files.find((x) => x.format === f)!.path }
}

/** RFC 4180: fields split on commas outside quotes, "" inside quotes is one quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]]
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      rows.at(-1)!.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1)!.push(cell)
      cell = ''
      rows.push([])
      i++
    } else cell += c
  }
  rows.pop()
  return rows
}

describe('the CSV', () => {
  it('opens in Excel as written: BOM, CRLF, the documented columns, one row per incident', async () => {
    const { path } = await handedOver(['csv'])
    const bytes = readFileSync(path('csv'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\r|(?<!")\n(?!")/)
    const [header, ...rows] = parseCsv(text)
    expect(header).toEqual(CSV_COLUMNS.map(([name]) => name))
    // The documented column set: docs/handover.md lists each column in a table row.
    const doc = readFileSync('docs/handover.md', 'utf8')
    for (const name of header!) expect(doc).toContain(`| \`${name}\``)
    expect(rows).toHaveLength(3)
    const a = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]))
    expect(a).toMatchObject({
      incident_ref: 'CL-X-A',
      received_at: '21/11/2026 13:50',
      contact_attempts: '2',
      spoke_to_victim: 'yes',
      first_contact_at: '21/11/2026 14:10',
      minutes_to_first_contact: '20',
      moved_to_safety: 'yes',
      risk_level: 'high',
      dash_yes: '14',
      marac_referral: 'yes',
      da_service_referral: 'yes',
      escalations: '1',
      escalations_upgraded: '1',
      minutes_to_first_escalation: '22',
      outstanding_action_owners: 'police',
      victim_name: 'Zoë Łukasiewicz-Ó Briain',
      address: '1 Example Street, Middlesbrough',
    })
    const b = Object.fromEntries(header!.map((h, i) => [h, rows[1]![i]]))
    // A phone number starting with + is kept as text, not read as a sum.
    expect(b.victim_phone).toBe("'+44 7700 900222")
    expect(b.high_risk_by_judgement).toBe('yes')
  })

  it('never lets a cell run as a formula, and quotes by RFC 4180', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+44 7700')).toBe("'+44 7700")
    expect(csvCell('-1+2')).toBe("'-1+2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('plain 42')).toBe('plain 42')
    expect(csvCell('')).toBe('')
  })
})

describe('the JSON', () => {
  it('the committed schema is the one the code defines (run npm run schema after a change)', () => {
    expect(JSON.parse(readFileSync(HANDOVER_SCHEMA_FILE, 'utf8'))).toEqual(handoverJsonSchema())
  })

  it('an export conforms to the published schema, full and statistics-only', async () => {
    const schema = JSON.parse(readFileSync(HANDOVER_SCHEMA_FILE, 'utf8'))
    for (const statsOnly of [false, true]) {
      const { path } = await handedOver(['json'], statsOnly)
      const record = JSON.parse(readFileSync(path('json'), 'utf8'))
      expect(checkJsonSchema(schema, record)).toEqual([])
      expect(handoverRecordSchema.safeParse(record).success).toBe(true)
    }
  })

  it('the schema check does catch a record that does not conform', async () => {
    const schema = JSON.parse(readFileSync(HANDOVER_SCHEMA_FILE, 'utf8'))
    const { path } = await handedOver(['json'])
    const record = JSON.parse(readFileSync(path('json'), 'utf8'))
    record.incidents[0].risk.level = 'severe'
    record.people[0].nickname = 'x'
    delete record.header.protectiveMarking
    expect(checkJsonSchema(schema, record)).toEqual([
      '$.header.protectiveMarking: required',
      '$.people[0].nickname: not allowed',
      '$.incidents[0].risk.level: "severe" is not one of standard, medium, high',
    ])
  })
})

describe('the PDF', () => {
  it('is A4, paginated, with the marking at the top and bottom of every page and "Page N of M"', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    await must(d, 'settings.update', { serviceName: 'Harbour Support Services' })
    // A long note makes the record run over several pages.
    const long = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of what was agreed.`).join(
      '\n',
    )
    await must(d, 'notes.add', {
      incidentId: 1,
      text: long,
      tags: ['safeguarding'],
      actionOwner: null,
      amends: null,
    })
    const { files } = await must(d, 'shift.handOver', {
      formats: ['pdf'],
      statsOnly: false,
      outDir: tempDir(),
    })
    const pdf = files[0]!.path
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/)
    for (let n = 1; n <= pages; n++) {
      const text = execFileSync('pdftotext', ['-f', `${n}`, '-l', `${n}`, '-layout', pdf, '-'], {
        encoding: 'utf8',
      })
      expect(text.match(/OFFICIAL-SENSITIVE/g)!.length).toBeGreaterThanOrEqual(2)
      expect(text).toContain(`Page ${n} of ${pages}`)
    }
    const all = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(all).toContain('Zoë Łukasiewicz-Ó Briain')
    expect(all).toContain('21/11/2026 14:00 to 21/11/2026 21:30 (7 h 30 min)')
    expect(all).toContain('HIGH RISK')
    // Medians read as the Figures view shows them (FIXTURE_FIGURES: 20 and 48.5 minutes).
    expect(all).toMatch(/Median minutes from call to first contact +20 min\n/)
    expect(all).toMatch(/Median minutes from call to escalation +48\.5 min\n/)
    // Pictures of the pages, to look at (kept in test-results/).
    const out = join('test-results', 'handover-pdf')
    await fsp.mkdir(out, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'page')])
    expect(readdirSync(out).filter((n) => n.endsWith('.png')).length).toBe(pages)
  })
})

describe('writing all or nothing', () => {
  const files = [
    { name: 'a.pdf', bytes: Buffer.from('pdf') },
    { name: 'a.csv', bytes: Buffer.from('csv') },
    { name: 'a.manifest.json', bytes: Buffer.from('{}') },
  ]
  const errno = (code: string) => Object.assign(new Error(code), { code })
  const real: ExportFileSystem = {
    stat: fsp.stat,
    open: fsp.open,
    rename: fsp.rename,
    unlink: fsp.unlink,
  }

  /** A file system whose n-th call of one operation fails with `code`. */
  function failing(op: 'write' | 'open' | 'rename', n: number, code: string): ExportFileSystem {
    let calls = 0
    const fail = () => ++calls === n
    return {
      ...real,
      open: async (path, flags) => {
        if (op === 'open' && fail()) throw errno(code)
        const handle = await fsp.open(path, flags)
        if (op !== 'write') return handle
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async (bytes: Buffer) => {
            // A full disk takes part of the file, then refuses the rest.
            if (fail()) {
              await handle.writeFile(bytes.subarray(0, 1))
              throw errno(code)
            }
            return handle.writeFile(bytes)
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        })
      },
      rename: async (from, to) => {
        if (op === 'rename' && fail()) throw errno(code)
        return fsp.rename(from, to)
      },
    }
  }

  const cases: [string, ExportFileSystem, string][] = [
    [
      'the disk fills while the second file is written',
      failing('write', 2, 'ENOSPC'),
      'the disk is full',
    ],
    ['the folder is read-only', failing('open', 1, 'EROFS'), 'is read-only'],
    ['permission is refused', failing('open', 1, 'EACCES'), 'DA Desk is not allowed to write to'],
    [
      'the third rename fails after two succeeded',
      failing('rename', 3, 'EIO'),
      'reported an error',
    ],
  ]
  for (const [what, fs, words] of cases) {
    it(`leaves no file when ${what}, and says why`, async () => {
      const folder = tempDir()
      writeFileSync(join(folder, 'earlier.txt'), 'kept')
      const error = await writeFilesAtomically(folder, files, fs).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ExportWriteError)
      expect((error as Error).message).toContain(words)
      expect(readdirSync(folder)).toEqual(['earlier.txt'])
    })
  }

  it('says the folder is not there when its drive is pulled out half-way, and leaves nothing when it is back', async () => {
    const parent = tempDir()
    const folder = join(parent, 'usb-stick')
    mkdirSync(folder)
    // The drive goes after the first file is written, and is plugged in again at once (its folder
    // as it was before the export, as a drive that never saw the rest of it would be).
    let opened = 0
    const pulled: ExportFileSystem = {
      ...real,
      open: async (path, flags) => {
        if (++opened === 2) {
          const written = readdirSync(folder)
          rmSync(folder, { recursive: true })
          const error = await fsp.open(path, flags).catch((e: unknown) => e)
          mkdirSync(folder)
          for (const name of written) writeFileSync(join(folder, name), 'part')
          throw error
        }
        return fsp.open(path, flags)
      },
    }
    const error = await writeFilesAtomically(folder, files, pulled).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExportWriteError)
    expect((error as Error).message).toBe(
      `the folder ${folder} is not there (if it is on a removable drive or a network share, ` +
        'check it is connected).',
    )
    expect(readdirSync(folder)).toEqual([])
  })

  it('refuses a folder that is not there or is a file, and writes every file when all is well', async () => {
    const folder = tempDir()
    const missing = join(folder, 'gone')
    await expect(writeFilesAtomically(missing, files)).rejects.toThrow('is not there')
    writeFileSync(join(folder, 'file'), 'x')
    await expect(writeFilesAtomically(join(folder, 'file'), files)).rejects.toThrow(
      'is not a folder',
    )
    await writeFilesAtomically(folder, files)
    expect(readdirSync(folder).sort()).toEqual(['a.csv', 'a.manifest.json', 'a.pdf', 'file'])
    expect(readFileSync(join(folder, 'a.csv'), 'utf8')).toBe('csv')
  })
})
