// After a restore, over the sign-in screen: which backup was restored, that later work is not in
// it, and where the replaced (or damaged) database was kept. It stays until dismissed or until
// someone signs in.
import { Alert, Snackbar } from '@mui/material'
import { useDesk } from '../store/useDesk.ts'

export function RestoredNotice() {
  const message = useDesk((s) => s.restoreMessage)
  const dismiss = useDesk((s) => s.dismissRestoreMessage)
  return (
    <Snackbar open={message !== null} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
      <Alert
        severity="warning"
        variant="filled"
        role="alert"
        onClose={dismiss}
        sx={{ maxWidth: 760 }}
      >
        {message}
      </Alert>
    </Snackbar>
  )
}
