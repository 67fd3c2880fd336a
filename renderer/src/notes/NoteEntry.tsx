// One filed rapport note in the timeline. Notes are never edited: "Amend" starts a correction,
// the amended note stays (marked, with a way to the correction) and the correction says which
// note it corrects. An action note shows its owner until it is marked done.
import { Box, Button, Chip, Typography } from '@mui/material'
import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import EditNoteIcon from '@mui/icons-material/EditNote'
import PendingActionsIcon from '@mui/icons-material/PendingActions'
import { ACTION_OWNER_LABELS, NOTE_TAG_LABELS, type Note } from '#shared/domain.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { noteElementId } from './timelineEntries.ts'

function focusNote(noteId: number): void {
  document.getElementById(noteElementId(noteId))?.focus()
}

interface Props {
  note: Note
  /** The note this one corrects, if any. */
  original: Note | undefined
  /** Corrections filed for this note, oldest first. */
  corrections: readonly Note[]
  nowMs: number
  onAmend: (note: Note) => void
  onMarkDone: (note: Note) => void
}

export function NoteEntry({ note, original, corrections, nowMs, onAmend, onMarkDone }: Props) {
  const time = formatWhen(note.at, nowMs)
  const amended = corrections.length > 0
  const owner = note.actionOwner ? ACTION_OWNER_LABELS[note.actionOwner] : 'no owner chosen'
  const isAction = note.tags.includes('action')

  return (
    <Box
      component="li"
      id={noteElementId(note.id)}
      tabIndex={-1}
      aria-label={`Note of ${time}${amended ? ', amended' : ''}`}
      sx={(theme) => ({
        borderLeft: 3,
        borderColor: amended ? 'divider' : 'primary.main',
        borderLeftStyle: amended ? 'dashed' : 'solid',
        pl: 1.25,
        py: 0.5,
        display: 'grid',
        gap: 0.5,
        '&:focus': { outline: `3px solid ${theme.palette.desk.focus}`, outlineOffset: 2 },
      })}
    >
      <Typography variant="body2" sx={{ fontWeight: 700 }}>
        {time} · Note
        <Typography component="span" variant="body2" color="text.secondary">
          {' '}
          by {note.author}
        </Typography>
      </Typography>
      {corrections.map((correction) => (
        <Box
          key={correction.id}
          sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'warning.main' }}
        >
          <EditNoteIcon sx={{ fontSize: 18 }} aria-hidden />
          <Button
            size="small"
            color="warning"
            onClick={() => focusNote(correction.id)}
            sx={{ p: 0, minWidth: 0, textDecoration: 'underline', fontWeight: 700 }}
          >
            Amended — see correction at {formatWhen(correction.at, nowMs)}
          </Button>
        </Box>
      ))}
      {original && (
        <Box>
          <Button
            size="small"
            onClick={() => focusNote(original.id)}
            sx={{ p: 0, minWidth: 0, textDecoration: 'underline' }}
          >
            Corrects note of {formatWhen(original.at, nowMs)}
          </Button>
        </Box>
      )}
      {note.tags.length > 0 && (
        <Box
          component="ul"
          aria-label="Tags"
          sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', m: 0, p: 0, listStyle: 'none' }}
        >
          {note.tags.map((tag) => (
            <li key={tag}>
              <Chip size="small" variant="outlined" label={NOTE_TAG_LABELS[tag]} />
            </li>
          ))}
        </Box>
      )}
      <Typography
        sx={{
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          color: amended ? 'text.secondary' : 'text.primary',
        }}
      >
        {note.text}
      </Typography>
      {isAction && !amended && note.actionDoneAt === null && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography
            sx={{
              display: 'inline-flex',
              alignItems: 'center',
              gap: 0.5,
              fontWeight: 700,
              color: 'warning.main',
            }}
          >
            <PendingActionsIcon sx={{ fontSize: 18 }} aria-hidden />
            Outstanding — {owner}
          </Typography>
          <Button
            size="small"
            variant="outlined"
            onClick={() => onMarkDone(note)}
            aria-label={`Mark done: action of ${time} for ${owner}`}
          >
            Mark done
          </Button>
        </Box>
      )}
      {isAction && note.actionDoneAt !== null && (
        <Typography
          variant="body2"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'success.main' }}
        >
          <CheckCircleIcon sx={{ fontSize: 18 }} aria-hidden />
          Action done {formatWhen(note.actionDoneAt, nowMs)}
          {note.actionDoneBy ? ` by ${note.actionDoneBy}` : ''}
        </Typography>
      )}
      {!amended && (
        <Box>
          <Button
            size="small"
            onClick={() => onAmend(note)}
            aria-label={`Amend note of ${time}`}
            sx={{ px: 1, minWidth: 0 }}
          >
            Amend
          </Button>
        </Box>
      )}
    </Box>
  )
}
