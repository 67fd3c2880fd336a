// A failing disk under the inbox: the folder deleted or replaced by a file while it is watched,
// processed/ replaced by a file, a file logged but not yet moved when DA Desk was killed. Tests
// run as root, so permissions stop nothing: the failures are made by taking folders away and
// putting files where folders should be, which is what a disconnected drive or a careless tidy-up
// does. The feed health must say what is wrong, nothing may throw out of the desk, the worker's
// calls must keep working, and the inbox must pick up again once the folder is back.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.ts'
import type { Desk } from '../../../electron/core/desk.ts'
import { InboxWatcher } from '../../../electron/core/feed/inboxWatcher.ts'
import { dropFeedFile } from '../../../electron/demo/syntheticIncidents.ts'
import type { FeedHealth } from '../../../shared/domain.ts'
import { rawDatabase, TEST_KEY } from '../../support/databaseKey.ts'
import { addIncident, must, signIn } from '../../support/desk.ts'
import { tempDir } from '../../support/tempDir.ts'

const RETRY_MS = 50
const now = () => Date.parse('2026-11-21T18:00:00Z')
const opened = new Set<Desk>()
afterEach(async () => {
  for (const desk of opened) await desk.close()
  opened.clear()
})

interface WatchedDesk {
  desk: Desk
  /** Every feed health pushed to the page, in order. */
  healths: FeedHealth[]
}

async function watchedDesk(dataDir = tempDir()): Promise<WatchedDesk> {
  const desk = openDesk({ dataDir, now, settleMs: 20, inboxRetryMs: RETRY_MS, key: TEST_KEY })
  opened.add(desk)
  const healths: FeedHealth[] = []
  desk.onEvent((event, payload) => {
    if (event === 'feed.health') healths.push(payload as FeedHealth)
  })
  await signIn(desk)
  return { desk, healths }
}

async function closed(desk: Desk): Promise<void> {
  opened.delete(desk)
  await desk.close()
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  const end = Date.now() + 15_000
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > end) return value
    await sleep(20)
  }
}

const health = async (desk: Desk) => must(desk, 'feed.health', {})
const refs = async (desk: Desk) =>
  (await must(desk, 'incidents.list', {})).map((row) => row.incidentRef).sort()

const record = (ref: string) =>
  JSON.stringify({
    incidentRef: ref,
    receivedAt: '2026-11-21T15:00:00Z',
    grade: 2,
    summary: 'Test call.',
  })

/** A file dropped and stored: the watcher is live. */
async function fedOne(desk: Desk, name: string) {
  const ref = `CL-${name.replace(/\W/g, '')}`
  dropFeedFile(desk.inboxDir(), name, record(ref))
  await until(
    () => refs(desk),
    (r) => r.includes(ref),
  )
  await desk.inboxIdle()
}

/** A note filed as the page files one: the worker's work goes on whatever the feed is doing. */
async function fileNote(desk: Desk, incidentId: number, text: string) {
  return must(desk, 'notes.add', { incidentId, text, tags: [], actionOwner: null, amends: null })
}

/** Feed files logged, and the feed's audit entries, from the database itself. */
function feedLog(desk: Desk) {
  const db = rawDatabase(join(desk.dataDir, 'da-desk.sqlite'))
  try {
    return {
      files: db.prepare('SELECT file_name, path, outcome FROM feed_files ORDER BY id').all(),
      audited: db
        .prepare(`SELECT detail FROM audit_log WHERE action = 'feed.file' ORDER BY id`)
        .all()
        .map((row) => JSON.parse((row as { detail: string }).detail).file as string),
    }
  } finally {
    db.close()
  }
}

describe('the inbox folder taken away while it is watched', () => {
  it('says the folder is not there, keeps the desk working, does not make it again, and picks up when it is back', async () => {
    const { desk, healths } = await watchedDesk()
    const inbox = desk.inboxDir()
    const incidentId = await addIncident(desk)
    await fedOne(desk, 'first.json')

    rmSync(inbox, { recursive: true })
    const gone = await until(
      () => health(desk),
      (h) => !h.watching && h.problem !== null,
    )
    expect(gone.problem).toBe(
      `The inbox folder ${inbox} is not there (it was deleted, or the drive it is on is ` +
        'disconnected). DA Desk starts reading it again as soon as it is back.',
    )
    expect((await fileNote(desk, incidentId, 'Safe to talk confirmed.')).text).toBe(
      'Safe to talk confirmed.',
    )
    // Every try at starting again is pushed to the page; after several, still no folder made.
    const seen = healths.length
    await until(
      () => healths.length,
      (n) => n >= seen + 3,
    )
    expect(healths.length).toBeGreaterThanOrEqual(seen + 3)
    expect(existsSync(inbox)).toBe(false)

    mkdirSync(inbox)
    dropFeedFile(inbox, 'back.json', record('CL-BACK'))
    expect(
      await until(
        () => refs(desk),
        (r) => r.includes('CL-BACK'),
      ),
    ).toContain('CL-BACK')
    expect(await health(desk)).toMatchObject({ watching: true, problem: null })
    await until(
      () => existsSync(join(inbox, 'processed', 'back.json')),
      (moved) => moved,
    )
    expect(readdirSync(join(inbox, 'processed'))).toEqual(['back.json'])
    expect(await refs(desk)).toEqual(['CL-20261121-0999', 'CL-BACK', 'CL-firstjson'])
  })

  it('says the inbox is a file, not a folder, when a file takes its place, and picks up when the folder is back', async () => {
    const { desk } = await watchedDesk()
    const inbox = desk.inboxDir()
    await fedOne(desk, 'first.json')
    rmSync(inbox, { recursive: true })
    writeFileSync(inbox, 'not a folder')
    const replaced = await until(
      () => health(desk),
      (h) => h.problem?.includes('is a file') ?? false,
    )
    expect(replaced).toMatchObject({
      watching: false,
      problem:
        `The inbox ${inbox} is a file, not a folder, so no feed files can arrive. DA Desk ` +
        'starts reading it again as soon as it is a folder.',
    })
    expect(await refs(desk)).toEqual(['CL-firstjson'])

    unlinkSync(inbox)
    mkdirSync(inbox)
    dropFeedFile(
      inbox,
      'after.csv',
      'incidentRef,receivedAt,grade,summary\nCL-AFTER,2026-11-21T15:00:00Z,2,Call',
    )
    expect(
      await until(
        () => refs(desk),
        (r) => r.includes('CL-AFTER'),
      ),
    ).toEqual(['CL-AFTER', 'CL-firstjson'])
    expect(await health(desk)).toMatchObject({ watching: true, problem: null })
  })
})

describe('a feed file that cannot be moved out of the inbox', () => {
  it('is stored, the worker is told, it is not read again, and it is moved once processed/ is a folder again', async () => {
    const { desk } = await watchedDesk()
    const inbox = desk.inboxDir()
    const processed = join(inbox, 'processed')
    rmSync(processed, { recursive: true })
    writeFileSync(processed, 'in the way')

    dropFeedFile(inbox, 'stuck.json', record('CL-STUCK'))
    expect(
      await until(
        () => refs(desk),
        (r) => r.length === 1,
      ),
    ).toEqual(['CL-STUCK'])
    const told = await until(
      () => health(desk),
      (h) => h.problem !== null,
    )
    expect(told).toMatchObject({
      watching: true,
      problem:
        'The incidents in stuck.json are in the queue, but DA Desk could not move the file out ' +
        'of the inbox: its “processed” folder is a file, not a folder. Nothing is missing; DA ' +
        'Desk will not read the file twice and keeps trying to move it.',
    })
    // Many tries at the move later, the file has been read and logged once, as going to
    // processed/ when it can.
    await sleep(RETRY_MS * 8)
    expect(existsSync(join(inbox, 'stuck.json'))).toBe(true)
    expect(feedLog(desk).files).toEqual([
      { file_name: 'stuck.json', path: join(processed, 'stuck.json'), outcome: 'processed' },
    ])
    expect(await health(desk)).toMatchObject({ lastFileName: 'stuck.json' })

    // Other files are still read while this one waits.
    dropFeedFile(inbox, 'other.json', record('CL-OTHER'))
    expect(
      await until(
        () => refs(desk),
        (r) => r.length === 2,
      ),
    ).toEqual(['CL-OTHER', 'CL-STUCK'])

    unlinkSync(processed)
    await until(
      () => existsSync(join(processed, 'stuck.json')) && !existsSync(join(inbox, 'stuck.json')),
      Boolean,
    )
    expect(
      await until(
        () => health(desk),
        (h) => h.problem === null,
      ),
    ).toMatchObject({ watching: true, problem: null })
    expect(readdirSync(processed).sort()).toEqual(['other.json', 'stuck.json'])
    expect(feedLog(desk).audited.sort()).toEqual(['other.json', 'stuck.json'])
  })

  it('is logged once however many times DA Desk starts before processed/ is put right', async () => {
    const dataDir = tempDir()
    let desk = (await watchedDesk(dataDir)).desk
    const inbox = desk.inboxDir()
    const processed = join(inbox, 'processed')
    rmSync(processed, { recursive: true })
    writeFileSync(processed, 'in the way')
    dropFeedFile(inbox, 'stuck.json', record('CL-STUCK'))
    for (let start = 1; start <= 3; start++) {
      await until(
        () => health(desk),
        (h) => h.problem?.includes('stuck.json') ?? false,
      )
      await desk.inboxIdle()
      await closed(desk)
      desk = (await watchedDesk(dataDir)).desk
    }
    unlinkSync(processed)
    await until(() => existsSync(join(processed, 'stuck.json')), Boolean)
    expect(feedLog(desk)).toEqual({
      files: [
        { file_name: 'stuck.json', path: join(processed, 'stuck.json'), outcome: 'processed' },
      ],
      audited: ['stuck.json'],
    })
    expect(await refs(desk)).toEqual(['CL-STUCK'])
  })

  it('writes no quarantine report into the inbox, where it would be read as a feed file', async () => {
    const { desk } = await watchedDesk()
    const inbox = desk.inboxDir()
    const quarantine = join(inbox, 'quarantine')
    rmSync(quarantine, { recursive: true })
    writeFileSync(quarantine, 'in the way')
    dropFeedFile(inbox, 'bad.json', record('CL-GOOD').replace('}', ',"grade":"G9"}'))
    await until(
      () => health(desk),
      (h) => h.problem !== null,
    )
    await desk.inboxIdle()
    expect(readdirSync(inbox).sort()).toEqual(['bad.json', 'processed', 'quarantine'])

    unlinkSync(quarantine)
    await until(() => existsSync(join(quarantine, 'bad.json.report.json')), Boolean)
    expect(readdirSync(quarantine).sort()).toEqual(['bad.json', 'bad.json.report.json'])
    expect((await must(desk, 'feed.quarantined', {})).map((f) => f.fileName)).toEqual(['bad.json'])
  })
})

describe('a feed file logged but not moved when DA Desk was killed', () => {
  it.each([
    ['processed', record('CL-ONE')],
    ['quarantine', '[' + record('CL-ONE') + ',{"incidentRef":"CL-BAD"}]'],
  ])('is read again at the next start, moved to %s/ and logged once', async (folder, text) => {
    const dataDir = tempDir()
    const first = await watchedDesk(dataDir)
    const inbox = first.desk.inboxDir()
    dropFeedFile(inbox, 'one.json', text)
    await until(() => existsSync(join(inbox, folder, 'one.json')), Boolean)
    await first.desk.inboxIdle()
    await closed(first.desk)
    // As a kill between logging the file and moving it leaves the folder.
    cpSync(join(inbox, folder, 'one.json'), join(inbox, 'one.json'))
    rmSync(join(inbox, folder), { recursive: true })

    const second = await watchedDesk(dataDir)
    await until(() => existsSync(join(inbox, folder, 'one.json')), Boolean)
    await second.desk.inboxIdle()
    expect(readdirSync(inbox).filter((n) => n.endsWith('.json'))).toEqual([])
    expect(feedLog(second.desk)).toEqual({
      files: [
        {
          file_name: 'one.json',
          path: join(inbox, folder, 'one.json'),
          outcome: folder === 'processed' ? 'processed' : 'quarantined',
        },
      ],
      audited: ['one.json'],
    })
    expect(await refs(second.desk)).toEqual(['CL-ONE'])
  })
})

describe('the inbox watcher', () => {
  it('notices the folder taken away the moment it starts watching', async () => {
    const dir = tempDir()
    const watcher = new InboxWatcher({
      dir,
      settleMs: 20,
      retryMs: RETRY_MS,
      onState: () => {},
      onFile: async () => {},
    })
    watcher.start()
    rmSync(dir, { recursive: true })
    try {
      expect(
        await until(
          () => watcher.state,
          (state) => state.problem !== null,
        ),
      ).toMatchObject({ watching: false, problem: expect.stringContaining('is not there') })
    } finally {
      await watcher.close()
    }
  })

  it('keeps going when the listener for its state throws, and throws nothing into the process', async () => {
    const dir = tempDir()
    const handled: string[] = []
    const watcher = new InboxWatcher({
      dir,
      settleMs: 20,
      retryMs: RETRY_MS,
      onState: () => {
        throw new Error('the window is closing')
      },
      onFile: async (path) => {
        handled.push(path)
        unlinkSync(path)
      },
    })
    watcher.start()
    try {
      dropFeedFile(dir, 'one.json', record('CL-1'))
      await until(
        () => handled.length,
        (n) => n === 1,
      )
      rmSync(dir, { recursive: true })
      await until(
        () => watcher.state.problem,
        (problem) => problem !== null,
      )
      mkdirSync(dir)
      dropFeedFile(dir, 'two.json', record('CL-2'))
      await until(
        () => handled.length,
        (n) => n === 2,
      )
      expect(handled).toEqual([join(dir, 'one.json'), join(dir, 'two.json')])
    } finally {
      await watcher.close()
    }
  })
})
