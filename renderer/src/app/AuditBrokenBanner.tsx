// A red strip under the top bar, for the whole session, when DA Desk found at start-up that its
// record of who did what (the audit log) was changed or cut outside the app. The worker cannot
// fix it; they must know, and tell someone who can.
import { Alert, AlertTitle } from '@mui/material'
import { formatDateTime } from '#shared/time.ts'
import { useDesk } from '../store/useDesk.ts'

/** Deep red with white text in both themes (7.6:1), so it reads as an alarm, not a hint. */
const ALARM = { bgcolor: '#b71c1c', color: '#fff', '& .MuiAlert-icon': { color: '#fff' } }

export function AuditBrokenBanner() {
  const firstBad = useDesk((s) => (s.auditStatus?.intact === false ? s.auditStatus.firstBad : null))
  if (!firstBad) return null
  const when = firstBad.at === null ? '' : ` (${formatDateTime(firstBad.at)})`
  return (
    <Alert
      severity="error"
      variant="filled"
      role="alert"
      square
      sx={{ ...ALARM, fontSize: '1rem' }}
    >
      <AlertTitle sx={{ fontWeight: 700 }}>
        The audit log has been tampered with: tell your supervisor and IT now
      </AlertTitle>
      DA Desk checks its record of who did what every time it starts. Entry {firstBad.id}
      {when}: {firstBad.problem}. You can carry on working: your work is still saved and recorded.
      IT can check the log with “da-desk audit verify”.
    </Alert>
  )
}
