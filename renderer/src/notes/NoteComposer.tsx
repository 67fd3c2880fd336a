// Writing a rapport note: tags (an action needs an owner), quick phrases inserted at the cursor,
// the text, and "File note" (Ctrl+Enter). What is typed is saved as a draft as it is typed; the
// status says when it was last saved, or in words why it could not be.
import { useRef, useState, type KeyboardEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  Chip,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import {
  ACTION_OWNER_LABELS,
  ACTION_OWNERS,
  NOTE_MAX_CHARS,
  NOTE_TAG_LABELS,
  NOTE_TAGS,
  type ActionOwner,
  type IncidentDetail,
  type NoteTag,
} from '#shared/domain.ts'
import { formatClock, formatWhen } from '../app/formatWhen.ts'
import type { DraftStatus } from '../store/notesSlice.ts'
import { useDesk } from '../store/useDesk.ts'

/** The count appears once a note is this close to the limit. */
const COUNT_FROM = NOTE_MAX_CHARS - 2_000
const NO_PHRASES: readonly string[] = []

function DraftStatusText({ status, onRetry }: { status: DraftStatus; onRetry: () => void }) {
  switch (status.state) {
    case 'empty':
      return null
    case 'saving':
      return (
        <Typography variant="body2" color="text.secondary">
          Saving…
        </Typography>
      )
    case 'saved':
      return (
        <Typography variant="body2" color="text.secondary">
          Draft saved {formatClock(status.savedAt)}
        </Typography>
      )
    case 'too-long':
      return (
        <Typography variant="body2" color="error">
          Too long to save as a draft
        </Typography>
      )
    case 'failed':
      return (
        <Box role="alert" sx={{ color: 'error.main' }}>
          <Typography variant="body2">
            Draft not saved: {status.message} Your text is still here.
          </Typography>
          <Button size="small" color="error" onClick={onRetry} sx={{ px: 0.5, minWidth: 0 }}>
            Try again
          </Button>
        </Box>
      )
  }
}

export function NoteComposer({ detail }: { detail: IncidentDetail }) {
  const composer = useDesk((s) => s.composer)
  const draftStatus = useDesk((s) => s.draftStatus)
  const filingNote = useDesk((s) => s.filingNote)
  const nowMs = useDesk((s) => s.nowMs)
  const quickPhrases = useDesk((s) => s.settings?.quickPhrases ?? NO_PHRASES)
  const editComposer = useDesk((s) => s.editComposer)
  const fileNote = useDesk((s) => s.fileNote)
  const flushDraft = useDesk((s) => s.flushDraft)
  const [refusal, setRefusal] = useState<string | null>(null)
  const inputRef = useRef<HTMLTextAreaElement>(null)

  if (!composer || composer.incidentId !== detail.row.id) return null

  const original =
    composer.amends === null ? undefined : detail.notes.find((n) => n.id === composer.amends)
  const length = composer.text.length
  const overLimit = length > NOTE_MAX_CHARS
  const isAction = composer.tags.includes('action')

  function toggleTag(tag: NoteTag) {
    const tags = composer!.tags.includes(tag)
      ? composer!.tags.filter((t) => t !== tag)
      : NOTE_TAGS.filter((t) => t === tag || composer!.tags.includes(t))
    editComposer({ tags })
    setRefusal(null)
  }

  function insertPhrase(phrase: string) {
    const text = composer!.text
    const input = inputRef.current
    const start = input ? input.selectionStart : text.length
    const end = input ? input.selectionEnd : text.length
    const before = text.slice(0, start)
    const after = text.slice(end)
    const lead = before !== '' && !/\s$/.test(before) ? ' ' : ''
    const trail = after !== '' && !/^\s/.test(after) ? ' ' : ''
    editComposer({ text: before + lead + phrase + trail + after })
    setRefusal(null)
    const caret = before.length + lead.length + phrase.length + trail.length
    requestAnimationFrame(() => {
      input?.focus()
      input?.setSelectionRange(caret, caret)
    })
  }

  function cancelCorrection() {
    const copied = original && composer!.text === original.text
    editComposer(
      copied ? { amends: null, text: '', tags: [], actionOwner: null } : { amends: null },
    )
  }

  async function file() {
    const reason = await fileNote()
    setRefusal(reason)
    if (!reason) inputRef.current?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      // Caught on the way down, so a focused tag or phrase button does not act on it as well.
      event.preventDefault()
      event.stopPropagation()
      void file()
    }
  }

  return (
    // Ctrl+Enter files from anywhere in the composer: the text, a tag or a phrase just chosen.
    <Box
      onKeyDownCapture={onKeyDown}
      sx={{
        borderTop: 1,
        borderColor: 'divider',
        px: 2,
        py: 1.5,
        display: 'grid',
        // The column may be narrower than a long phrase: phrases wrap rather than widen the pane.
        gridTemplateColumns: 'minmax(0, 1fr)',
        gap: 1,
        bgcolor: 'background.paper',
      }}
    >
      {composer.amends !== null && (
        <Alert
          severity="info"
          sx={{ py: 0, alignItems: 'center' }}
          action={
            <Button color="inherit" size="small" onClick={cancelCorrection}>
              Cancel correction
            </Button>
          }
        >
          Correcting the note of {original ? formatWhen(original.at, nowMs) : 'earlier'}
        </Alert>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap' }}>
        <Typography id="note-tags-label" variant="body2" sx={{ fontWeight: 600, mr: 0.5 }}>
          Tags
        </Typography>
        <Box
          role="group"
          aria-labelledby="note-tags-label"
          sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }}
        >
          {NOTE_TAGS.map((tag) => {
            const on = composer.tags.includes(tag)
            return (
              <Chip
                key={tag}
                label={NOTE_TAG_LABELS[tag]}
                onClick={() => toggleTag(tag)}
                aria-pressed={on}
                color={on ? 'primary' : 'default'}
                variant={on ? 'filled' : 'outlined'}
                icon={on ? <CheckIcon aria-hidden /> : undefined}
                disabled={filingNote}
                sx={{ fontWeight: on ? 700 : 400 }}
              />
            )
          })}
        </Box>
      </Box>
      {isAction && (
        <FormControl error={refusal !== null && composer.actionOwner === null}>
          <FormLabel id="note-owner-label" sx={{ fontSize: '0.875rem', fontWeight: 600 }}>
            Action owner
          </FormLabel>
          <RadioGroup
            row
            aria-labelledby="note-owner-label"
            value={composer.actionOwner ?? ''}
            onChange={(e) => {
              editComposer({ actionOwner: e.target.value as ActionOwner })
              setRefusal(null)
            }}
          >
            {ACTION_OWNERS.map((owner) => (
              <FormControlLabel
                key={owner}
                value={owner}
                control={<Radio size="small" />}
                label={ACTION_OWNER_LABELS[owner]}
                disabled={filingNote}
                sx={{ mr: 1.5 }}
              />
            ))}
          </RadioGroup>
        </FormControl>
      )}
      {quickPhrases.length > 0 && (
        <Box>
          <Typography id="quick-phrases-label" variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
            Quick phrases
          </Typography>
          <Box
            role="group"
            aria-labelledby="quick-phrases-label"
            sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', maxHeight: 160, overflow: 'auto' }}
          >
            {quickPhrases.map((phrase, index) => (
              <Button
                key={index}
                size="small"
                variant="outlined"
                onClick={() => insertPhrase(phrase)}
                disabled={filingNote}
                sx={{
                  maxWidth: '100%',
                  py: 0,
                  fontWeight: 400,
                  textAlign: 'left',
                  overflowWrap: 'anywhere',
                }}
              >
                {phrase}
              </Button>
            ))}
          </Box>
        </Box>
      )}
      <TextField
        id="new-note"
        inputRef={inputRef}
        label="New note"
        multiline
        minRows={3}
        maxRows={10}
        value={composer.text}
        onChange={(e) => {
          editComposer({ text: e.target.value })
          setRefusal(null)
        }}
        error={overLimit}
        slotProps={{ htmlInput: { readOnly: filingNote } }}
      />
      {refusal && (
        <Alert severity="error" role="alert">
          {refusal}
        </Alert>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 120 }}>
          <DraftStatusText status={draftStatus} onRetry={() => void flushDraft()} />
          {length >= COUNT_FROM && (
            <Typography
              variant="body2"
              color={overLimit ? 'error' : 'text.secondary'}
              sx={{ fontWeight: overLimit ? 700 : 400 }}
            >
              {length.toLocaleString('en-GB')} of {NOTE_MAX_CHARS.toLocaleString('en-GB')}{' '}
              characters
            </Typography>
          )}
        </Box>
        <Button
          variant="contained"
          onClick={() => void file()}
          disabled={filingNote}
          aria-keyshortcuts="Control+Enter"
        >
          File note
          <Box
            component="kbd"
            aria-hidden
            sx={{
              ml: 1,
              px: 0.75,
              border: 1,
              borderRadius: 0.5,
              fontFamily: 'inherit',
              fontSize: '0.75rem',
              fontWeight: 600,
            }}
          >
            Ctrl+Enter
          </Box>
        </Button>
      </Box>
    </Box>
  )
}
