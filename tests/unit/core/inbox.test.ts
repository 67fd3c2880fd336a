// The inbox with a real folder and a real database: what a C&C export job can throw at it.
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.ts'
import type { Desk } from '../../../electron/core/desk.ts'
import { InboxWatcher } from '../../../electron/core/feed/inboxWatcher.ts'
import { dropFeedFile, syntheticIncidents } from '../../../electron/demo/syntheticIncidents.ts'
import { tempDir } from '../../support/tempDir.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'

const now = () => Date.parse('2026-11-21T18:00:00Z')
const opened: Desk[] = []
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.close()
})

async function signedInDesk(): Promise<Desk> {
  const desk = openDesk({ dataDir: tempDir(), now, settleMs: 100, key: TEST_KEY })
  opened.push(desk)
  await desk.handlers['session.signIn']({
    workerName: 'Jo Example',
    organisation: 'Harbour',
    pin: '2468',
  })
  return desk
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > end) return value
    await sleep(25)
  }
}

async function refs(desk: Desk): Promise<string[]> {
  const result = await desk.handlers['incidents.list']({})
  return result.ok ? result.value.map((r) => r.incidentRef).sort() : []
}

const record = (ref: string) =>
  JSON.stringify({
    incidentRef: ref,
    receivedAt: '2026-11-21T15:00:00Z',
    grade: 2,
    summary: 'Test call.',
  })

describe('the inbox folder', () => {
  it('ingests a dropped file, moves it to processed/ and pushes the new row to the page', async () => {
    const desk = await signedInDesk()
    const pushed: string[] = []
    desk.onEvent((event, payload) => {
      if (event === 'incidents.changed') {
        pushed.push(
          ...(payload as { rows: { incidentRef: string }[] }).rows.map((r) => r.incidentRef),
        )
      }
    })
    dropFeedFile(desk.inboxDir(), 'one.json', record('CL-1'))
    expect(
      await until(
        () => refs(desk),
        (r) => r.length === 1,
      ),
    ).toEqual(['CL-1'])
    await until(() => existsSync(join(desk.inboxDir(), 'processed', 'one.json')), Boolean)
    expect(readdirSync(desk.inboxDir()).filter((n) => n.endsWith('.json'))).toEqual([])
    expect(pushed).toEqual(['CL-1'])
  })

  it('does not read a file half-way while it is still being written', async () => {
    const desk = await signedInDesk()
    const path = join(desk.inboxDir(), 'slow.json')
    const text = JSON.stringify([JSON.parse(record('CL-A')), JSON.parse(record('CL-B'))])
    const chunks = text.match(/.{1,20}/gs)!
    writeFileSync(path, chunks[0]!)
    for (const chunk of chunks.slice(1)) {
      await sleep(30)
      appendFileSync(path, chunk)
    }
    expect(
      await until(
        () => refs(desk),
        (r) => r.length === 2,
      ),
    ).toEqual(['CL-A', 'CL-B'])
    await desk.inboxIdle()
    expect(readdirSync(join(desk.inboxDir(), 'quarantine'))).toEqual([])
    const health = await desk.handlers['feed.health']({})
    expect(health.ok && health.value.quarantinedCount).toBe(0)
  })

  it('quarantines a file that is never completed, with a report beside it, and keeps going', async () => {
    const desk = await signedInDesk()
    writeFileSync(join(desk.inboxDir(), 'cut.json'), record('CL-CUT').slice(0, 30))
    const quarantine = join(desk.inboxDir(), 'quarantine')
    // The quarantine folder is made when the first file goes there; a report is written under a
    // dot-name first, then renamed.
    const quarantined = () =>
      existsSync(quarantine) ? readdirSync(quarantine).filter((f) => !f.startsWith('.')) : []
    await until(quarantined, (files) => files.length === 2)
    expect(quarantined().sort()).toEqual(['cut.json', 'cut.json.report.json'])
    const report = JSON.parse(readFileSync(join(quarantine, 'cut.json.report.json'), 'utf8'))
    expect(report).toMatchObject({ file: 'cut.json', accepted: 0 })
    expect(report.error).toMatch(/JSON/)
    dropFeedFile(desk.inboxDir(), 'next.json', record('CL-NEXT'))
    expect(
      await until(
        () => refs(desk),
        (r) => r.length === 1,
      ),
    ).toEqual(['CL-NEXT'])
    const listed = await desk.handlers['feed.quarantined']({})
    expect(listed.ok && listed.value.map((f) => f.fileName)).toEqual(['cut.json'])
  })

  it('keeps the valid records of a partly bad file and quarantines the file with the rejections', async () => {
    const desk = await signedInDesk()
    const lines = [
      record('CL-GOOD'),
      '{"incidentRef":"CL-BAD","receivedAt":"yesterday","grade":2,"summary":"x"}',
    ]
    dropFeedFile(desk.inboxDir(), 'mixed.ndjson', lines.join('\n'))
    expect(
      await until(
        () => refs(desk),
        (r) => r.length === 1,
      ),
    ).toEqual(['CL-GOOD'])
    await desk.inboxIdle()
    const listed = await until(
      async () => desk.handlers['feed.quarantined']({}),
      (r) => r.ok && r.value.length === 1,
    )
    expect(listed.ok && listed.value[0]!.report.rejected).toMatchObject([
      { at: 'line 2', field: 'receivedAt' },
    ])
  })

  it('handles many files dropped at once, none lost', async () => {
    const desk = await signedInDesk()
    for (let i = 0; i < 40; i++) dropFeedFile(desk.inboxDir(), `f${i}.json`, record(`CL-${i}`))
    expect(
      await until(
        () => refs(desk),
        (r) => r.length === 40,
        20_000,
      ),
    ).toHaveLength(40)
    await desk.inboxIdle()
    expect(readdirSync(join(desk.inboxDir(), 'processed'))).toHaveLength(40)
  })

  it('ingests a 5,000-record file completely', async () => {
    const desk = await signedInDesk()
    const incidents = syntheticIncidents({
      count: 5000,
      startMs: Date.parse('2026-11-21T08:00:00Z'),
      spacingMs: 5000,
    })
    dropFeedFile(desk.inboxDir(), 'big.json', JSON.stringify(incidents))
    expect(
      await until(
        () => refs(desk),
        (r) => r.length === 5000,
        30_000,
      ),
    ).toHaveLength(5000)
    await desk.inboxIdle()
    expect(readdirSync(join(desk.inboxDir(), 'processed'))).toEqual(['big.json'])
  })

  it('leaves files of other types in the inbox and reports them', async () => {
    const desk = await signedInDesk()
    writeFileSync(join(desk.inboxDir(), 'notes.txt'), 'not a feed file')
    const health = await until(
      async () => desk.handlers['feed.health']({}),
      (h) => h.ok && h.value.unsupported.length === 1,
    )
    expect(health.ok && health.value.unsupported).toEqual(['notes.txt'])
    expect(existsSync(join(desk.inboxDir(), 'notes.txt'))).toBe(true)
  })

  it('never overwrites an earlier file of the same name in processed/', async () => {
    const desk = await signedInDesk()
    dropFeedFile(desk.inboxDir(), 'same.json', record('CL-1'))
    await until(
      () => refs(desk),
      (r) => r.length === 1,
    )
    await until(
      () => readdirSync(join(desk.inboxDir(), 'processed')),
      (f) => f.length === 1,
    )
    dropFeedFile(desk.inboxDir(), 'same.json', record('CL-2'))
    await until(
      () => readdirSync(join(desk.inboxDir(), 'processed')),
      (f) => f.length === 2,
    )
    expect(readdirSync(join(desk.inboxDir(), 'processed')).sort()).toEqual([
      'same (2).json',
      'same.json',
    ])
  })

  it('says plainly when the inbox folder cannot be used, and recovers when it can', async () => {
    const desk = await signedInDesk()
    const blocker = join(tempDir(), 'a-file')
    writeFileSync(blocker, 'x')
    const refused = await desk.handlers['settings.update']({ inboxDir: join(blocker, 'inbox') })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.message).toMatch(/cannot use .* as the inbox/)
    const health = await desk.handlers['feed.health']({})
    expect(health.ok && health.value.watching).toBe(true)
  })
})

describe('a feed file that cannot be stored', () => {
  it('stays in the inbox, is reported, and is tried again until it is stored', async () => {
    const dir = tempDir()
    const states: (string | null)[] = []
    const handled: string[] = []
    let failures = 1
    const watcher = new InboxWatcher({
      dir,
      settleMs: 50,
      retryMs: 100,
      onState: (state) => states.push(state.problem),
      onFile: async (path) => {
        if (failures-- > 0)
          throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_FULL' })
        handled.push(path)
      },
    })
    watcher.start()
    try {
      dropFeedFile(dir, 'one.json', record('CL-1'))
      await until(
        () => handled.length,
        (n) => n === 1,
      )
      expect(handled).toEqual([join(dir, 'one.json')])
      expect(states).toContain(
        'The incidents in one.json are not in the queue yet: DA Desk could not save them ' +
          '(the disk is full). It tries again by itself.',
      )
      expect(states.at(-1)).toBeNull()
    } finally {
      await watcher.close()
    }
  })
})
