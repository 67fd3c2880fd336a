// The shell every "record something" dialog shares: a title, a form in which Enter in a field
// does not submit but Ctrl+Enter does from anywhere, what is wrong said in words above the
// fields, and Cancel beside the action, which cannot be pressed twice while the call runs.
// The dialog keeps its own fields and rules; useFormSubmit keeps the busy and problem state.
import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  type DialogProps,
} from '@mui/material'
import type { ApiError } from '#shared/contract.ts'
import { Shortcut } from './Shortcut.tsx'

interface Props {
  /** The title's element id, which names the dialog. */
  titleId: string
  title: ReactNode
  submitLabel: ReactNode
  /** "Close" where "Cancel" would read as the action (cancelling a follow-up call). */
  cancelLabel?: string
  problem: string | null
  busy: boolean
  onSubmit: () => void
  onClose: () => void
  /** Escape or a click outside; by default the same as Cancel. */
  onDismiss?: () => void
  maxWidth?: DialogProps['maxWidth']
  children: ReactNode
}

export function FormDialog({
  titleId,
  title,
  submitLabel,
  cancelLabel = 'Cancel',
  problem,
  busy,
  onSubmit,
  onClose,
  onDismiss = onClose,
  maxWidth = 'sm',
  children,
}: Props) {
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!busy) onSubmit()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      if (!busy) onSubmit()
    }
  }

  return (
    <Dialog open onClose={onDismiss} maxWidth={maxWidth} fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        onKeyDown={onKeyDown}
        sx={{ display: 'contents' }}
      >
        <DialogContent dividers sx={{ display: 'grid', gap: 2 }}>
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>{cancelLabel}</Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy}
            aria-keyshortcuts="Control+Enter"
          >
            {submitLabel}
            <Shortcut keys="Ctrl+Enter" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}

/**
 * A dialog's busy and problem state. `record` runs the call once at a time; on an error it says
 * `failed` and the desk's reason, otherwise it runs `done` (usually closing the dialog).
 */
export function useFormSubmit() {
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function record(
    call: () => Promise<ApiError | null>,
    done: () => void,
    failed = 'Not recorded.',
  ) {
    setBusy(true)
    const error = await call()
    setBusy(false)
    if (error) setProblem(`${failed} ${error.message}`)
    else done()
  }

  return { problem, setProblem, busy, record }
}
