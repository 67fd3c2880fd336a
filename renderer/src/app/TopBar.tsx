// The bar across the top: app name, feed health, the open escalations, the actions that are
// always there, and who is signed in; under it, the strips that must not be missed (the feed not
// working, an escalation still waiting for the controller).
import { useState } from 'react'
import { AppBar, Box, Button, Divider, Toolbar, Typography } from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import LogoutIcon from '@mui/icons-material/Logout'
import SettingsIcon from '@mui/icons-material/Settings'
import { EscalationCount } from '../escalation/EscalationCount.tsx'
import { EscalationReminders } from '../escalation/EscalationReminders.tsx'
import { FeedHealthStatus } from '../feed/FeedHealthStatus.tsx'
import { FeedProblemBanner } from '../feed/FeedProblemBanner.tsx'
import { ManualEntryDialog } from '../manual/ManualEntryDialog.tsx'
import { SettingsDialog } from '../settings/SettingsDialog.tsx'
import { AuditBrokenBanner } from './AuditBrokenBanner.tsx'
import { useDesk } from '../store/useDesk.ts'

export function TopBar() {
  const session = useDesk((s) => s.session)
  const signOut = useDesk((s) => s.signOut)
  const feedDown = useDesk((s) => Boolean(s.health?.problem) || s.health?.watching === false)
  const [adding, setAdding] = useState(false)
  const [settingsOpen, setSettingsOpen] = useState(false)

  return (
    <AppBar
      position="static"
      component="header"
      aria-label="DA Desk"
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      <Toolbar variant="dense" sx={{ gap: 2, minHeight: 56, flexWrap: 'wrap', py: 0.5 }}>
        <Typography variant="h6" component="h1" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
          DA Desk
        </Typography>
        <Divider orientation="vertical" flexItem />
        <FeedHealthStatus />
        <Box sx={{ flexGrow: 1 }} />
        <EscalationCount />
        <Button
          variant={feedDown ? 'contained' : 'outlined'}
          startIcon={<AddIcon />}
          onClick={() => setAdding(true)}
        >
          Add incident
        </Button>
        <Button
          variant="outlined"
          startIcon={<SettingsIcon />}
          onClick={() => setSettingsOpen(true)}
        >
          Settings
        </Button>
        <Divider orientation="vertical" flexItem />
        {session && (
          <Box sx={{ textAlign: 'right', lineHeight: 1.2, maxWidth: 280 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
              {session.workerName}
            </Typography>
            <Typography variant="body2" color="text.secondary" noWrap>
              {session.organisation}
            </Typography>
          </Box>
        )}
        <Button color="inherit" startIcon={<LogoutIcon />} onClick={() => void signOut()}>
          Sign out
        </Button>
      </Toolbar>
      <AuditBrokenBanner />
      <FeedProblemBanner />
      <EscalationReminders />
      {adding && <ManualEntryDialog onClose={() => setAdding(false)} />}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </AppBar>
  )
}
