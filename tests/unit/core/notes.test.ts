// Rapport notes: filing, amending, action owners and done-marks, the draft kept while typing,
// quick phrases, and that a filed note stays exactly as it was written.
import { describe, expect, it } from 'vitest'
import { NOTE_MAX_CHARS } from '../../../shared/domain.ts'
import { tempDir } from '../../support/tempDir.ts'
import { addIncident, call, closeDesk, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'

const note = (incidentId: number, overrides: Record<string, unknown> = {}) => ({
  incidentId,
  text: 'Victim says the suspect has left; she is at her sister’s.',
  tags: ['rapport'],
  actionOwner: null,
  amends: null,
  ...overrides,
})

async function ready(dataDir?: string): Promise<{ d: TestDesk; id: number }> {
  const d = testDesk(dataDir)
  await signIn(d)
  const id = await addIncident(d)
  return { d, id }
}

const storedNotes = (d: TestDesk) => d.db.prepare(`SELECT * FROM notes ORDER BY id`).all()

describe('filing a note', () => {
  it('keeps the text, tags, time and author, and shows it on the incident', async () => {
    const { d, id } = await ready()
    const filed = await must(d, 'notes.add', note(id, { tags: ['risk', 'rapport', 'risk'] }))
    expect(filed).toEqual({
      id: expect.any(Number),
      incidentId: id,
      at: '2026-11-21T18:00:00.000Z',
      author: 'Jo Example (Harbour)',
      text: 'Victim says the suspect has left; she is at her sister’s.',
      tags: ['rapport', 'risk'],
      actionOwner: null,
      amends: null,
      actionDoneAt: null,
      actionDoneBy: null,
    })
    expect((await must(d, 'incidents.get', { id })).notes).toEqual([filed])
  })

  it('is audited and pushed to the page', async () => {
    const { d, id } = await ready()
    d.events.length = 0
    const filed = await must(d, 'notes.add', note(id))
    expect(
      d.db.prepare(`SELECT actor, detail FROM audit_log WHERE action = 'note.add'`).all(),
    ).toEqual([
      {
        actor: 'Jo Example (Harbour)',
        detail: JSON.stringify({ noteId: filed.id, tags: ['rapport'], amends: null }),
      },
    ])
    expect(d.events.map((e) => e.event)).toEqual(['incidents.changed', 'incident.recordAdded'])
    expect(d.events[1]!.payload).toEqual({ incidentId: id })
  })

  it('moves a new incident to reviewing', async () => {
    const { d, id } = await ready()
    await must(d, 'notes.add', note(id))
    expect((await must(d, 'incidents.get', { id })).row.progress).toBe('reviewing')
  })

  it(`takes up to ${NOTE_MAX_CHARS.toLocaleString('en-GB')} characters`, async () => {
    const { d, id } = await ready()
    const filed = await must(d, 'notes.add', note(id, { text: 'x'.repeat(NOTE_MAX_CHARS) }))
    expect(filed.text).toHaveLength(NOTE_MAX_CHARS)
  })

  it('refuses a longer note with a clear message, and stores nothing', async () => {
    const { d, id } = await ready()
    const refused = await call(d, 'notes.add', note(id, { text: 'x'.repeat(NOTE_MAX_CHARS + 1) }))
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/at most 20,000 characters/) },
    })
    expect(storedNotes(d)).toEqual([])
  })

  it.each([
    ['an empty note', { text: '   ' }],
    ['an unknown tag', { tags: ['gossip'] }],
    ['an unknown action owner', { tags: ['action'], actionOwner: 'social-services' }],
    ['an extra key', { author: 'Someone Else' }],
    ['text that is not a string', { text: ['a'] }],
    ['tags that are not a list', { tags: 'rapport' }],
    ['an amends id that is not a number', { amends: '1' }],
  ])('refuses %s as a bad request, and stores nothing', async (_what, overrides) => {
    const { d, id } = await ready()
    expect(await call(d, 'notes.add', note(id, overrides))).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(storedNotes(d)).toEqual([])
  })

  it('says when the incident does not exist', async () => {
    const { d } = await ready()
    expect(await call(d, 'notes.add', note(999))).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })

  it('needs a signed-in worker', async () => {
    const { d, id } = await ready()
    await must(d, 'session.signOut', {})
    expect(await call(d, 'notes.add', note(id))).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    })
    expect(storedNotes(d)).toEqual([])
  })
})

describe('amending a note', () => {
  it('files the correction as a new note pointing at the old one, and keeps both', async () => {
    const { d, id } = await ready()
    const first = await must(d, 'notes.add', note(id, { text: 'Suspect is her brother.' }))
    d.setTime('2026-11-21T18:07:00Z')
    const correction = await must(
      d,
      'notes.add',
      note(id, { text: 'Correction: suspect is her ex-partner.', amends: first.id }),
    )
    expect(correction).toMatchObject({ amends: first.id, at: '2026-11-21T18:07:00.000Z' })
    const { notes } = await must(d, 'incidents.get', { id })
    expect(notes).toEqual([first, correction])
    expect(notes[0]!.text).toBe('Suspect is her brother.')
  })

  it('refuses to amend a note on another incident, and stores nothing', async () => {
    const { d, id } = await ready()
    const other = await addIncident(d, 'CL-20261121-1000')
    const elsewhere = await must(d, 'notes.add', note(other))
    const refused = await call(d, 'notes.add', note(id, { amends: elsewhere.id }))
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/not a note on this incident/) },
    })
    expect((await must(d, 'incidents.get', { id })).notes).toEqual([])
  })

  it('refuses to amend a note that does not exist', async () => {
    const { d, id } = await ready()
    expect(await call(d, 'notes.add', note(id, { amends: 41 }))).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
  })
})

describe('action notes', () => {
  const action = (id: number) => note(id, { tags: ['action'], actionOwner: 'police' })

  it('carry the owner of the action', async () => {
    const { d, id } = await ready()
    expect(await must(d, 'notes.add', action(id))).toMatchObject({
      tags: ['action'],
      actionOwner: 'police',
    })
  })

  it('need an owner', async () => {
    const { d, id } = await ready()
    expect(await call(d, 'notes.add', note(id, { tags: ['action'] }))).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/needs an owner/) },
    })
    expect(storedNotes(d)).toEqual([])
  })

  it('are the only notes with an owner', async () => {
    const { d, id } = await ready()
    const refused = await call(d, 'notes.add', note(id, { actionOwner: 'next-shift' }))
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/Only an action note/) },
    })
    expect(storedNotes(d)).toEqual([])
  })

  it('are marked done once, by whom and when, without changing the note', async () => {
    const { d, id } = await ready()
    const filed = await must(d, 'notes.add', action(id))
    const noteRow = storedNotes(d)
    d.setTime('2026-11-21T19:15:00Z')
    d.events.length = 0
    const done = await must(d, 'notes.markActionDone', { noteId: filed.id })
    expect(done).toEqual({
      ...filed,
      actionDoneAt: '2026-11-21T19:15:00.000Z',
      actionDoneBy: 'Jo Example (Harbour)',
    })
    expect(storedNotes(d)).toEqual(noteRow)
    expect((await must(d, 'incidents.get', { id })).notes).toEqual([done])
    expect(d.events.map((e) => e.event)).toEqual(['incidents.changed', 'incident.recordAdded'])
    const audited = d.db
      .prepare(`SELECT actor, detail FROM audit_log WHERE action = 'note.actionDone'`)
      .all()
    expect(audited).toEqual([
      { actor: 'Jo Example (Harbour)', detail: JSON.stringify({ noteId: filed.id }) },
    ])
  })

  it('say who already marked them done when marked a second time', async () => {
    const { d, id } = await ready()
    const filed = await must(d, 'notes.add', action(id))
    await must(d, 'notes.markActionDone', { noteId: filed.id })
    d.setTime('2026-11-21T19:00:00Z')
    expect(await call(d, 'notes.markActionDone', { noteId: filed.id })).toMatchObject({
      ok: false,
      error: {
        code: 'bad-request',
        message: 'This action was already marked done by Jo Example (Harbour) at 21/11/2026 18:00.',
      },
    })
    expect((await must(d, 'incidents.get', { id })).notes[0]!.actionDoneAt).toBe(
      '2026-11-21T18:00:00.000Z',
    )
  })

  it('are the only notes that can be marked done', async () => {
    const { d, id } = await ready()
    const filed = await must(d, 'notes.add', note(id))
    expect(await call(d, 'notes.markActionDone', { noteId: filed.id })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'Only an action note can be marked done.' },
    })
    expect(await call(d, 'notes.markActionDone', { noteId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})

describe('the record of notes', () => {
  it('cannot be changed or deleted, even with SQL straight to the database', async () => {
    const { d, id } = await ready()
    const filed = await must(d, 'notes.add', note(id, { tags: ['action'], actionOwner: 'police' }))
    await must(d, 'notes.markActionDone', { noteId: filed.id })
    const notesBefore = storedNotes(d)
    const doneBefore = d.db.prepare(`SELECT * FROM note_action_done`).all()
    for (const sql of [
      `UPDATE notes SET text = 'Nothing happened.'`,
      `DELETE FROM notes`,
      `INSERT OR REPLACE INTO notes (id, incident_id, at, author, text, tags)
       SELECT id, incident_id, at, author, 'Nothing happened.', '[]' FROM notes`,
      `UPDATE note_action_done SET done_by = 'Someone Else'`,
      `DELETE FROM note_action_done`,
      `INSERT OR REPLACE INTO note_action_done (note_id, at, done_by)
       SELECT note_id, at, 'Someone Else' FROM note_action_done`,
    ]) {
      expect(() => d.db.prepare(sql).run()).toThrow(/append-only/)
    }
    expect(storedNotes(d)).toEqual(notesBefore)
    expect(d.db.prepare(`SELECT * FROM note_action_done`).all()).toEqual(doneBefore)
  })
})

describe('the draft of a note', () => {
  const draft = (id: number, overrides: Record<string, unknown> = {}) =>
    note(id, { text: 'She said the kids are at sch', tags: [], ...overrides })

  it('survives closing the app and comes back to the same worker', async () => {
    const dataDir = tempDir()
    const first = await ready(dataDir)
    const saved = await must(first.d, 'notes.saveDraft', draft(first.id, { tags: ['risk'] }))
    expect(saved).toEqual({ savedAt: '2026-11-21T18:00:00.000Z' })
    await closeDesk(first.d)

    const again = testDesk(dataDir)
    await signIn(again)
    expect((await must(again, 'incidents.get', { id: first.id })).draft).toEqual({
      incidentId: first.id,
      text: 'She said the kids are at sch',
      tags: ['risk'],
      actionOwner: null,
      amends: null,
      savedAt: '2026-11-21T18:00:00.000Z',
    })
  })

  it('keeps the latest text as the worker types', async () => {
    const { d, id } = await ready()
    await must(d, 'notes.saveDraft', draft(id))
    d.setTime('2026-11-21T18:00:02Z')
    await must(d, 'notes.saveDraft', draft(id, { text: 'She said the kids are at school.  ' }))
    expect((await must(d, 'incidents.get', { id })).draft).toMatchObject({
      text: 'She said the kids are at school.  ',
      savedAt: '2026-11-21T18:00:02.000Z',
    })
  })

  it('is not shown to another worker, and theirs does not overwrite it', async () => {
    const { d, id } = await ready()
    await must(d, 'notes.saveDraft', draft(id))
    await signIn(d, 'Sam Sample', 'Harbour')
    expect((await must(d, 'incidents.get', { id })).draft).toBeNull()
    await must(d, 'notes.saveDraft', draft(id, { text: 'Sam’s draft' }))
    await signIn(d)
    expect((await must(d, 'incidents.get', { id })).draft?.text).toBe(
      'She said the kids are at sch',
    )
  })

  it('is gone once the note is filed', async () => {
    const { d, id } = await ready()
    await must(d, 'notes.saveDraft', draft(id))
    await must(d, 'notes.add', note(id))
    expect((await must(d, 'incidents.get', { id })).draft).toBeNull()
  })

  it('is removed when the worker clears the text and tags', async () => {
    const { d, id } = await ready()
    await must(d, 'notes.saveDraft', draft(id))
    expect(await must(d, 'notes.saveDraft', draft(id, { text: '  \n' }))).toEqual({
      savedAt: null,
    })
    expect((await must(d, 'incidents.get', { id })).draft).toBeNull()
  })

  it('is kept with tags but no text yet, and with an owner before the action tag', async () => {
    const { d, id } = await ready()
    await must(d, 'notes.saveDraft', draft(id, { text: '', tags: ['safeguarding'] }))
    await must(d, 'notes.saveDraft', draft(id, { actionOwner: 'next-shift' }))
    expect((await must(d, 'incidents.get', { id })).draft).toMatchObject({
      tags: [],
      actionOwner: 'next-shift',
    })
  })

  it('is not written to the audit log', async () => {
    const { d, id } = await ready()
    const before = d.db.prepare(`SELECT count(*) AS n FROM audit_log`).get()
    await must(d, 'notes.saveDraft', draft(id))
    await must(d, 'notes.saveDraft', draft(id, { text: '' }))
    expect(d.db.prepare(`SELECT count(*) AS n FROM audit_log`).get()).toEqual(before)
  })

  it('refuses an amendment of a note on another incident', async () => {
    const { d, id } = await ready()
    const other = await addIncident(d, 'CL-20261121-1000')
    const elsewhere = await must(d, 'notes.add', note(other))
    expect(await call(d, 'notes.saveDraft', draft(id, { amends: elsewhere.id }))).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
  })

  it('refuses an oversized draft', async () => {
    const { d, id } = await ready()
    const refused = await call(
      d,
      'notes.saveDraft',
      draft(id, { text: 'x'.repeat(NOTE_MAX_CHARS + 1) }),
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect((await must(d, 'incidents.get', { id })).draft).toBeNull()
  })
})

describe('quick phrases', () => {
  it('start with a short list of common phrases', async () => {
    const d = testDesk()
    const { quickPhrases } = await must(d, 'settings.get', {})
    expect(quickPhrases).toContain('Safe to talk confirmed.')
    expect(quickPhrases).toContain('Advised to call 999 and press 55 if unable to speak.')
  })

  it('can be changed by the worker, and the change is kept and audited', async () => {
    const dataDir = tempDir()
    const d = testDesk(dataDir)
    await signIn(d)
    const phrases = ['Code word agreed: “pizza”.', 'Safe number is the work mobile.']
    expect(await must(d, 'settings.update', { quickPhrases: phrases })).toMatchObject({
      quickPhrases: phrases,
    })
    expect(
      d.db.prepare(`SELECT detail FROM audit_log WHERE action = 'settings.update'`).get(),
    ).toEqual({ detail: JSON.stringify({ quickPhrases: phrases }) })
    await closeDesk(d)
    expect((await must(testDesk(dataDir), 'settings.get', {})).quickPhrases).toEqual(phrases)
  })

  it('refuse a blank phrase', async () => {
    const d = testDesk()
    await signIn(d)
    expect(await call(d, 'settings.update', { quickPhrases: ['Fine', ' '] })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
  })
})
