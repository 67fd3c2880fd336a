// Killing DA Desk (SIGKILL: a power cut, the task manager, a crash) at any moment loses nothing
// the worker or the feed was told was saved, and never leaves a damaged database. A child process
// runs the real desk on one data folder, filing notes and taking feed files, and is killed again
// and again at moments drawn from a seeded generator; the seed is printed with every run, and
// CRASH_SEED=<seed> npx vitest run tests/unit/core/crashSafety.test.ts replays the same moments.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.ts'
import type { Desk } from '../../../electron/core/desk.ts'
import { verifyAuditChain } from '../../../electron/core/audit/verifyAuditChain.ts'
import { databaseFile } from '../../../electron/core/paths.ts'
import { CRASH_INCIDENT_REF, crashFeedFileNamed } from '../../support/crashFeedFiles.ts'
import type { CrashFeedFile } from '../../support/crashFeedFiles.ts'
import { rawDatabase, TEST_KEY } from '../../support/databaseKey.ts'
import { must, signIn } from '../../support/desk.ts'
import { tempDir } from '../../support/tempDir.ts'
import { seededRng } from '../../security/hostilePayloads.ts'
import type { Rng } from '../../security/hostilePayloads.ts'

const CHILD = resolve(import.meta.dirname, '../../support/deskUntilKilled.ts')
const KILLS = 15
/** The longest a run works after signing in before it is killed. */
const MAX_WORK_MS = 500

const SEED = seedFromEnvironment()

function seedFromEnvironment(): number {
  const given = process.env.CRASH_SEED
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 32)
  const seed = Number(given)
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new Error(`CRASH_SEED must be a whole number from 0 to 4294967295, not ${given}`)
  }
  return seed
}

/** What the child printed before it died: only what DA Desk had acknowledged. */
interface Acknowledged {
  notes: Map<number, string>
  dropped: Set<string>
  ingested: Set<string>
}

interface Run {
  /** From spawning the child to its 'ready' line, when it got that far. */
  readyAfterMs: number | null
}

/**
 * One life of the desk: started on the folder, killed either while it starts (opening and
 * checking the database, taking the files left in the inbox) or while it works.
 */
function runUntilKilled(
  dataDir: string,
  compileCache: string,
  run: number,
  rng: Rng,
  startupMs: number,
  seen: Acknowledged,
): Promise<Run> {
  const child = spawn(process.execPath, [CHILD, dataDir, String(run)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Each run compiles the same modules: keeping them compiled shortens every start.
    env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
  })
  const started = Date.now()
  let readyAfterMs: number | null = null
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const kill = () => child.kill('SIGKILL')
  let timer: NodeJS.Timeout | null = null
  if (rng.chance(0.3)) timer = setTimeout(kill, rng.below(startupMs))
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [kind, rest] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]
    if (line === 'ready') {
      readyAfterMs = Date.now() - started
      timer ??= setTimeout(kill, rng.below(MAX_WORK_MS))
    } else if (kind === 'note') {
      const id = Number(rest.slice(0, rest.indexOf(' ')))
      seen.notes.set(id, rest.slice(rest.indexOf(' ') + 1))
    } else if (kind === 'dropped') {
      seen.dropped.add(rest)
    } else if (kind === 'ingested') {
      seen.ingested.add(rest)
    }
  })
  return new Promise((done, failed) => {
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal === 'SIGKILL') done({ readyAfterMs })
      else failed(new Error(`run ${run} ended by itself (code ${code}, ${signal}): ${stderr}`))
    })
  })
}

const feedFilesIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => crashFeedFileNamed(name) !== null) : []

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The folder's crash feed files, once the desk has taken all it will (or a minute passed). */
async function inboxSettled(desk: Desk): Promise<string[]> {
  for (const end = Date.now() + 60_000; Date.now() < end; await sleep(50)) {
    await desk.inboxIdle()
    if (feedFilesIn(desk.inboxDir()).length === 0) break
  }
  await desk.inboxIdle()
  return feedFilesIn(desk.inboxDir())
}

describe('a desk killed with SIGKILL again and again', () => {
  it('keeps every note and feed file it acknowledged, loses no feed file, and its database stays whole', async () => {
    console.log(`crash safety: seed ${SEED} (CRASH_SEED=${SEED} replays these kills)`)
    const rng = seededRng(SEED)
    const dataDir = tempDir()
    const compileCache = tempDir('da-desk-compiled-')
    const seen: Acknowledged = { notes: new Map(), dropped: new Set(), ingested: new Set() }
    let startupMs = 1500
    const startups: number[] = []
    for (let run = 1; run <= KILLS; run++) {
      const { readyAfterMs } = await runUntilKilled(
        dataDir,
        compileCache,
        run,
        rng,
        startupMs,
        seen,
      )
      if (readyAfterMs !== null) startups.push((startupMs = readyAfterMs))
    }
    const meanStartup = startups.reduce((a, b) => a + b, 0) / Math.max(startups.length, 1)
    console.log(
      `crash safety: ${KILLS} kills (${KILLS - startups.length} while starting; a start took ` +
        `${Math.round(meanStartup)} ms on average); ` +
        `${seen.notes.size} notes and ${seen.ingested.size} of ${seen.dropped.size} feed files acknowledged`,
    )
    expect(seen.notes.size).toBeGreaterThan(0)
    expect(seen.ingested.size).toBeGreaterThan(0)

    // As the last kill left it: whole, and every file dropped is somewhere in the inbox.
    const inbox = join(dataDir, 'inbox')
    const raw = rawDatabase(databaseFile(dataDir))
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    raw.close()
    const where = new Map<string, string>()
    for (const [folder, dir] of [
      ['inbox', inbox],
      ['processed', join(inbox, 'processed')],
      ['quarantine', join(inbox, 'quarantine')],
    ] as const) {
      for (const name of feedFilesIn(dir)) where.set(name, folder)
    }
    expect([...seen.dropped].filter((name) => !where.has(name))).toEqual([])

    // The next start takes the files left in the inbox; then everything acknowledged is there.
    const desk = openDesk({ dataDir, key: TEST_KEY, watchInbox: true, settleMs: 20 })
    try {
      expect(await inboxSettled(desk)).toEqual([])
      expect(verifyAuditChain(desk.db)).toMatchObject({ intact: true, firstBad: null })
      await signIn(desk)
      const rows = await must(desk, 'incidents.list', {})
      const byRef = new Map(rows.map((row) => [row.incidentRef, row]))
      const noted = await must(desk, 'incidents.get', { id: byRef.get(CRASH_INCIDENT_REF)!.id })
      const stored = new Map(noted.notes.map((note) => [note.id, note.text]))
      const lost = [...seen.notes].filter(([id, text]) => stored.get(id) !== text)
      expect(lost).toEqual([])
      // A note is stored once: none was filed twice by a run that died before it answered.
      expect(new Set(stored.values()).size).toBe(stored.size)

      const filesOf = (names: Iterable<string>) => [...names].map((n) => crashFeedFileNamed(n)!)
      const missing = (files: CrashFeedFile[]) =>
        files.flatMap((file) =>
          file.incidents
            .filter((incident) => byRef.get(incident.incidentRef)?.summary !== incident.summary)
            .map((incident) => `${file.name}: ${incident.incidentRef}`),
        )
      expect(missing(filesOf(seen.ingested))).toEqual([])
      // Files that were dropped but not yet taken when a run died were taken by a later start.
      expect(missing(filesOf(seen.dropped))).toEqual([])
      for (const file of filesOf(seen.dropped)) {
        const folder = file.quarantined ? 'quarantine' : 'processed'
        expect({ file: file.name, moved: existsSync(join(inbox, folder, file.name)) }).toEqual({
          file: file.name,
          moved: true,
        })
      }
      const quarantined = await must(desk, 'feed.quarantined', {})
      const reported = new Set(quarantined.map((q) => q.fileName))
      const unreported = filesOf(seen.dropped).filter((f) => f.quarantined && !reported.has(f.name))
      expect(unreported.map((f) => f.name)).toEqual([])
    } finally {
      await desk.close()
    }
  }, 180_000)
})
