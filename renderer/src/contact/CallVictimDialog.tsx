// "Call victim": the worker rings the victim on their own phone and records what happened here:
// the number dialled, the result, a call-back time if one was agreed, and a short note. Each
// attempt is kept, failed ones too: most of the work is attempted contact.
import { useState, type FormEvent } from 'react'
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
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material'
import {
  CONTACT_RESULT_LABELS,
  CONTACT_RESULTS,
  type ContactResult,
  type IncidentDetail,
} from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'
import {
  AGREED_CALL_BACK_RESULTS,
  callBackIn,
  callBackWords,
  checkCallBack,
  NO_VOICEMAIL_RESULTS,
  QUICK_CALL_BACKS,
  RETRY_RESULTS,
} from './callBackTime.ts'
import { PERSONAL } from '../privacy/personal.ts'

const NOTE_MAX = 2000

interface Problems {
  number?: string
  result?: string
  callBack?: string
}

export function CallVictimDialog({
  detail,
  onClose,
}: {
  detail: IncidentDetail
  onClose: () => void
}) {
  const logAttempt = useDesk((s) => s.logAttempt)
  const sharedNowMs = useDesk((s) => s.nowMs)
  // The shared clock ticks every 30 s; what is typed here is read back against the moment it was
  // typed, so a quick "in 15 min" never reads as 16.
  const [typedAt, setTypedAt] = useState(sharedNowMs)
  const nowMs = Math.max(sharedNowMs, typedAt)
  const victimPhone = detail.fields.victim.phone ?? ''
  const [number, setNumber] = useState(victimPhone)
  const [result, setResult] = useState<ContactResult | null>(null)
  const [callBack, setCallBack] = useState('')
  const [note, setNote] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const dirty = result !== null || note.trim() !== '' || callBack !== '' || number !== victimPhone
  const agreed = result !== null && AGREED_CALL_BACK_RESULTS.includes(result)
  const askCallBack = agreed || (result !== null && RETRY_RESULTS.includes(result))
  const typedCallBack = askCallBack ? checkCallBack(callBack, nowMs) : null

  async function submit(event: FormEvent) {
    event.preventDefault()
    const now = Date.now()
    const checked = askCallBack ? checkCallBack(callBack, now) : { iso: null, problem: null }
    const found: Problems = {}
    if (number.trim() === '') found.number = 'Enter the number you dialled.'
    else if (number.trim().length > 40) found.number = 'A phone number is at most 40 characters.'
    if (!result) found.result = 'Choose what happened on the call.'
    if (checked.problem) found.callBack = checked.problem
    setProblems(found)
    const first = (['number', 'result', 'callBack'] as const).find((field) => found[field])
    if (first || !result) {
      setRefusal('Not logged yet: check the fields marked below.')
      if (first) document.getElementById(`call-${first}`)?.focus()
      return
    }
    setBusy(true)
    const error = await logAttempt({
      incidentId: detail.row.id,
      number: number.trim(),
      result,
      callBackAt: checked.iso,
      note: note.trim() === '' ? null : note.trim(),
    })
    setBusy(false)
    if (!error) {
      onClose()
      return
    }
    setRefusal(`The call was not logged. ${error.message}`)
  }

  return (
    <Dialog
      open
      onClose={() => {
        // A half-recorded call is not lost to a stray click or Esc: Cancel discards it.
        if (!dirty) onClose()
      }}
      maxWidth="sm"
      fullWidth
      aria-labelledby="call-title"
      aria-describedby="call-intro"
    >
      <DialogTitle id="call-title">Call victim</DialogTitle>
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogContent dividers sx={{ display: 'grid', gap: 2.5 }}>
          <Typography id="call-intro">
            {detail.row.incidentRef}
            {detail.fields.victim.name && (
              <>
                {' · '}
                <span {...PERSONAL}>{detail.fields.victim.name}</span>
              </>
            )}
            . Ring the number, then record what happened. First check it is the victim and that they
            can talk safely now — ask if the suspect is there.
          </Typography>
          {refusal && (
            <Alert severity="error" role="alert">
              {refusal}
            </Alert>
          )}
          <TextField
            id="call-number"
            label="Number dialled"
            value={number}
            onChange={(e) => {
              setNumber(e.target.value)
              setProblems((p) => ({ ...p, number: undefined }))
            }}
            required
            autoFocus
            error={Boolean(problems.number)}
            helperText={
              problems.number ??
              (victimPhone
                ? 'From the incident. Change it if you rang another number.'
                : 'The incident has no phone number: type the one you rang.')
            }
            slotProps={{ htmlInput: { maxLength: 40, inputMode: 'tel', ...PERSONAL } }}
            sx={{ maxWidth: 420 }}
          />
          <FormControl error={Boolean(problems.result)} required>
            <FormLabel id="call-result-label">Result</FormLabel>
            <RadioGroup
              aria-labelledby="call-result-label"
              value={result ?? ''}
              onChange={(e) => {
                setResult(e.target.value as ContactResult)
                setProblems((p) => ({ ...p, result: undefined, callBack: undefined }))
              }}
              sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' }}
            >
              {CONTACT_RESULTS.map((value, index) => (
                <FormControlLabel
                  key={value}
                  value={value}
                  control={<Radio id={index === 0 ? 'call-result' : undefined} />}
                  label={CONTACT_RESULT_LABELS[value]}
                />
              ))}
            </RadioGroup>
            {problems.result && <FormHelperText>{problems.result}</FormHelperText>}
          </FormControl>
          {result && NO_VOICEMAIL_RESULTS.includes(result) && (
            <Alert severity="warning">
              No voicemail is left by default — do not leave a message unless it has been agreed as
              safe.
            </Alert>
          )}
          {result === 'call-dropped' && (
            <Alert severity="warning">
              A dropped call can mean the suspect walked in. Tell the controller: it may be a reason
              to upgrade the response.
            </Alert>
          )}
          {result === 'unsafe-to-talk' && (
            <Alert severity="info">
              End the call now. If the victim gave a safe time to ring back, enter it below.
            </Alert>
          )}
          {askCallBack && (
            <Box component="fieldset" sx={{ border: 0, m: 0, p: 0, display: 'grid', gap: 1 }}>
              <Typography component="legend" sx={{ fontWeight: 600, mb: 1 }}>
                {agreed ? 'Agreed call-back time (optional)' : 'Try again at (optional)'}
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
                <TextField
                  id="call-callBack"
                  label={agreed ? 'Call back at' : 'Try again at'}
                  placeholder="dd/mm/yyyy hh:mm"
                  value={callBack}
                  onChange={(e) => {
                    setCallBack(e.target.value)
                    setTypedAt(Date.now())
                    setProblems((p) => ({ ...p, callBack: undefined }))
                  }}
                  error={Boolean(problems.callBack)}
                  helperText={
                    problems.callBack ??
                    (typedCallBack?.iso
                      ? `${agreed ? 'Call back' : 'Try again'} at ${callBackWords(typedCallBack.iso, nowMs)}`
                      : 'UK time, e.g. ' + callBackIn(30, nowMs))
                  }
                  size="small"
                  sx={{ width: 230, flexShrink: 0 }}
                />
                {QUICK_CALL_BACKS.map(({ label, minutes }) => (
                  <Button
                    key={minutes}
                    variant="outlined"
                    onClick={() => {
                      const now = Date.now()
                      setTypedAt(now)
                      setCallBack(callBackIn(minutes, now))
                      setProblems((p) => ({ ...p, callBack: undefined }))
                    }}
                    sx={{ mt: 0.25, whiteSpace: 'nowrap', flexShrink: 0 }}
                  >
                    {label}
                  </Button>
                ))}
              </Box>
            </Box>
          )}
          <TextField
            label="Note (optional)"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            helperText="What was agreed: safe times, a safe number, a code word."
            slotProps={{ htmlInput: { maxLength: NOTE_MAX } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Log call
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
