// A strip under the top bar while the feed is not working, saying what is wrong and what to do,
// so a worker does not sit waiting for incidents that will not come.
import { Alert, AlertTitle } from '@mui/material'
import { useDesk } from '../store/useDesk.ts'
import { feedState } from './feedWords.ts'

export function FeedProblemBanner() {
  const health = useDesk((s) => s.health)
  const state = feedState(health)
  if (!health || (state !== 'problem' && state !== 'stopped')) return null
  return (
    <Alert severity={state === 'problem' ? 'error' : 'warning'} role="alert" square>
      <AlertTitle>New incidents are not arriving from the feed</AlertTitle>
      {health.problem ?? 'DA Desk is not watching the inbox folder.'} Type urgent incidents in with
      “Add incident”, or check the inbox folder in Settings.
    </Alert>
  )
}
