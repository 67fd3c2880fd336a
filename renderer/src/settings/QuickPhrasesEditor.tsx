// Settings: the quick phrases offered when writing a note (at most 30, each up to 200
// characters). Each change is saved at once; a refused change is shown with the reason.
import { useState, type FormEvent } from 'react'
import { Box, Button, FormHelperText, IconButton, TextField, Typography } from '@mui/material'
import DeleteIcon from '@mui/icons-material/Delete'
import { useDesk } from '../store/useDesk.ts'

const MAX_PHRASES = 30
const MAX_PHRASE_CHARS = 200

export function QuickPhrasesEditor() {
  const phrases = useDesk((s) => s.settings?.quickPhrases)
  const saveQuickPhrases = useDesk((s) => s.saveQuickPhrases)
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const list = phrases ?? []
  const full = list.length >= MAX_PHRASES

  async function save(next: string[]): Promise<boolean> {
    setBusy(true)
    const reason = await saveQuickPhrases(next)
    setBusy(false)
    setProblem(reason ? `Not saved. ${reason}` : null)
    return reason === null
  }

  async function add(event: FormEvent) {
    event.preventDefault()
    const phrase = typed.trim()
    if (phrase === '') return setProblem('Type the phrase first.')
    if (phrase.length > MAX_PHRASE_CHARS) {
      return setProblem(`A phrase can be at most ${MAX_PHRASE_CHARS} characters.`)
    }
    if (full) return setProblem(`There can be at most ${MAX_PHRASES} phrases: remove one first.`)
    if (list.includes(phrase)) return setProblem('That phrase is already in the list.')
    if (await save([...list, phrase])) setTyped('')
  }

  return (
    <Box
      component="section"
      aria-labelledby="quick-phrases-heading"
      sx={{ display: 'grid', gap: 1 }}
    >
      <Typography id="quick-phrases-heading" component="h3" sx={{ fontWeight: 600 }}>
        Quick phrases for notes
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Buttons above the note box that insert their words where you are typing. {list.length} of{' '}
        {MAX_PHRASES}.
      </Typography>
      {list.length > 0 && (
        <Box
          component="ul"
          aria-label="Quick phrases"
          sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 0.5 }}
        >
          {list.map((phrase, index) => (
            <Box
              component="li"
              key={`${index}-${phrase}`}
              sx={{
                display: 'flex',
                alignItems: 'center',
                gap: 1,
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                pl: 1.5,
              }}
            >
              <Typography sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                {phrase}
              </Typography>
              <IconButton
                aria-label={`Remove “${phrase}”`}
                disabled={busy}
                onClick={() => void save(list.filter((_p, i) => i !== index))}
              >
                <DeleteIcon aria-hidden />
              </IconButton>
            </Box>
          ))}
        </Box>
      )}
      <Box
        component="form"
        noValidate
        onSubmit={add}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
      >
        <TextField
          label="New quick phrase"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value)
            setProblem(null)
          }}
          error={typed.length > MAX_PHRASE_CHARS}
          helperText={
            typed.length > MAX_PHRASE_CHARS - 40
              ? `${typed.length} of ${MAX_PHRASE_CHARS} characters`
              : 'e.g. Victim says suspect has left the address'
          }
          disabled={full}
          fullWidth
          size="small"
        />
        <Button type="submit" variant="outlined" disabled={busy || full} sx={{ flexShrink: 0 }}>
          Add phrase
        </Button>
      </Box>
      {problem && (
        <FormHelperText error role="alert">
          {problem}
        </FormHelperText>
      )}
      {full && !problem && (
        <FormHelperText>
          The list is full ({MAX_PHRASES}): remove one to add another.
        </FormHelperText>
      )}
    </Box>
  )
}
