// A strip under the top bar while the feed is not working, or a file from it needs someone's
// attention: what is wrong, what it means for the queue, and what to do, so a worker does not sit
// waiting for incidents that will not come.
import { Alert, AlertTitle } from '@mui/material'
import { useDesk } from '../store/useDesk.ts'
import { feedState } from './feedWords.ts'

export function FeedProblemBanner() {
  const health = useDesk((s) => s.health)
  const state = feedState(health)
  if (!health || state === 'checking' || state === 'watching') return null
  if (state === 'attention') {
    return (
      <Alert severity="warning" role="alert" square>
        <AlertTitle>The feed is working, but a file needs attention</AlertTitle>
        {health.problem} Tell IT or your supervisor if this stays.
      </Alert>
    )
  }
  return (
    <Alert severity={state === 'problem' ? 'error' : 'warning'} role="alert" square>
      <AlertTitle>New incidents are not arriving from the feed</AlertTitle>
      {health.problem ?? 'DA Desk is not watching the inbox folder.'} Until then, type urgent
      incidents in with “Add incident” and tell IT or your supervisor. Everything else on the desk
      works as usual.
    </Alert>
  )
}
