// One script question and its answer, saved as it is given: big pressed/unpressed buttons for
// yes/no, DASH and choices (a group named by the question), a box for text (saved when the worker
// leaves it) and a London date and time. It says quietly when the answer is saved, and in words
// when it was not.
import { useState } from 'react'
import { Box, Button, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import type { ApiError } from '#shared/contract.ts'
import type { ScriptAnswer, ScriptChoice, ScriptQuestion } from '#shared/script.ts'
import { formatDateTime, parseLondonDateTime } from '#shared/time.ts'
import { callBackIn, callBackWords, QUICK_CALL_BACKS } from '../contact/callBackTime.ts'
import { useDesk } from '../store/useDesk.ts'

const YES_NO: ScriptChoice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]

const DASH: ScriptChoice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not-known', label: 'Not known' },
  { value: 'not-asked', label: 'Not asked' },
]

type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; message: string }

interface Props {
  incidentId: number
  question: ScriptQuestion
  answer: Pick<ScriptAnswer, 'id' | 'value'> | undefined
  /** Its number among the step's questions (DASH questions are numbered). */
  number?: number
  /** Called once an answer is saved (a branch may take the worker elsewhere). */
  onSaved?: (value: string) => void
  /** Saves the answer elsewhere than the safe-contact script (the follow-up call's script). */
  saveAnswer?: (questionId: string, value: string) => Promise<ApiError | null>
  /** Keeps the ids unique when two scripts share question ids on one page. */
  idPrefix?: string
}

export function QuestionField({
  incidentId,
  question,
  answer,
  number,
  onSaved,
  saveAnswer,
  idPrefix = 'question',
}: Props) {
  const answerQuestion = useDesk((s) => s.answerQuestion)
  const [save, setSave] = useState<SaveState>({ state: 'idle' })
  const labelId = `${idPrefix}-${question.id}`
  const hintId = `${idPrefix}-${question.id}-hint`

  async function give(value: string) {
    setSave({ state: 'saving' })
    const error: ApiError | null = saveAnswer
      ? await saveAnswer(question.id, value)
      : await answerQuestion(incidentId, question.id, value)
    setSave(error ? { state: 'failed', message: error.message } : { state: 'saved' })
    if (!error) onSaved?.(value)
  }

  const choices =
    question.kind === 'yes-no'
      ? YES_NO
      : question.kind === 'dash'
        ? DASH
        : question.kind === 'choice'
          ? (question.choices ?? [])
          : null

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography id={labelId} sx={{ fontSize: '1.125rem', fontWeight: 600 }}>
        {number !== undefined && (
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {number}.{' '}
          </Box>
        )}
        {question.text}
      </Typography>
      {question.hint && (
        <Typography id={hintId} variant="body2" color="text.secondary">
          {question.hint}
        </Typography>
      )}
      {choices && (
        <ToggleButtonGroup
          exclusive
          value={answer?.value ?? null}
          onChange={(_, value: string | null) => {
            if (value !== null) void give(value)
          }}
          aria-labelledby={labelId}
          aria-describedby={question.hint ? hintId : undefined}
          // Separate buttons, not a joined bar: choices wrap on a narrow pane and each stays
          // a whole, easy target.
          sx={{
            flexWrap: 'wrap',
            gap: 1,
            '& .MuiToggleButtonGroup-grouped': {
              m: 0,
              border: 1,
              borderColor: 'text.secondary',
              borderRadius: 1,
            },
            '& .MuiToggleButtonGroup-grouped:not(:first-of-type)': {
              borderLeft: 1,
              borderColor: 'text.secondary',
              ml: 0,
            },
          }}
        >
          {choices.map((choice) => (
            <ToggleButton
              key={choice.value}
              value={choice.value}
              color="primary"
              sx={{
                minHeight: 48,
                minWidth: 96,
                px: 2.5,
                fontSize: '1rem',
                fontWeight: 700,
                textTransform: 'none',
                '&.Mui-selected': {
                  bgcolor: 'primary.main',
                  color: 'primary.contrastText',
                  '&:hover': { bgcolor: 'primary.dark' },
                },
              }}
            >
              {answer?.value === choice.value && <CheckIcon sx={{ mr: 0.75 }} aria-hidden />}
              {choice.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      )}
      {question.kind === 'text' && (
        <TextAnswer
          key={answer?.id ?? 'none'}
          labelId={labelId}
          saved={answer?.value ?? ''}
          onSave={(value) => void give(value)}
        />
      )}
      {question.kind === 'datetime' && (
        <DateTimeAnswer
          key={answer?.id ?? 'none'}
          labelId={labelId}
          saved={answer?.value ?? null}
          onSave={(value) => void give(value)}
        />
      )}
      <SaveStatus save={save} />
    </Box>
  )
}

function SaveStatus({ save }: { save: SaveState }) {
  return (
    <Box role="status" sx={{ minHeight: 20 }}>
      {save.state === 'saving' && (
        <Typography variant="body2" color="text.secondary">
          Saving…
        </Typography>
      )}
      {save.state === 'saved' && (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
        >
          <CheckIcon sx={{ fontSize: 16 }} aria-hidden />
          Saved
        </Typography>
      )}
      {save.state === 'failed' && (
        <Typography variant="body2" color="error" sx={{ fontWeight: 700 }}>
          Not saved: {save.message} Answer again to retry.
        </Typography>
      )}
    </Box>
  )
}

function TextAnswer({
  labelId,
  saved,
  onSave,
}: {
  labelId: string
  saved: string
  onSave: (value: string) => void
}) {
  const [text, setText] = useState(saved)
  return (
    <TextField
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text.trim() !== '' && text.trim() !== saved.trim()) onSave(text.trim())
      }}
      multiline
      minRows={2}
      helperText="Saved when you leave the box."
      slotProps={{ htmlInput: { maxLength: 2000, 'aria-labelledby': labelId } }}
    />
  )
}

function DateTimeAnswer({
  labelId,
  saved,
  onSave,
}: {
  labelId: string
  saved: string | null
  onSave: (iso: string) => void
}) {
  const sharedNowMs = useDesk((s) => s.nowMs)
  // Read back against the moment of typing, not the shared clock's last 30-second tick.
  const [typedAt, setTypedAt] = useState(sharedNowMs)
  const nowMs = Math.max(sharedNowMs, typedAt)
  const [typed, setTyped] = useState(saved ? formatDateTime(saved) : '')
  const [problem, setProblem] = useState<string | null>(null)
  const iso = parseLondonDateTime(typed)

  function commit(value: string) {
    if (value.trim() === '') return
    const parsed = parseLondonDateTime(value)
    if (!parsed) {
      setProblem(`Type the time as dd/mm/yyyy hh:mm, e.g. ${callBackIn(30, Date.now())}.`)
      return
    }
    setProblem(null)
    if (parsed !== saved) onSave(parsed)
  }

  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextField
        placeholder="dd/mm/yyyy hh:mm"
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value)
          setTypedAt(Date.now())
          setProblem(null)
        }}
        onBlur={() => commit(typed)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(typed)
        }}
        error={problem !== null}
        helperText={
          problem ?? (iso ? callBackWords(iso, nowMs) : 'UK time, e.g. ' + callBackIn(30, nowMs))
        }
        size="small"
        sx={{ width: 230 }}
        slotProps={{ htmlInput: { 'aria-labelledby': labelId } }}
      />
      {QUICK_CALL_BACKS.map(({ label, minutes }) => (
        <Button
          key={minutes}
          variant="outlined"
          onClick={() => {
            const now = Date.now()
            const value = callBackIn(minutes, now)
            setTypedAt(now)
            setTyped(value)
            commit(value)
          }}
          sx={{ mt: 0.25, whiteSpace: 'nowrap' }}
        >
          {label}
        </Button>
      ))}
    </Box>
  )
}
