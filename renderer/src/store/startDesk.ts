// Start-up, done once: listen to the Node side's events, start the shared clock, save the note
// being typed when the window closes, and find out whether the database opened (if it was found
// damaged, the recovery screen shows instead) and whether a worker is already signed in.
import { on } from '../api.ts'
import { useDesk } from './useDesk.ts'

const CLOCK_MS = 30_000

export function startDesk(): void {
  const desk = useDesk.getState()
  on('incidents.changed', (payload) => useDesk.getState().applyIncidentsChanged(payload))
  on('incident.recordAdded', ({ incidentId }) => {
    const state = useDesk.getState()
    if (state.session && state.selectedId === incidentId) state.reloadSelectedSoon()
    // A contact outcome may have scheduled a follow-up.
    if (state.session) void state.loadFollowUps()
  })
  on('feed.health', (health) => {
    if (useDesk.getState().session) useDesk.getState().setHealth(health)
  })
  setInterval(() => useDesk.getState().tick(Date.now()), CLOCK_MS)
  // Closing the window within the draft's quiet time would otherwise lose the last words.
  window.addEventListener('pagehide', () => void useDesk.getState().flushDraft())
  void desk.checkDeskStatus().then((ready) => {
    if (ready) void desk.checkSession()
  })
}
