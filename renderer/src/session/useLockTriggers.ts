// What locks the signed-in desk from the page: no key, mouse or pointer activity for the minutes
// set in Settings, and Ctrl+L. Ctrl+Shift+H turns privacy mode on and off. While the lock screen
// is up, keys pressed anywhere but on it do nothing.
import { useEffect } from 'react'
import { DEFAULT_LOCK_AFTER_MINUTES } from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'wheel', 'touchstart']

/** Ctrl with the letter alone: Ctrl+Alt is AltGr on some keyboards, left to typing. */
const ctrlWith = (event: KeyboardEvent, letter: string, shift: boolean) =>
  event.ctrlKey &&
  !event.altKey &&
  !event.metaKey &&
  event.shiftKey === shift &&
  event.key.toLowerCase() === letter

export function useLockTriggers(lockScreen: () => HTMLElement | null) {
  const signedIn = useDesk((s) => s.session !== null)
  const locked = useDesk((s) => s.locked)
  const minutes = useDesk((s) => s.settings?.lockAfterMinutes ?? DEFAULT_LOCK_AFTER_MINUTES)

  useEffect(() => {
    if (!signedIn || locked) return
    const limitMs = minutes * 60_000
    let lastActivity = Date.now()
    let timer: ReturnType<typeof setTimeout>
    // One timer, moved on only when it fires early: cheap however much the mouse moves.
    const check = () => {
      const idleMs = Date.now() - lastActivity
      if (idleMs >= limitMs) void useDesk.getState().lock('idle')
      else timer = setTimeout(check, limitMs - idleMs)
    }
    const active = () => {
      lastActivity = Date.now()
    }
    timer = setTimeout(check, limitMs)
    for (const type of ACTIVITY)
      window.addEventListener(type, active, { capture: true, passive: true })
    return () => {
      clearTimeout(timer)
      for (const type of ACTIVITY) window.removeEventListener(type, active, { capture: true })
    }
  }, [signedIn, locked, minutes])

  useEffect(() => {
    if (!signedIn) return
    function onKeyDown(event: KeyboardEvent) {
      const state = useDesk.getState()
      if (state.locked) {
        const screen = lockScreen()
        if (!screen?.contains(event.target as Node)) {
          event.preventDefault()
          event.stopPropagation()
          screen?.querySelector('input')?.focus()
        }
        return
      }
      if (ctrlWith(event, 'l', false)) {
        event.preventDefault()
        event.stopPropagation()
        void state.lock('shortcut')
      } else if (ctrlWith(event, 'h', true)) {
        event.preventDefault()
        event.stopPropagation()
        state.setPrivacy(!state.privacy)
      }
    }
    // Capture: ahead of every handler on the desk, dialogs and the note composer included.
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [signedIn, lockScreen])
}
