// Standing the car down from a tasking, with why (arrested, victim elsewhere, no longer wanted).
import { useState, type FormEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material'
import { useDesk } from '../store/useDesk.ts'

export function StandDownDialog({
  taskingId,
  incidentRef,
  onClose,
}: {
  taskingId: number
  incidentRef: string
  onClose: () => void
}) {
  const standDownTasking = useDesk((s) => s.standDownTasking)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    if (!reason.trim()) return setProblem('Say why the car is stood down.')
    setBusy(true)
    const error = await standDownTasking({ taskingId, reason: reason.trim() })
    setBusy(false)
    if (error) setProblem(`Not stood down. ${error.message}`)
    else onClose()
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="stand-down-title">
      <DialogTitle id="stand-down-title">Stand the support car down from {incidentRef}</DialogTitle>
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogContent dividers sx={{ display: 'grid', gap: 2 }}>
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          <TextField
            label="Why it is stood down"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              setProblem(null)
            }}
            autoFocus
            required
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Stand down
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
