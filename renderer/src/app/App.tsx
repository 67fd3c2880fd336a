// The whole page: theme, then the sign-in screen or the desk (or the recovery screen when the
// database was found damaged), and the one message bar. While the screen is locked the desk stays
// mounted, hidden and inert (nothing on it visible, focusable or read out), under the lock screen,
// so unlocking goes back to exactly what was open and typed.
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { CssBaseline, ThemeProvider } from '@mui/material'
import type { Theme as MuiTheme } from '@mui/material/styles'
import { themes } from '../theme.ts'
import { useDesk } from '../store/useDesk.ts'
import { SignInScreen } from '../session/SignInScreen.tsx'
import { LockScreen } from '../session/LockScreen.tsx'
import { useLockTriggers } from '../session/useLockTriggers.ts'
import { PrivacyStyles } from '../privacy/PrivacyStyles.tsx'
import { PRIVACY_ATTRIBUTE } from '../privacy/personal.ts'
import { DeskLayout } from './DeskLayout.tsx'
import { NoticeBar } from './NoticeBar.tsx'
import { StartingScreen } from './StartingScreen.tsx'
import { RecoveryScreen } from '../recovery/RecoveryScreen.tsx'
import { RestoredNotice } from '../recovery/RestoredNotice.tsx'

const DESK_ID = 'desk'
const desk = () => document.getElementById(DESK_ID)

/** Dialogs, menus and tooltips open inside the desk rather than at the end of the page, so that
 * locking hides them with it and privacy mode reaches them. */
function withPortalsInDesk(theme: MuiTheme): MuiTheme {
  return {
    ...theme,
    components: {
      ...theme.components,
      MuiModal: { defaultProps: { container: desk } },
      MuiPopper: { defaultProps: { container: desk } },
    },
  }
}

export function App() {
  const theme = useDesk((s) => s.theme)
  const sessionChecked = useDesk((s) => s.sessionChecked)
  const signedIn = useDesk((s) => s.session !== null)
  const locked = useDesk((s) => s.locked)
  const privacy = useDesk((s) => s.privacy)
  const lockScreen = useRef<HTMLDivElement>(null)
  const muiTheme = useMemo(() => withPortalsInDesk(themes[theme]), [theme])
  useLockTriggers(useCallback(() => lockScreen.current, []))
  useFocusBackAfterUnlock(locked)

  const deskStatus = useDesk((s) => s.deskStatus)
  const dismissRestoreMessage = useDesk((s) => s.dismissRestoreMessage)
  // What a restore did is for whoever signs in next; once they have, it has been read.
  useEffect(() => {
    if (signedIn) dismissRestoreMessage()
  }, [signedIn, dismissRestoreMessage])
  return (
    <ThemeProvider theme={muiTheme}>
      <CssBaseline enableColorScheme />
      <PrivacyStyles />
      {deskStatus?.state === 'damaged' ? (
        <RecoveryScreen file={deskStatus.file} problem={deskStatus.problem} />
      ) : !sessionChecked ? (
        <StartingScreen />
      ) : signedIn ? (
        <>
          <div
            id={DESK_ID}
            hidden={locked}
            inert={locked}
            {...(privacy ? { [PRIVACY_ATTRIBUTE]: '' } : {})}
          >
            <DeskLayout />
          </div>
          {locked && (
            <div ref={lockScreen}>
              <LockScreen />
            </div>
          )}
        </>
      ) : (
        <SignInScreen />
      )}
      {!signedIn && <RestoredNotice />}
      <NoticeBar />
    </ThemeProvider>
  )
}

/** Unlocked: the focus goes back where it was (the note being typed, an open dialog's field). */
function useFocusBackAfterUnlock(locked: boolean) {
  const focusedBefore = useRef<Element | null>(null)
  // Noted as the store locks, before the lock screen takes the focus.
  useEffect(
    () =>
      useDesk.subscribe((state, before) => {
        if (state.locked && !before.locked) focusedBefore.current = document.activeElement
      }),
    [],
  )
  useEffect(() => {
    const target = focusedBefore.current
    if (locked || !(target instanceof HTMLElement)) return
    focusedBefore.current = null
    if (target.isConnected) target.focus()
  }, [locked])
}
