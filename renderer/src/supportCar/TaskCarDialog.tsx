// "Task support car" from an incident: why the car should go (what the crew needs to know) and
// how soon — urgent, high or routine — which, with the grade and the wait, sets its place on the
// car's list.
import { useState, type FormEvent, type KeyboardEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material'
import {
  TASKING_PRIORITIES,
  TASKING_PRIORITY_LABELS,
  type TaskingPriority,
} from '#shared/supportCar.ts'
import { Shortcut } from '../app/Shortcut.tsx'
import { useDesk } from '../store/useDesk.ts'

export function TaskCarDialog({
  incidentId,
  incidentRef,
  onClose,
}: {
  incidentId: number
  incidentRef: string
  onClose: () => void
}) {
  const taskSupportCar = useDesk((s) => s.taskSupportCar)
  const [reason, setReason] = useState('')
  const [priority, setPriority] = useState<TaskingPriority | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (busy) return
    if (!reason.trim()) return setProblem('Say why the car should attend.')
    if (!priority) return setProblem('Choose how soon: urgent, high or routine.')
    setBusy(true)
    const error = await taskSupportCar({ incidentId, reason: reason.trim(), priority })
    setBusy(false)
    if (error) setProblem(`Not tasked. ${error.message}`)
    else onClose()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="task-car-title">
      <DialogTitle id="task-car-title">Task support car to {incidentRef}</DialogTitle>
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
          <TextField
            label="Reason for the visit"
            helperText="What the crew should know: why a second response, who to ask for."
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              setProblem(null)
            }}
            multiline
            minRows={2}
            autoFocus
            required
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          <FormControl>
            <FormLabel id="task-car-priority">Priority</FormLabel>
            <RadioGroup
              row
              aria-labelledby="task-car-priority"
              value={priority ?? ''}
              onChange={(e) => {
                setPriority(e.target.value as TaskingPriority)
                setProblem(null)
              }}
            >
              {TASKING_PRIORITIES.map((p) => (
                <FormControlLabel
                  key={p}
                  value={p}
                  control={<Radio />}
                  label={TASKING_PRIORITY_LABELS[p]}
                />
              ))}
            </RadioGroup>
          </FormControl>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy}
            aria-keyshortcuts="Control+Enter"
          >
            Task support car
            <Shortcut keys="Ctrl+Enter" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
