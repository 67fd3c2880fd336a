// The whole page: theme, then the sign-in screen or the desk, and the one message bar.
import { CssBaseline, ThemeProvider } from '@mui/material'
import { themes } from '../theme.ts'
import { useDesk } from '../store/useDesk.ts'
import { SignInScreen } from '../session/SignInScreen.tsx'
import { DeskLayout } from './DeskLayout.tsx'
import { NoticeBar } from './NoticeBar.tsx'
import { StartingScreen } from './StartingScreen.tsx'

export function App() {
  const theme = useDesk((s) => s.theme)
  const sessionChecked = useDesk((s) => s.sessionChecked)
  const signedIn = useDesk((s) => s.session !== null)
  return (
    <ThemeProvider theme={themes[theme]}>
      <CssBaseline enableColorScheme />
      {!sessionChecked ? <StartingScreen /> : signedIn ? <DeskLayout /> : <SignInScreen />}
      <NoticeBar />
    </ThemeProvider>
  )
}
