// The one message bar: problems from calls in plain words (they stay until dismissed), and short
// confirmations (which go away on their own, or at the next click elsewhere, so one never sits
// over the buttons of a dialog opened straight after).
import { Alert, Snackbar } from '@mui/material'
import { useDesk } from '../store/useDesk.ts'

export function NoticeBar() {
  const notice = useDesk((s) => s.notice)
  const dismissNotice = useDesk((s) => s.dismissNotice)
  const isError = notice?.severity === 'error'
  return (
    <Snackbar
      key={notice?.id}
      open={notice !== null}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      autoHideDuration={isError ? null : 5_000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway' || !isError) dismissNotice()
      }}
    >
      <Alert
        severity={notice?.severity ?? 'info'}
        variant="filled"
        onClose={dismissNotice}
        role={isError ? 'alert' : 'status'}
        sx={{ maxWidth: 720, fontSize: '1rem' }}
      >
        {notice?.message}
      </Alert>
    </Snackbar>
  )
}
