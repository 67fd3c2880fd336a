// The whole page: theme, then the sign-in screen or the desk (or the recovery screen when the
// database was found damaged), and the one message bar.
import { useEffect } from 'react'
import { CssBaseline, ThemeProvider } from '@mui/material'
import { themes } from '../theme.ts'
import { useDesk } from '../store/useDesk.ts'
import { SignInScreen } from '../session/SignInScreen.tsx'
import { DeskLayout } from './DeskLayout.tsx'
import { NoticeBar } from './NoticeBar.tsx'
import { StartingScreen } from './StartingScreen.tsx'
import { RecoveryScreen } from '../recovery/RecoveryScreen.tsx'
import { RestoredNotice } from '../recovery/RestoredNotice.tsx'

export function App() {
  const theme = useDesk((s) => s.theme)
  const sessionChecked = useDesk((s) => s.sessionChecked)
  const signedIn = useDesk((s) => s.session !== null)
  const deskStatus = useDesk((s) => s.deskStatus)
  const dismissRestoreMessage = useDesk((s) => s.dismissRestoreMessage)
  // What a restore did is for whoever signs in next; once they have, it has been read.
  useEffect(() => {
    if (signedIn) dismissRestoreMessage()
  }, [signedIn, dismissRestoreMessage])
  return (
    <ThemeProvider theme={themes[theme]}>
      <CssBaseline enableColorScheme />
      {deskStatus?.state === 'damaged' ? (
        <RecoveryScreen file={deskStatus.file} problem={deskStatus.problem} />
      ) : !sessionChecked ? (
        <StartingScreen />
      ) : signedIn ? (
        <DeskLayout />
      ) : (
        <SignInScreen />
      )}
      {!signedIn && <RestoredNotice />}
      <NoticeBar />
    </ThemeProvider>
  )
}
