// The rapport note being written on the open incident. It is saved as a draft while it is typed
// (within half a second of the last key), so a killed app loses nothing, and restored when the
// incident is opened again. Filed notes are never edited: a correction is a new note that
// amends the old one. Action notes are marked done apart from the note.
import {
  NOTE_MAX_CHARS,
  type ActionOwner,
  type IncidentDetail,
  type Note,
  type NoteTag,
} from '#shared/domain.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

/** Quiet time after a key before the draft is saved; well inside the half-second promise. */
export const DRAFT_SAVE_DELAY_MS = 300

export interface NoteComposer {
  incidentId: number
  text: string
  tags: NoteTag[]
  actionOwner: ActionOwner | null
  amends: number | null
}

export type DraftStatus =
  | { state: 'empty' }
  | { state: 'saving' }
  | { state: 'saved'; savedAt: string }
  | { state: 'too-long' }
  | { state: 'failed'; message: string }

export interface NotesSlice {
  composer: NoteComposer | null
  draftStatus: DraftStatus
  filingNote: boolean
  /** Puts the incident's saved draft (or a blank note) in the composer, unless the composer is
   * already on that incident: a reload never touches what is being typed. */
  loadComposer(detail: IncidentDetail): void
  editComposer(change: Partial<Omit<NoteComposer, 'incidentId'>>): void
  /** Starts a correction of a filed note (with its words to edit, if nothing is typed yet). */
  amendNote(note: Note): void
  /** Saves a draft still waiting for its quiet time (or one that failed) now, and waits for
   * every draft save to finish. */
  flushDraft(): Promise<void>
  /** Whether any note being written is not safely saved as a draft. */
  hasUnsavedNotes(): boolean
  /** Files the note; resolves to the reason when it was refused (the text stays). */
  fileNote(): Promise<string | null>
  markActionDone(noteId: number): Promise<void>
  clearComposer(): void
}

function blank(incidentId: number): NoteComposer {
  return { incidentId, text: '', tags: [], actionOwner: null, amends: null }
}

function tooLong(composer: NoteComposer): boolean {
  return composer.text.length > NOTE_MAX_CHARS
}

export const createNotesSlice: DeskSlice<NotesSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null
  let waiting: NoteComposer | null = null
  /** Draft saves run one after another, so an older one never lands after a newer one. */
  let saves: Promise<void> = Promise.resolve()
  /** Counts edits: a save reports its outcome only if nothing was typed after it. */
  let edits = 0
  /** Notes that could not be saved as drafts when the worker moved to another incident, kept in
   * memory and put back when that incident is opened again. */
  const unsaved = new Map<number, NoteComposer>()

  function refName(incidentId: number): string {
    return get().rowsById.get(incidentId)?.incidentRef ?? 'the incident you left'
  }

  function keepUnsaved(composer: NoteComposer, why: string): void {
    unsaved.set(composer.incidentId, composer)
    get().tell(
      `The note you were writing on ${refName(composer.incidentId)} was not saved as a draft ` +
        `(${why}). It is kept on this screen: open that incident again to carry on.`,
      'error',
    )
  }

  function cancelWaiting(): void {
    if (timer) clearTimeout(timer)
    timer = null
    waiting = null
  }

  function saveDraft(draft: NoteComposer): Promise<void> {
    const edit = edits
    const isCurrent = () => edit === edits && get().composer?.incidentId === draft.incidentId
    saves = saves.then(async () => {
      if (tooLong(draft)) {
        if (get().composer?.incidentId !== draft.incidentId) keepUnsaved(draft, 'it is too long')
        return
      }
      const result = await call('notes.saveDraft', draft)
      if (result.ok) {
        unsaved.delete(draft.incidentId)
        if (isCurrent()) {
          const { savedAt } = result.value
          set({ draftStatus: savedAt ? { state: 'saved', savedAt } : { state: 'empty' } })
        }
        return
      }
      if (result.error.code === 'not-signed-in') {
        get().reportProblem('', result.error)
        return
      }
      if (get().composer?.incidentId !== draft.incidentId) {
        keepUnsaved(draft, result.error.message)
      } else if (isCurrent()) {
        set({ draftStatus: { state: 'failed', message: result.error.message } })
      }
    })
    return saves
  }

  function setComposer(composer: NoteComposer, draftStatus: DraftStatus): void {
    edits++
    set({ composer, draftStatus })
  }

  function scheduleSave(composer: NoteComposer): void {
    cancelWaiting()
    waiting = composer
    timer = setTimeout(() => {
      const draft = waiting
      cancelWaiting()
      if (draft) void saveDraft(draft)
    }, DRAFT_SAVE_DELAY_MS)
  }

  function edited(composer: NoteComposer): void {
    setComposer(composer, tooLong(composer) ? { state: 'too-long' } : { state: 'saving' })
    scheduleSave(composer)
  }

  return {
    composer: null,
    draftStatus: { state: 'empty' },
    filingNote: false,
    loadComposer: (detail) => {
      const incidentId = detail.row.id
      const current = get().composer
      if (current?.incidentId === incidentId) return
      const status = get().draftStatus.state
      if (
        current &&
        (status === 'failed' || status === 'too-long') &&
        !unsaved.has(current.incidentId)
      ) {
        keepUnsaved(current, status === 'failed' ? 'saving failed' : 'it is too long')
      }
      const kept = unsaved.get(incidentId)
      if (kept) {
        edited(kept)
        return
      }
      const draft = detail.draft
      if (!draft) {
        setComposer(blank(incidentId), { state: 'empty' })
        return
      }
      const { text, tags, actionOwner, amends, savedAt } = draft
      setComposer({ incidentId, text, tags, actionOwner, amends }, { state: 'saved', savedAt })
    },
    editComposer: (change) => {
      const composer = get().composer
      if (composer && !get().filingNote) edited({ ...composer, ...change })
    },
    amendNote: (note) => {
      const composer = get().composer
      if (!composer || composer.incidentId !== note.incidentId) return
      get().editComposer(
        composer.text.trim() === ''
          ? { amends: note.id, text: note.text, tags: note.tags, actionOwner: note.actionOwner }
          : { amends: note.id },
      )
    },
    flushDraft: async () => {
      const draft = waiting
      cancelWaiting()
      const composer = get().composer
      if (draft) void saveDraft(draft)
      else if (composer && get().draftStatus.state === 'failed') void saveDraft(composer)
      await saves
    },
    hasUnsavedNotes: () => {
      const state = get().draftStatus.state
      return unsaved.size > 0 || state === 'failed' || state === 'too-long'
    },
    fileNote: async () => {
      const composer = get().composer
      if (!composer || get().filingNote) return null
      const text = composer.text.trim()
      if (text === '') return 'Write the note first.'
      if (text.length > NOTE_MAX_CHARS) {
        return (
          `Not filed: this note is ${text.length.toLocaleString('en-GB')} characters and a note ` +
          `can hold at most ${NOTE_MAX_CHARS.toLocaleString('en-GB')}. Shorten it, or file it ` +
          'in two parts. Your text is still here.'
        )
      }
      const action = composer.tags.includes('action')
      if (action && !composer.actionOwner) {
        return 'Not filed: choose who owns the action (Police, Support service or Next shift).'
      }
      // No draft save may land after the note is filed and bring the draft back.
      cancelWaiting()
      set({ filingNote: true })
      await saves
      const result = await call('notes.add', {
        incidentId: composer.incidentId,
        text,
        tags: composer.tags,
        actionOwner: action ? composer.actionOwner : null,
        amends: composer.amends,
      })
      set({ filingNote: false })
      if (!result.ok) {
        if (result.error.code === 'not-signed-in') get().reportProblem('', result.error)
        // What was typed is still the draft: make sure it is saved.
        else void saveDraft(composer)
        return `Not filed: ${result.error.message} Your text is still here.`
      }
      const note = result.value
      const detail = get().detail
      // Shown at once; `incident.recordAdded` then reloads the incident.
      if (detail && detail.row.id === note.incidentId) {
        set({ detail: { ...detail, notes: [...detail.notes, note] } })
      }
      // Filing removed the draft on the Node side.
      if (get().composer?.incidentId === note.incidentId) {
        setComposer(blank(note.incidentId), { state: 'empty' })
      }
      get().tell('Note filed.', 'success')
      return null
    },
    markActionDone: async (noteId) => {
      const note = await request(get, 'Could not mark the action done', 'notes.markActionDone', {
        noteId,
      })
      const detail = get().detail
      if (!note || !detail || detail.row.id !== note.incidentId) return
      set({ detail: { ...detail, notes: detail.notes.map((n) => (n.id === note.id ? note : n)) } })
    },
    clearComposer: () => {
      cancelWaiting()
      unsaved.clear()
      edits++
      set({ composer: null, draftStatus: { state: 'empty' }, filingNote: false })
    },
  }
}
