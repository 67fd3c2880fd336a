// "C&C log update": the text about one incident that the worker pastes into the police incident
// log. One click writes it (from the Node side, as the incident stands now), copies it and shows
// it, so it can also be selected by hand.
import { useCallback, useRef, useState } from 'react'
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import { useDesk } from '../store/useDesk.ts'
import { copyText } from './copyText.ts'

type Copied = 'copying' | 'copied' | 'not-copied'

export function CcLogUpdateButton({
  incidentId,
  incidentRef,
}: {
  incidentId: number
  incidentRef: string
}) {
  const ccLogUpdate = useDesk((s) => s.ccLogUpdate)
  const [text, setText] = useState<string | null>(null)
  const [copied, setCopied] = useState<Copied>('copying')
  const [busy, setBusy] = useState(false)
  const field = useRef<HTMLTextAreaElement | null>(null)
  /** Text to copy as soon as its field is on screen (the fallback copy selects it there). */
  const toCopy = useRef<string | null>(null)

  const copy = useCallback(async (value: string) => {
    setCopied('copying')
    setCopied((await copyText(value, field.current)) ? 'copied' : 'not-copied')
  }, [])

  // The dialog's content mounts a moment after the dialog (through its portal): copy then.
  const fieldRef = useCallback(
    (node: HTMLTextAreaElement | null) => {
      field.current = node
      const value = toCopy.current
      if (node && value !== null) {
        toCopy.current = null
        void copy(value)
      }
    },
    [copy],
  )

  async function open() {
    setBusy(true)
    const update = await ccLogUpdate(incidentId)
    setBusy(false)
    if (update === null) return
    toCopy.current = update
    setText(update)
  }

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<ContentCopyIcon aria-hidden />}
        onClick={() => void open()}
        disabled={busy}
      >
        C&amp;C log update
      </Button>
      {text !== null && (
        <Dialog
          open
          onClose={() => setText(null)}
          maxWidth="md"
          fullWidth
          aria-labelledby="cc-log-title"
          aria-describedby="cc-log-intro"
        >
          <DialogTitle id="cc-log-title">C&amp;C log update — {incidentRef}</DialogTitle>
          <DialogContent dividers sx={{ display: 'grid', gap: 2 }}>
            <Typography id="cc-log-intro">
              Paste this into the police incident log. It names no phone number or address and holds
              no rapport notes.
            </Typography>
            {copied === 'copied' && (
              <Alert severity="success" role="status">
                Copied. Paste it into the incident log with Ctrl+V.
              </Alert>
            )}
            {copied === 'not-copied' && (
              <Alert severity="warning" role="status">
                DA Desk could not copy it by itself. The text below is selected: press Ctrl+C to
                copy it.
              </Alert>
            )}
            <TextField
              inputRef={fieldRef}
              label="Text for the incident log"
              value={text}
              multiline
              fullWidth
              slotProps={{
                htmlInput: { readOnly: true, spellCheck: false },
                input: {
                  sx: { fontFamily: 'ui-monospace, Consolas, "DejaVu Sans Mono", monospace' },
                },
              }}
            />
          </DialogContent>
          <DialogActions sx={{ px: 3, py: 2 }}>
            <Button startIcon={<ContentCopyIcon aria-hidden />} onClick={() => void copy(text)}>
              Copy again
            </Button>
            <Button variant="contained" onClick={() => setText(null)}>
              Close
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  )
}
