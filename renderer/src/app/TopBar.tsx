// The bar across the top: app name, feed health, the open escalations, the shift, the actions
// that are always there (among them the Figures view, Hand over, which ends the shift, and Lock),
// and who is signed in; under it, the strips that must not be missed (privacy mode on, the feed
// not working, an escalation still waiting for the controller).
import { useState } from 'react'
import { AppBar, Box, Button, Divider, Toolbar, Typography } from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import BarChartIcon from '@mui/icons-material/BarChart'
import ExitToAppIcon from '@mui/icons-material/ExitToApp'
import LockIcon from '@mui/icons-material/Lock'
import LogoutIcon from '@mui/icons-material/Logout'
import SettingsIcon from '@mui/icons-material/Settings'
import { EscalationCount } from '../escalation/EscalationCount.tsx'
import { EscalationReminders } from '../escalation/EscalationReminders.tsx'
import { FeedHealthStatus } from '../feed/FeedHealthStatus.tsx'
import { FeedProblemBanner } from '../feed/FeedProblemBanner.tsx'
import { feedState } from '../feed/feedWords.ts'
import { FiguresDialog } from '../figures/FiguresDialog.tsx'
import { FollowUpsDialog } from '../followUps/FollowUpsDialog.tsx'
import { londonToday } from '../followUps/followUpDays.ts'
import { HandOverDialog } from '../handover/HandOverDialog.tsx'
import { ShiftStatus } from '../handover/ShiftStatus.tsx'
import { ManualEntryDialog } from '../manual/ManualEntryDialog.tsx'
import { SettingsDialog } from '../settings/SettingsDialog.tsx'
import { SupportCarButton } from '../supportCar/SupportCarButton.tsx'
import { PrivacyIndicator } from '../privacy/PrivacyIndicator.tsx'
import { AuditBrokenBanner } from './AuditBrokenBanner.tsx'
import { Shortcut } from './Shortcut.tsx'
import { useDesk } from '../store/useDesk.ts'

export function TopBar() {
  const signOut = useDesk((s) => s.signOut)
  const lock = useDesk((s) => s.lock)
  // Only when nothing arrives: a file that needs attention leaves the feed working.
  const feedDown = useDesk((s) => ['problem', 'stopped'].includes(feedState(s.health)))
  const [adding, setAdding] = useState(false)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [figuresOpen, setFiguresOpen] = useState(false)
  const [followUpsOpen, setFollowUpsOpen] = useState(false)
  const followUpsDue = useDesk(
    (s) => s.followUps.filter((f) => f.dueOn <= londonToday(s.nowMs)).length,
  )
  const [handingOver, setHandingOver] = useState(false)

  return (
    <AppBar
      position="static"
      component="header"
      aria-label="DA Desk"
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      <Toolbar
        variant="dense"
        sx={{
          gap: 1,
          minHeight: 56,
          flexWrap: 'wrap',
          py: 0.5,
          '& .MuiButton-root': { whiteSpace: 'nowrap', flexShrink: 0 },
        }}
      >
        <Typography variant="h6" component="h1" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
          DA Desk
        </Typography>
        <Divider orientation="vertical" flexItem />
        {/* Sized from nothing, so a long inbox path or name gives way (with an ellipsis) before
            the buttons wrap onto a second line. */}
        <Box sx={{ flex: '1 1 0', minWidth: 'min-content' }}>
          <FeedHealthStatus />
        </Box>
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
          startIcon={<BarChartIcon />}
          onClick={() => setFiguresOpen(true)}
        >
          Figures
        </Button>
        <Button
          variant={followUpsDue > 0 ? 'contained' : 'outlined'}
          onClick={() => setFollowUpsOpen(true)}
        >
          Follow-ups due ({followUpsDue})
        </Button>
        <SupportCarButton />
        <Button
          variant="outlined"
          startIcon={<SettingsIcon />}
          onClick={() => setSettingsOpen(true)}
        >
          Settings
        </Button>
        <Divider orientation="vertical" flexItem />
        <Box sx={{ flex: '1 1 0', minWidth: 140, maxWidth: 420 }}>
          <ShiftStatus />
        </Box>
        <Button
          variant="outlined"
          startIcon={<ExitToAppIcon />}
          onClick={() => setHandingOver(true)}
        >
          Hand over
        </Button>
        <Button
          variant="outlined"
          startIcon={<LockIcon />}
          onClick={() => void lock('button')}
          aria-keyshortcuts="Control+L"
        >
          Lock
          <Shortcut keys="Ctrl+L" />
        </Button>
        <Button color="inherit" startIcon={<LogoutIcon />} onClick={() => void signOut()}>
          Sign out
        </Button>
      </Toolbar>
      <PrivacyIndicator />
      <AuditBrokenBanner />
      <FeedProblemBanner />
      <EscalationReminders />
      {adding && <ManualEntryDialog onClose={() => setAdding(false)} />}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      {figuresOpen && <FiguresDialog onClose={() => setFiguresOpen(false)} />}
      {followUpsOpen && <FollowUpsDialog onClose={() => setFollowUpsOpen(false)} />}
      {handingOver && <HandOverDialog onClose={() => setHandingOver(false)} />}
    </AppBar>
  )
}
