// Run as a child process: the real desk on a data folder, watching its inbox, doing what a busy
// shift does until the parent kills it with SIGKILL — filing notes as the page does, and feed files
// arriving in the inbox. It prints a line for each thing only once DA Desk has acknowledged it,
// so the parent knows what the worker (or the feed) was told was saved:
//   ready                    the desk is open and a worker is signed in
//   note ID TEXT             notes.add answered ok: note ID holds TEXT
//   dropped NAME             NAME was renamed into the inbox (the writer's side is done)
//   ingested NAME            feed health names NAME as the last file stored (and logged)
// Usage: node deskUntilKilled.ts DATA_DIR RUN
import { writeFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { openDesk } from '../../electron/core/desk.ts'
import { dispatch } from '../../electron/core/api/dispatch.ts'
import type { FeedHealth, QueueRow } from '../../shared/domain.ts'
import { TEST_KEY } from './databaseKey.ts'
import { crashFeedFile, CRASH_INCIDENT_REF } from './crashFeedFiles.ts'

const [dataDir, runText] = process.argv.slice(2)
const run = Number(runText)

const print = (line: string) => process.stdout.write(`${line}\n`)

const desk = openDesk({ dataDir: dataDir!, key: TEST_KEY, watchInbox: true, settleMs: 20 })
const dropped = new Set<string>()
// Files left in the inbox by an earlier run are taken at start-up, and acknowledged too.
let lastAcknowledged: string | null = null
desk.onEvent((event, payload) => {
  if (event !== 'feed.health') return
  const name = (payload as FeedHealth).lastFileName
  if (name === null || name === lastAcknowledged) return
  lastAcknowledged = name
  dropped.delete(name)
  print(`ingested ${name}`)
})

async function must<T>(name: string, request: unknown): Promise<T> {
  const result = await dispatch(desk.handlers, name, request)
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}

// The PIN tests/support/desk.ts signs in with (that file needs vitest, which a child has not).
await must('session.signIn', { workerName: 'Jo Example', organisation: 'Harbour', pin: '2468' })
// The incident the notes go on: typed in by hand on the first run, found again on the others.
const rows = await must<QueueRow[]>('incidents.list', {})
const incidentId =
  rows.find((r) => r.incidentRef === CRASH_INCIDENT_REF)?.id ??
  (
    await must<QueueRow>('incidents.addManual', {
      record: {
        incidentRef: CRASH_INCIDENT_REF,
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        grade: 2,
        summary: 'Caller whispering, partner in the next room.',
        victim: { name: 'Riley Test', phone: '07700 900789' },
      },
    })
  ).id
print('ready')

async function fileNotes(): Promise<never> {
  for (let n = 1; ; n++) {
    const text = `Run ${run}, note ${n}: victim safe to talk, agreed call back.`
    const note = await must<{ id: number }>('notes.add', {
      incidentId,
      text,
      tags: [],
      actionOwner: null,
      amends: null,
    })
    print(`note ${note.id} ${text}`)
    // A pause, as between two notes typed one after the other, so the inbox gets its share.
    await sleep(5)
  }
}

async function dropFeedFiles(): Promise<never> {
  const inbox = desk.inboxDir()
  for (let n = 1; ; n++) {
    // Like a C&C export job, a few files at a time: the inbox is never a backlog of hundreds.
    while (dropped.size >= 3) await sleep(10)
    const file = crashFeedFile(run, n)
    // The writer's way: a temporary name, then a rename into the inbox.
    const temporary = join(inbox, `.${file.name}.tmp`)
    writeFileSync(temporary, file.text)
    dropped.add(file.name)
    renameSync(temporary, join(inbox, file.name))
    print(`dropped ${file.name}`)
    await sleep(15)
  }
}

await Promise.all([fileNotes(), dropFeedFiles()])
