// The C&C log text of an escalation (reference, time, reasons, recommendation, worker, and its
// later steps), copied with one click to paste into the police incident log. The text is shown as
// well, so it can be selected by hand if the copy is not allowed; then it is selected at once.
import { useId, useRef, useState } from 'react'
import { Box, Button, TextField, Typography } from '@mui/material'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import { ccLogText, type Escalation } from '#shared/escalation.ts'

interface Props {
  escalation: Escalation
  /** Whether the text shows before it is asked for (the open escalation's does). */
  textShown: boolean
}

export function CcLog({ escalation, textShown }: Props) {
  const text = ccLogText(escalation)
  const [showText, setShowText] = useState(textShown)
  const [result, setResult] = useState<'copied' | 'refused' | null>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const statusId = useId()

  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
      setResult('copied')
    } catch {
      setResult('refused')
      setShowText(true)
      // Selected for Ctrl+C once it is on screen.
      requestAnimationFrame(() => textRef.current?.select())
    }
  }

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<ContentCopyIcon aria-hidden />}
          onClick={() => void copy()}
          aria-describedby={statusId}
        >
          Copy C&amp;C log
        </Button>
        {!showText && (
          <Button variant="text" onClick={() => setShowText(true)}>
            Show the text
          </Button>
        )}
        <Typography
          id={statusId}
          role="status"
          variant="body2"
          sx={{ fontWeight: 600, color: result === 'refused' ? 'error.main' : 'text.primary' }}
        >
          {result === 'copied' && 'Copied: paste it into the police incident log.'}
          {result === 'refused' &&
            'Copying was not allowed here: the text below is selected — press Ctrl+C.'}
        </Typography>
      </Box>
      {showText && (
        <TextField
          label="C&C log text"
          value={text}
          multiline
          fullWidth
          inputRef={textRef}
          slotProps={{
            input: { readOnly: true, sx: { fontFamily: 'monospace', fontSize: '0.8125rem' } },
          }}
        />
      )}
    </Box>
  )
}
