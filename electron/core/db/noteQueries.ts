// SQL for rapport notes, the done-marks on action notes, and the drafts being typed. Notes and
// done-marks are never changed (the tables refuse it); a draft is replaced as the worker types.
import type { Db } from './openDatabase.ts'
import type { ActionOwner, Note, NoteDraft, NoteTag } from '#shared/domain.ts'

export interface NewNote {
  incidentId: number
  at: string
  author: string
  text: string
  tags: NoteTag[]
  actionOwner: ActionOwner | null
  amends: number | null
  sessionId: number | null
}

export interface DraftToSave {
  incidentId: number
  author: string
  text: string
  tags: NoteTag[]
  actionOwner: ActionOwner | null
  amends: number | null
  savedAt: string
}

interface NoteRecord extends Omit<Note, 'tags'> {
  tags: string
}

interface DraftRecord extends Omit<NoteDraft, 'tags'> {
  tags: string
}

const selectNote = `
  SELECT n.id, n.incident_id AS incidentId, n.at, n.author, n.text, n.tags,
         n.action_owner AS actionOwner, n.amends, d.at AS actionDoneAt, d.done_by AS actionDoneBy
  FROM notes n LEFT JOIN note_action_done d ON d.note_id = n.id`

const toNote = (r: NoteRecord): Note => ({ ...r, tags: JSON.parse(r.tags) as NoteTag[] })

export function noteQueries(db: Db) {
  const insert = db.prepare(
    `INSERT INTO notes (incident_id, at, author, text, tags, action_owner, amends, session_id)
     VALUES (:incidentId, :at, :author, :text, :tags, :actionOwner, :amends, :sessionId)`,
  )
  const byId = db.prepare<{ id: number }, NoteRecord>(`${selectNote} WHERE n.id = :id`)
  const ofIncident = db.prepare<{ incidentId: number }, NoteRecord>(
    `${selectNote} WHERE n.incident_id = :incidentId ORDER BY n.id`,
  )
  const markDone = db.prepare(
    `INSERT INTO note_action_done (note_id, at, done_by, session_id)
     VALUES (:noteId, :at, :by, :sessionId)`,
  )
  const putDraft = db.prepare(
    `INSERT INTO note_drafts (incident_id, author, text, tags, action_owner, amends, saved_at)
     VALUES (:incidentId, :author, :text, :tags, :actionOwner, :amends, :savedAt)
     ON CONFLICT (incident_id, author) DO UPDATE SET
       text = excluded.text, tags = excluded.tags, action_owner = excluded.action_owner,
       amends = excluded.amends, saved_at = excluded.saved_at`,
  )
  const getDraft = db.prepare<{ incidentId: number; author: string }, DraftRecord>(
    `SELECT incident_id AS incidentId, text, tags, action_owner AS actionOwner, amends,
            saved_at AS savedAt
     FROM note_drafts WHERE incident_id = :incidentId AND author = :author`,
  )
  const deleteDraft = db.prepare(
    `DELETE FROM note_drafts WHERE incident_id = :incidentId AND author = :author`,
  )

  return {
    add(note: NewNote): Note {
      const id = Number(insert.run({ ...note, tags: JSON.stringify(note.tags) }).lastInsertRowid)
      return toNote(byId.get({ id })!)
    },
    get(id: number): Note | undefined {
      const r = byId.get({ id })
      return r && toNote(r)
    },
    /** Oldest first; an amendment comes after the note it amends. */
    ofIncident(incidentId: number): Note[] {
      return ofIncident.all({ incidentId }).map(toNote)
    },
    markActionDone(done: { noteId: number; at: string; by: string; sessionId: number | null }) {
      markDone.run(done)
    },
    saveDraft(draft: DraftToSave): void {
      putDraft.run({ ...draft, tags: JSON.stringify(draft.tags) })
    },
    draft(incidentId: number, author: string): NoteDraft | null {
      const r = getDraft.get({ incidentId, author })
      return r ? { ...r, tags: JSON.parse(r.tags) as NoteTag[] } : null
    },
    deleteDraft(incidentId: number, author: string): void {
      deleteDraft.run({ incidentId, author })
    },
  }
}

export type NoteQueries = ReturnType<typeof noteQueries>
