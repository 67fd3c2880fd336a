// The application, host-independent: opens the database, watches the inbox, keeps the signed-in
// session and serves the one handler table of the shared contract. Electron main, the Chromium
// host and the tests all run exactly this. Two layers: openDeskInstance is one opening of the
// database with everything that hangs on it; openDesk (at the end) is the desk the hosts hold,
// which keeps its handler table and listeners while a restore swaps the instance behind them.
import { mkdirSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { callRequests } from '#shared/contract.ts'
import type { CallName, EventName, EventPayloads } from '#shared/contract.ts'
import { BACKUPS_KEPT_DEFAULT } from '#shared/backup.ts'
import type {
  AuditStatus,
  ContactResult,
  FeedHealth,
  FileReport,
  IncidentDetail,
  NoteTag,
  Progress,
  Session,
  Settings,
  Theme,
  QueueRow,
} from '#shared/domain.ts'
import { CONTACT_RESULT_LABELS, NOTE_TAGS } from '#shared/domain.ts'
import { formatDateTime, toIsoUtc } from '#shared/time.ts'
import { DamagedDatabaseError, openDatabase } from './db/openDatabase.ts'
import type { Db } from './db/openDatabase.ts'
import { incidentQueries } from './db/incidentQueries.ts'
import { deskQueries } from './db/deskQueries.ts'
import type { FeedFileRecord } from './db/deskQueries.ts'
import { contactQueries } from './db/contactQueries.ts'
import { noteQueries } from './db/noteQueries.ts'
import { scriptQueries } from './db/scriptQueries.ts'
import { databaseFile, DEFAULT_SCRIPT_FILE } from './paths.ts'
import type { Handlers } from './api/dispatch.ts'
import type { Result } from '#shared/contract.ts'
import { actorOf } from './deskContext.ts'
import type { DeskContext } from './deskContext.ts'
import { fail, ok } from './api/result.ts'
import { fileSignature, InboxWatcher } from './feed/inboxWatcher.ts'
import {
  FeedFileNotMoved,
  freeTarget,
  moveFeedFile,
  PROCESSED_DIR,
  QUARANTINE_DIR,
} from './feed/feedFileMove.ts'
import type { InboxState } from './feed/inboxWatcher.ts'
import { ingestFile } from './feed/ingestFile.ts'
import { applyRecords } from './feed/applyRecords.ts'
import type { RecordOutcome } from './feed/applyRecords.ts'
import { validateRecord } from './feed/validateRecord.ts'
import { loadScript } from './script/loadScript.ts'
import { checkAnswer } from './script/checkAnswer.ts'
import { scriptRecord } from './script/scriptRecord.ts'
import { escalationQueries } from './db/escalationQueries.ts'
import { escalationHandlers } from './escalation/handlers.ts'
import { escalationRecord } from './escalation/escalationRecord.ts'
import { escalationSettings, gradeTargetsProblem } from './escalation/settings.ts'
import { verifyAuditChain } from './audit/verifyAuditChain.ts'
import { handoverQueries } from './db/handoverQueries.ts'
import { handoverHandlers } from './handover/handlers.ts'
import { handoverSettings } from './handover/settings.ts'
import { joinShiftAtSignIn } from './handover/shifts.ts'
import { exportDirProblem } from './handover/settings.ts'
import { PDF_WARM_UP_DELAY_MS, pdfRenderer } from './handover/pdfRenderer.ts'
import { retentionHandlers } from './retention/handlers.ts'
import { retentionMonths } from './retention/retention.ts'
import { hashPin } from './session/pin.ts'
import { lockedRefusal, sessionLock } from './session/sessionLock.ts'
import { lockHandlers } from './session/handlers.ts'
import { lockSettings } from './session/settings.ts'
import { backupHandlers, backupOptions } from './backup/handlers.ts'
import type { BackupCall, BackupHost } from './backup/handlers.ts'
import { backUpAfter } from './backup/makeBackup.ts'
import { startDailyBackups } from './backup/dailyBackups.ts'
import { damagedFirstPage } from './backup/keyOrDamage.ts'
import { DatabaseKeyError } from './db/encryption.ts'
import type { DailyBackups } from './backup/dailyBackups.ts'
import { repeatQueries } from './db/repeatQueries.ts'
import { repeatHandlers } from './repeats/handlers.ts'
import { repeatRecord } from './repeats/repeatRecord.ts'
import { claresLawQueries } from './db/claresLawQueries.ts'
import { claresLawHandlers } from './claresLaw/handlers.ts'
import { followUpHandlers } from './followUps/handlers.ts'
import { followUpQueries } from './db/followUpQueries.ts'
import { followUpSettings } from './followUps/schedule.ts'
import { supportCarQueries } from './db/supportCarQueries.ts'
import { supportCarHandlers } from './supportCar/handlers.ts'

/**
 * The settings whose change is audited (all but the theme), in the order a change is stored:
 * what the escalation rules and reminders run on, how soon the screen locks, when follow-up calls
 * fall due, the quick phrases, the handover record's header, marking and folder, how long personal
 * details are kept and how many backups. The inbox folder is stored where it is checked.
 */
const AUDITED_SETTINGS = [
  'gradeTargets',
  'escalationReminderMinutes',
  'escalationReminderSound',
  'lockAfterMinutes',
  'followUpDays',
  'quickPhrases',
  'serviceName',
  'forceName',
  'protectiveMarking',
  'exportDir',
  'retentionMonths',
  'backupsKept',
] as const satisfies readonly (keyof Settings)[]

/** How long one logged view of an incident covers its refreshes in the same session. */
const VIEW_LOG_INTERVAL_MS = 10 * 60_000

export interface DeskOptions {
  dataDir: string
  /** The database key (32 bytes), from databaseKey.ts for the host in question. */
  key: Buffer
  now?: () => number
  /** Watch the inbox (the app does; the CLI does not). */
  watchInbox?: boolean
  settleMs?: number
  /** How often the inbox is tried again while its folder is gone or a file cannot be moved. */
  inboxRetryMs?: number
  /** The safe-contact script file; the one in resources/scripts unless a test gives another. */
  scriptFile?: string
  /** Make the daily backups; by default the desk does when it watches the inbox (the app). */
  dailyBackups?: boolean
}

export type DeskListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void

export interface Desk {
  readonly handlers: Handlers
  /** The open database (a restore replaces it); there is none while it is damaged. */
  readonly db: Db
  readonly dataDir: string
  onEvent(listener: DeskListener): () => void
  inboxDir(): string
  /** Resolves when every inbox file seen so far has been handled. */
  inboxIdle(): Promise<void>
  close(): Promise<void>
}

/** What a new workstation offers to insert into a note; the worker can change the list. */
const DEFAULT_QUICK_PHRASES: readonly string[] = [
  'Safe to talk confirmed.',
  'Victim asked for a call back.',
  'Advised to call 999 and press 55 if unable to speak.',
  'Code word agreed.',
  'Told the victim our calls may show as a withheld number.',
  'No voicemail left.',
]

/**
 * A call-back is for trying again or ringing at a time the victim chose; not after a wrong
 * number (it would ring a stranger) or when the victim declined contact.
 */
const NO_CALL_BACK: readonly ContactResult[] = ['wrong-number', 'declined']

/** How far in the past a call-back may be, for a time typed a moment before saving. */
const CALL_BACK_GRACE_MS = 5 * 60_000

/** Where an attempt moves the worker's progress: talking to the victim is contact. */
function progressAfterAttempt(current: Progress, result: ContactResult): Progress {
  if (current === 'done') return current
  if (result === 'spoke-to-victim') return 'contacted'
  return current === 'new' ? 'reviewing' : current
}

/** A record of the worker's own on an incident means they have looked at it. */
const reviewed = (current: Progress): Progress => (current === 'new' ? 'reviewing' : current)

/** Tags once each, in the order the app lists them. */
const canonicalTags = (tags: NoteTag[]) => NOTE_TAGS.filter((t) => tags.includes(t))

/** One opening of the database, with everything that hangs on it; a restore replaces it. */
interface DeskInstance {
  readonly context: DeskContext
  readonly handlers: Omit<Handlers, BackupCall>
  /** Whether the signed-in worker's screen is locked. */
  isLocked(): boolean
  inboxDir(): string
  inboxIdle(): Promise<void>
  close(): Promise<void>
}

function openDeskInstance(options: DeskOptions, deliver: DeskListener): DeskInstance {
  const now = options.now ?? Date.now
  const dataDir = resolve(options.dataDir)
  // Before anything is opened: a broken script file stops the desk with a clear error.
  const script = loadScript(options.scriptFile ?? DEFAULT_SCRIPT_FILE)
  const questions = new Map(script.steps.flatMap((s) => s.questions.map((q) => [q.id, q])))
  const stepIds = new Set(script.steps.map((s) => s.id))
  mkdirSync(dataDir, { recursive: true })
  const db = openDatabase(databaseFile(dataDir), options.key)
  const incidents = incidentQueries(db)
  const desk = deskQueries(db)
  const contacts = contactQueries(db)
  const notes = noteQueries(db)
  const scripts = scriptQueries(db)
  const escalations = escalationQueries(db)
  const shifts = handoverQueries(db)
  const repeats = repeatQueries(db)
  const claresLaw = claresLawQueries(db)
  const followUpRecords = followUpQueries(db)
  const supportCar = supportCarQueries(db)
  let session: Session | null = null
  const lock = sessionLock()
  /** When this session last logged a view of each incident. */
  const viewsLogged = new Map<number, number>()
  let inbox: InboxWatcher | null = null
  let inboxState: InboxState | null = null
  // Checked once, before this run adds anything, so a break found is the one that was there.
  const auditStatus: AuditStatus = verifyAuditChain(db)
  if (!auditStatus.intact) {
    console.error(
      `DA Desk: the audit log is broken at entry ${auditStatus.firstBad?.id}: ` +
        auditStatus.firstBad?.problem,
    )
  }

  // While the screen is locked nothing personal goes to the page; it reloads when unlocked.
  const emit: DeskListener = (event, payload) => {
    if (lock.mayPush(event)) deliver(event, payload)
  }

  function settings(): Settings {
    return {
      inboxDir: (desk.setting('inboxDir') as string | undefined) ?? join(dataDir, 'inbox'),
      theme: (desk.setting('theme') as Theme | undefined) ?? 'dark',
      quickPhrases: (desk.setting('quickPhrases') as string[] | undefined) ?? [
        ...DEFAULT_QUICK_PHRASES,
      ],
      ...escalationSettings(desk),
      ...handoverSettings(desk, dataDir),
      retentionMonths: retentionMonths(desk),
      ...lockSettings(desk),
      backupsKept: (desk.setting('backupsKept') as number | undefined) ?? BACKUPS_KEPT_DEFAULT,
      ...followUpSettings(desk),
    }
  }

  function health(): FeedHealth {
    const last = desk.lastFeedFile()
    return {
      inbox: settings().inboxDir,
      watching: inboxState?.watching ?? false,
      problem: inboxState?.problem ?? (inbox ? null : 'the inbox is not being watched'),
      lastFileAt: last?.at ?? null,
      lastFileName: last?.fileName ?? null,
      quarantinedCount: desk.quarantinedCount(),
      unsupported: inboxState?.unsupported ?? [],
    }
  }

  function audit(action: string, incidentId: number | null, detail: Record<string, unknown>) {
    desk.audit({
      at: toIsoUtc(now()),
      sessionId: session?.id ?? null,
      actor: session ? actorOf(session) : 'system',
      action,
      incidentId,
      detail,
    })
  }

  /** Pushes changed rows to the page; only a signed-in worker's page gets personal data. */
  function pushRows(changed: { id: number; outcome: RecordOutcome }[], flash: boolean) {
    if (!session || changed.length === 0) return
    const ids = [...new Set(changed.map((c) => c.id))]
    const rows = ids.flatMap((id) => incidents.row(id) ?? [])
    emit('incidents.changed', { rows, flashIds: flash ? ids : [] })
  }

  /** Logs a feed file in the database, with the feed's audit entry. */
  function logFeedFile(report: FileReport, target: string, outcome: FeedFileRecord['outcome']) {
    db.transaction(() => {
      desk.recordFeedFile({
        fileName: report.file,
        path: target,
        processedAt: toIsoUtc(now()),
        outcome,
        report,
      })
      // The feed, not the worker signed in, made these changes.
      desk.audit({
        at: toIsoUtc(now()),
        sessionId: null,
        actor: 'feed',
        action: 'feed.file',
        incidentId: null,
        detail: {
          file: report.file,
          outcome,
          accepted: report.accepted,
          updated: report.updated,
          rejected: report.rejected.length,
        },
      })
    })()
  }

  async function handleInboxFile(path: string): Promise<void> {
    const before = fileSignature(path)
    const report = await ingestFile(db, incidents, path, {
      now,
      onBatch: (changed) => pushRows(changed, true),
    })
    // A writer that paused for longer than the settle time and then wrote more: leave the file
    // where it is; its change brings it back, and what was stored already is stored again as
    // unchanged.
    if (fileSignature(path) !== before) return
    const clean = report.error === null && report.rejected.length === 0
    const outcome = clean ? 'processed' : 'quarantined'
    const folder = join(dirname(path), clean ? PROCESSED_DIR : QUARANTINE_DIR)
    // Logged before it is moved: killed in between, the file is still in the inbox and is read
    // again at the next start (storing nothing new), which finds it logged and only moves it. The
    // other order could leave a quarantined file the worker is never told about. When the folder
    // cannot be used now, the file is logged as going where it will go once it can.
    const target = await freeTarget(path, folder).catch(() => join(folder, basename(path)))
    const readBefore =
      report.accepted === 0 && report.updated === 0 && desk.feedFileLoggedAt(target)
    if (!readBefore) logFeedFile(report, target, outcome)
    emit('feed.health', health())
    const move = () => moveFeedFile(path, target, clean ? null : report)
    try {
      await move()
    } catch (error) {
      throw new FeedFileNotMoved(path, folder, error, move)
    }
  }

  function startInbox() {
    inbox = new InboxWatcher({
      dir: settings().inboxDir,
      onFile: handleInboxFile,
      onState: (state) => {
        inboxState = state
        emit('feed.health', health())
      },
      ...(options.settleMs === undefined ? {} : { settleMs: options.settleMs }),
      ...(options.inboxRetryMs === undefined ? {} : { retryMs: options.inboxRetryMs }),
    })
    inbox.start()
  }

  const signedIn = <T>(run: (s: Session) => Result<T>): Result<T> =>
    session ? run(session) : fail('not-signed-in', 'Sign in to start your shift first.')

  /** Tells the page an incident has a new record: its queue row and its open view. */
  function pushRecordAdded(incidentId: number) {
    emit('incidents.changed', { rows: [incidents.row(incidentId)!], flashIds: [] })
    emit('incident.recordAdded', { incidentId })
  }

  /** Moves the worker's progress as a side effect of a record, audited like a manual move. */
  function moveProgress(id: number, from: Progress, to: Progress, cause: Record<string, unknown>) {
    if (from === to) return
    incidents.setProgress(id, to)
    audit('incident.progress', id, { from, to, ...cause })
  }

  /** Why `amends` cannot be filed on this incident, or null when it can. */
  function amendsProblem(incidentId: number, amends: number | null): string | null {
    if (amends === null) return null
    const target = notes.get(amends)
    return target?.incidentId === incidentId
      ? null
      : `Note ${amends} is not a note on this incident, so this note cannot amend it.`
  }

  function detail(id: number, worker: Session): IncidentDetail | undefined {
    const found = incidents.detail(id)
    if (!found) return undefined
    const attempts = contacts.ofIncident(id)
    const scripted = scriptRecord(script, scripts, id)
    return {
      ...found,
      attempts,
      notes: notes.ofIncident(id),
      draft: notes.draft(id, actorOf(worker)),
      script: scripted,
      escalation: escalationRecord(escalations, id, found.fields, scripted, attempts),
      repeats: repeatRecord({ repeats, escalations, scripts, script }, id, found.fields),
      claresLaw: claresLaw.ofIncident(id),
      followUps: followUpRecords.ofIncident(id),
      supportCar: supportCar.ofIncident(id),
    }
  }

  /**
   * Stores one record of the worker's work on an incident, in one transaction with its audit
   * entry and the move from 'new' to 'reviewing', then tells the page.
   */
  function recordWork<T extends { id: number }>(
    before: QueueRow,
    action: string,
    idKey: string,
    add: () => T,
    detail: Record<string, unknown> = {},
  ): T {
    const added = db.transaction(() => {
      const record = add()
      audit(action, before.id, { [idKey]: record.id, ...detail })
      moveProgress(before.id, before.progress, reviewed(before.progress), { [idKey]: record.id })
      return record
    })()
    pushRecordAdded(before.id)
    return added
  }

  /** Ends the session; the shift stays open for the next worker until it is handed over. */
  function signOut(reason?: string) {
    if (session) {
      audit('session.signOut', null, reason === undefined ? {} : { reason })
      desk.endSession(session.id, toIsoUtc(now()))
    }
    session = null
    lock.end()
    viewsLogged.clear()
  }

  const pdf = pdfRenderer({ warmUpAfterMs: PDF_WARM_UP_DELAY_MS })
  const context: DeskContext = {
    db,
    now,
    incidents,
    dataDir,
    script,
    pdf,
    settings,
    worker: () => session,
    signOut,
    audit,
    signedIn,
    pushRecordAdded,
    recordWork,
    backUp: (reason) => backUpAfter({ ...backupOptions(context, options.key), reason }),
  }
  const retentionPolicy = retentionHandlers(context)
  const followUps = followUpHandlers(context)

  const handlers: Omit<Handlers, BackupCall> = {
    'session.current': () => ok(session && { ...session, locked: lock.isLocked() }),
    'session.signIn': async ({ workerName, organisation, pin }) => {
      const pinHash = await hashPin(pin)
      // Locked while the PIN was hashed: that session's PIN is needed to end it, or its Sign out.
      if (lock.isLocked()) return fail('locked', 'DA Desk is locked: unlock it or sign out first.')
      if (session) {
        audit('session.signOut', null, { reason: 'another sign-in' })
        desk.endSession(session.id, toIsoUtc(now()))
        lock.end()
      }
      // Signing in starts a shift, or joins the one open.
      const started = db.transaction(() => {
        session = desk.startSession(workerName, organisation, toIsoUtc(now()))
        audit('session.signIn', null, {})
        joinShiftAtSignIn(shifts, session.id, session.signedInAt, audit)
        return session
      })
      try {
        started()
      } catch (error) {
        session = null
        throw error
      }
      lock.begin(pinHash)
      viewsLogged.clear()
      return ok(session!)
    },
    'session.signOut': () => {
      signOut()
      return ok(null)
    },
    ...lockHandlers(context, lock),
    // The queue shows every open incident's victim name, phone and address.
    'incidents.list': () =>
      signedIn(() => {
        const rows = incidents.listRows()
        audit('queue.view', null, { incidents: rows.length })
        return ok(rows)
      }),
    'incidents.get': ({ id }) =>
      signedIn((worker) => {
        const found = detail(id, worker)
        if (!found) return fail('not-found', `No incident with id ${id}.`)
        // A consultation is logged once per worker session and incident in a while, not on every
        // refresh the page makes while the incident stays open.
        const last = viewsLogged.get(id)
        if (last === undefined || now() - last >= VIEW_LOG_INTERVAL_MS) {
          audit('incident.view', id, { incidentRef: found.row.incidentRef })
          viewsLogged.set(id, now())
        }
        return ok(found)
      }),
    'incidents.setProgress': ({ id, progress }) =>
      signedIn(() => {
        const before = incidents.row(id)
        if (!before) return fail('not-found', `No incident with id ${id}.`)
        if (before.progress === progress) return ok(before)
        incidents.setProgress(id, progress)
        audit('incident.progress', id, { from: before.progress, to: progress })
        const row = incidents.row(id)!
        emit('incidents.changed', { rows: [row], flashIds: [] })
        return ok(row)
      }),
    'incidents.addManual': async ({ record }) => {
      if (!session) return fail('not-signed-in', 'Sign in to start your shift first.')
      const worker = session.workerName
      const checked = validateRecord(record, 'record', now())
      if (!checked.ok) {
        return fail(
          'invalid-record',
          'The incident was not added: check the fields marked.',
          checked.rejections,
        )
      }
      const ref = checked.incident.incidentRef
      if (incidents.findByRef(ref)) {
        return fail('invalid-record', `${ref} is already in the queue.`, [
          {
            at: 'record',
            field: 'incidentRef',
            reason: 'an incident with this reference already exists',
          },
        ])
      }
      let id = 0
      await applyRecords(db, incidents, [checked.incident], {
        origin: 'manual',
        via: worker,
        now,
        onBatch: (changed) => {
          id = changed[0]!.id
        },
      })
      audit('incident.addManual', id, { incidentRef: ref })
      pushRows([{ id, outcome: 'accepted' }], true)
      return ok(incidents.row(id)!)
    },
    'contact.logAttempt': (request) =>
      signedIn((worker) => {
        const { incidentId, result, callBackAt } = request
        const before = incidents.row(incidentId)
        if (!before) return fail('not-found', `No incident with id ${incidentId}.`)
        if (callBackAt !== null) {
          if (NO_CALL_BACK.includes(result)) {
            return fail(
              'bad-request',
              `A call-back cannot be set when the result is “${CONTACT_RESULT_LABELS[result]}”.`,
            )
          }
          if (Date.parse(callBackAt) < now() - CALL_BACK_GRACE_MS) {
            return fail('bad-request', 'The call-back time is in the past: choose a later time.')
          }
        }
        const attempt = db.transaction(() => {
          const added = contacts.add({
            incidentId,
            at: toIsoUtc(now()),
            number: request.number,
            result,
            callBackAt: callBackAt === null ? null : toIsoUtc(Date.parse(callBackAt)),
            note: request.note || null,
            by: actorOf(worker),
            sessionId: worker.id,
          })
          audit('contact.attempt', incidentId, { attemptId: added.id, result })
          moveProgress(incidentId, before.progress, progressAfterAttempt(before.progress, result), {
            attemptId: added.id,
          })
          return added
        })()
        pushRecordAdded(incidentId)
        return ok(attempt)
      }),
    'notes.add': (request) =>
      signedIn((worker) => {
        const { incidentId, actionOwner, amends } = request
        const before = incidents.row(incidentId)
        if (!before) return fail('not-found', `No incident with id ${incidentId}.`)
        const tags = canonicalTags(request.tags)
        if (tags.includes('action') && actionOwner === null) {
          return fail(
            'bad-request',
            'An action note needs an owner: police, support service or next shift.',
          )
        }
        if (!tags.includes('action') && actionOwner !== null) {
          return fail('bad-request', 'Only an action note has an owner: add the Action tag.')
        }
        const problem = amendsProblem(incidentId, amends)
        if (problem) return fail('bad-request', problem)
        const note = db.transaction(() => {
          const added = notes.add({
            incidentId,
            at: toIsoUtc(now()),
            author: actorOf(worker),
            text: request.text,
            tags,
            actionOwner,
            amends,
            sessionId: worker.id,
          })
          notes.deleteDraft(incidentId, actorOf(worker))
          audit('note.add', incidentId, { noteId: added.id, tags, amends })
          // A filed note means the worker has looked at the incident.
          const after = before.progress === 'new' ? 'reviewing' : before.progress
          moveProgress(incidentId, before.progress, after, { noteId: added.id })
          return added
        })()
        pushRecordAdded(incidentId)
        return ok(note)
      }),
    'notes.saveDraft': (request) =>
      signedIn((worker) => {
        const { incidentId, text, amends } = request
        if (!incidents.row(incidentId)) {
          return fail('not-found', `No incident with id ${incidentId}.`)
        }
        const author = actorOf(worker)
        // Drafts are not records: saved on every pause in typing, so not audited.
        if (text.trim() === '' && request.tags.length === 0) {
          notes.deleteDraft(incidentId, author)
          return ok({ savedAt: null })
        }
        const problem = amendsProblem(incidentId, amends)
        if (problem) return fail('bad-request', problem)
        const savedAt = toIsoUtc(now())
        notes.saveDraft({
          incidentId,
          author,
          text,
          tags: canonicalTags(request.tags),
          actionOwner: request.actionOwner,
          amends,
          savedAt,
        })
        return ok({ savedAt })
      }),
    'notes.markActionDone': ({ noteId }) =>
      signedIn((worker) => {
        const note = notes.get(noteId)
        if (!note) return fail('not-found', `No note with id ${noteId}.`)
        if (!note.tags.includes('action')) {
          return fail('bad-request', 'Only an action note can be marked done.')
        }
        if (note.actionDoneAt !== null) {
          return fail(
            'bad-request',
            `This action was already marked done by ${note.actionDoneBy} at ${formatDateTime(note.actionDoneAt)}.`,
          )
        }
        db.transaction(() => {
          notes.markActionDone({
            noteId,
            at: toIsoUtc(now()),
            by: actorOf(worker),
            sessionId: worker.id,
          })
          audit('note.actionDone', note.incidentId, { noteId })
        })()
        pushRecordAdded(note.incidentId)
        return ok(notes.get(noteId)!)
      }),
    // The script is not personal data: the page may load it before anyone signs in.
    'script.get': () => ok(script),
    'script.answer': (request) =>
      signedIn((worker) => {
        const { incidentId, scriptVersion, questionId } = request
        const before = incidents.row(incidentId)
        if (!before) return fail('not-found', `No incident with id ${incidentId}.`)
        if (scriptVersion !== script.version) {
          return fail(
            'bad-request',
            `This answer is for version ${scriptVersion} of the script, but version ` +
              `${script.version} is in use: reload the script and answer again.`,
          )
        }
        const question = questions.get(questionId)
        if (!question) {
          return fail('bad-request', `“${questionId}” is not a question in the script.`)
        }
        const checked = checkAnswer(question, request.value)
        if (!checked.ok) {
          return fail('bad-request', `“${question.text}”: ${checked.problem}`)
        }
        // The value is not copied into the audit log: free-text answers are personal data.
        const answer = recordWork(
          before,
          'script.answer',
          'answerId',
          () =>
            scripts.addAnswer({
              incidentId,
              scriptId: script.id,
              scriptVersion: script.version,
              questionId,
              value: checked.value,
              at: toIsoUtc(now()),
              by: actorOf(worker),
              sessionId: worker.id,
            }),
          { questionId, scriptVersion },
        )
        return ok(answer)
      }),
    'script.setStep': ({ incidentId, stepId }) =>
      signedIn((worker) => {
        if (!incidents.row(incidentId)) {
          return fail('not-found', `No incident with id ${incidentId}.`)
        }
        if (!stepIds.has(stepId)) {
          return fail('bad-request', `“${stepId}” is not a step in the script.`)
        }
        db.transaction(() => {
          scripts.setPosition({ incidentId, stepId, at: toIsoUtc(now()), by: actorOf(worker) })
          audit('script.step', incidentId, { stepId })
        })()
        pushRecordAdded(incidentId)
        return ok({ stepId })
      }),
    'risk.judge': ({ incidentId, high, reason }) =>
      signedIn((worker) => {
        const before = incidents.row(incidentId)
        if (!before) return fail('not-found', `No incident with id ${incidentId}.`)
        const judgement = recordWork(
          before,
          'risk.judge',
          'judgementId',
          () =>
            scripts.addJudgement({
              incidentId,
              high,
              reason,
              at: toIsoUtc(now()),
              by: actorOf(worker),
              sessionId: worker.id,
            }),
          { high },
        )
        return ok(judgement)
      }),
    'referrals.add': (request) =>
      signedIn((worker) => {
        const { incidentId, service, decision } = request
        const otherService = request.otherService || null
        const detail = request.detail || null
        const before = incidents.row(incidentId)
        if (!before) return fail('not-found', `No incident with id ${incidentId}.`)
        if (service === 'other' && otherService === null) {
          return fail('bad-request', 'Name the service for an “Other” referral.')
        }
        if (service !== 'other' && otherService !== null) {
          return fail('bad-request', 'Only an “Other” referral takes a service name.')
        }
        if (decision === 'already-supported' && detail === null) {
          return fail('bad-request', 'Say who already supports the victim.')
        }
        if (decision === 'declined' && detail === null) {
          return fail('bad-request', 'Say why the victim declined, in their words if possible.')
        }
        const referral = recordWork(
          before,
          'referral.add',
          'referralId',
          () =>
            scripts.addReferral({
              incidentId,
              service,
              otherService,
              decision,
              detail,
              at: toIsoUtc(now()),
              by: actorOf(worker),
              sessionId: worker.id,
            }),
          { service, decision },
        )
        return ok(referral)
      }),
    // An outcome says how the call ended; the worker's progress stays theirs to move.
    'contact.recordOutcome': ({ incidentId, outcome, note }) =>
      signedIn((worker) => {
        if (!incidents.row(incidentId)) {
          return fail('not-found', `No incident with id ${incidentId}.`)
        }
        const recorded = db.transaction(() => {
          const added = scripts.addOutcome({
            incidentId,
            outcome,
            note: note || null,
            at: toIsoUtc(now()),
            by: actorOf(worker),
            sessionId: worker.id,
          })
          audit('contact.outcome', incidentId, { outcomeId: added.id, outcome })
          followUps.afterContactOutcome(incidentId, worker)
          return added
        })()
        pushRecordAdded(incidentId)
        return ok(recorded)
      }),
    ...escalationHandlers(context),
    ...repeatHandlers(context),
    ...claresLawHandlers(context),
    'audit.status': () => signedIn(() => ok(auditStatus)),
    ...handoverHandlers(context),
    ...retentionPolicy.handlers,
    ...followUps.handlers,
    ...supportCarHandlers(context),
    'feed.health': () => ok(health()),
    // A report's reasons can quote the values refused, such as a phone number.
    'feed.quarantined': () =>
      signedIn(() => {
        const files = desk.quarantinedFiles()
        audit('quarantine.view', null, { files: files.length })
        return ok(files)
      }),
    'settings.get': () => ok(settings()),
    'settings.update': async (update) => {
      if (!session) return fail('not-signed-in', 'Sign in to start your shift first.')
      /** A changed setting and its audit entry, together. */
      const store = (key: keyof Settings, value: unknown) =>
        db.transaction(() => {
          desk.putSetting(key, value)
          audit('settings.update', null, { [key]: value })
        })()
      const targetsProblem = update.gradeTargets && gradeTargetsProblem(update.gradeTargets)
      if (targetsProblem) return fail('bad-request', targetsProblem)
      if (update.exportDir !== undefined) {
        const problem = exportDirProblem(update.exportDir)
        if (problem) return fail('bad-request', problem)
      }
      if (update.inboxDir !== undefined) {
        const dir = update.inboxDir
        if (!isAbsolute(dir)) {
          return fail(
            'bad-request',
            'The inbox folder must be a full path, such as C:\\Feeds\\DA or /srv/feed.',
          )
        }
        try {
          mkdirSync(dir, { recursive: true })
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'error'
          return fail(
            'io',
            `DA Desk cannot use ${dir} as the inbox (${code}). The old folder is still in use.`,
          )
        }
        if (dir !== settings().inboxDir) {
          store('inboxDir', dir)
          if (inbox) {
            await inbox.close()
            startInbox()
          }
        }
      }
      // The theme is the worker's own preference; every other setting changes what the desk does
      // or what leaves it, so its change is audited.
      if (update.theme !== undefined) desk.putSetting('theme', update.theme)
      const current = settings()
      for (const key of AUDITED_SETTINGS) {
        const value = update[key]
        if (value === undefined || JSON.stringify(value) === JSON.stringify(current[key])) continue
        store(key, value)
        if (key === 'retentionMonths') retentionPolicy.afterSettingsChange()
      }
      return ok(settings())
    },
  }

  if (options.watchInbox ?? true) startInbox()
  const stopRetention = retentionPolicy.schedule()

  return {
    context,
    handlers: lock.guard(handlers),
    isLocked: lock.isLocked,
    inboxDir: () => settings().inboxDir,
    inboxIdle: async () => {
      await inbox?.idle()
    },
    async close() {
      stopRetention()
      await pdf.close()
      await inbox?.close()
      if (session) {
        audit('session.signOut', null, { reason: 'DA Desk closed' })
        desk.endSession(session.id, toIsoUtc(now()))
      }
      db.close()
    },
  }
}

const DAMAGED_MESSAGE =
  'The database is damaged, so DA Desk cannot use it. Restore a backup from the recovery screen.'

/**
 * The desk the hosts hold (Electron main, the Chromium host, the CLI's tests): its handler table,
 * listeners and close stay the same for its whole life, while the database behind them is one
 * DeskInstance that a restore closes and replaces, or none at all when the database was found
 * damaged at start-up. Every call goes to the instance open now (or is refused as
 * 'database-damaged'); desk.status and the backup calls are the outer desk's own, as they work in
 * both states.
 */
export function openDesk(options: DeskOptions): Desk {
  const now = options.now ?? Date.now
  const dataDir = resolve(options.dataDir)
  const listeners = new Set<DeskListener>()
  // A listener that fails (e.g. a window being closed) must not turn a committed change into an
  // error the worker would retry, recording it twice.
  const emit: DeskListener = (event, payload) => {
    for (const listener of listeners) {
      try {
        listener(event, payload)
      } catch (error) {
        console.error(`DA Desk: could not deliver ${event}`, error)
      }
    }
  }

  type State = { open: DeskInstance; damaged: null } | { open: null; damaged: DamagedDatabaseError }
  function start(): State {
    try {
      return { open: openDeskInstance({ ...options, dataDir }, emit), damaged: null }
    } catch (error) {
      const damaged =
        error instanceof DatabaseKeyError
          ? damagedFirstPage(databaseFile(dataDir), options.key, dataDir)
          : error
      if (!(damaged instanceof DamagedDatabaseError)) throw error
      console.error(`DA Desk: ${damaged.message}`)
      return { open: null, damaged }
    }
  }
  let state = start()

  // Started below, once the host it backs up through is there.
  let daily: DailyBackups | null = null
  const host: BackupHost = {
    dataDir,
    key: options.key,
    now,
    open: () => state.open?.context ?? null,
    status: () =>
      state.damaged
        ? { state: 'damaged', file: state.damaged.file, problem: state.damaged.problem }
        : { state: 'ready' },
    async reopen(swap, undo) {
      // A daily backup being made reads the database and audits in it: let it finish first.
      await daily?.settle()
      await state.open?.close()
      let problem: string | null = null
      try {
        swap()
        state = start()
        if (state.damaged)
          problem = `the restored database would not open (${state.damaged.problem}).`
      } catch (error) {
        problem = (error as Error).message
      }
      if (problem) {
        undo()
        state = start()
      }
      return problem
    },
  }

  const backups = backupHandlers(host)
  const delegate = <N extends CallName>(name: N) =>
    ((request: never) =>
      state.open
        ? (state.open.handlers[name as Exclude<N, BackupCall>] as (r: never) => unknown)(request)
        : fail('database-damaged', DAMAGED_MESSAGE)) as unknown as Handlers[N]
  // The backup calls are served here, outside the instance a restore replaces: a locked screen
  // refuses them as the instance refuses its own calls, but for the desk's status, which a page
  // reloaded under the lock asks first.
  const unlocked = (handler: (request: never) => unknown) => (request: never) =>
    state.open?.isLocked() ? lockedRefusal() : handler(request)
  const handlers = Object.fromEntries(
    (Object.keys(callRequests) as CallName[]).map((name) => [
      name,
      name === 'desk.status'
        ? backups[name]
        : name in backups
          ? unlocked(backups[name as BackupCall] as (request: never) => unknown)
          : delegate(name),
    ]),
  ) as Handlers

  if (options.dailyBackups ?? options.watchInbox ?? true) daily = startDailyBackups(host)

  return {
    handlers,
    get db() {
      if (!state.open) throw new Error(DAMAGED_MESSAGE)
      return state.open.context.db
    },
    dataDir,
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    inboxDir: () => state.open?.inboxDir() ?? join(dataDir, 'inbox'),
    inboxIdle: async () => {
      await state.open?.inboxIdle()
    },
    async close() {
      await daily?.stop()
      listeners.clear()
      await state.open?.close()
    },
  }
}
