// Says why a purged incident's personal details are not there, instead of leaving blanks that
// look like the feed never gave them.
import { Alert } from '@mui/material'
import { removedNotice } from '#shared/retention.ts'

export function PurgedNotice({ purgedAt }: { purgedAt: string }) {
  return (
    <Alert severity="info" role="note">
      {removedNotice(purgedAt)}. What was done, the risk level, referrals, escalations and times
      remain; names, numbers, addresses and everything typed were removed.
    </Alert>
  )
}
