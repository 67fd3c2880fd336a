// The bar across the top: app name, feed health, the open escalations, the views it opens (the
// Follow-ups due list, the Figures view, Settings), the shift, Hand over (which ends the shift),
// Lock and Sign out; under it, the strips that must not be missed (privacy mode on, the feed not
// working, an escalation still waiting for the controller). It stays on one line from 1280 px
// wide: the views not needed in a hurry show only their icon, with their name in a tooltip and
// as their accessible name.
import { useEffect, useState, type ComponentType, type ReactElement } from 'react'
import {
  AppBar,
  Badge,
  Box,
  Button,
  Divider,
  IconButton,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
} from '@mui/material'
import AddIcon from '@mui/icons-material/Add'
import DirectionsCarIcon from '@mui/icons-material/DirectionsCar'
import BarChartIcon from '@mui/icons-material/BarChart'
import ExitToAppIcon from '@mui/icons-material/ExitToApp'
import LockIcon from '@mui/icons-material/Lock'
import LogoutIcon from '@mui/icons-material/Logout'
import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback'
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
import { SupportCarDialog } from '../supportCar/SupportCarDialog.tsx'
import { PrivacyIndicator } from '../privacy/PrivacyIndicator.tsx'
import { AuditBrokenBanner } from './AuditBrokenBanner.tsx'
import { Shortcut } from './Shortcut.tsx'
import { useDesk } from '../store/useDesk.ts'

/** A view the top bar opens, as a dialog over the desk. */
interface TopBarView {
  /** The button's words, its accessible name (with the count, when it has one) and tooltip. */
  name: string
  icon: ReactElement
  View: ComponentType<{ onClose: () => void }>
  /** How many things wait in the view, shown as "(n)"; the button is filled while any do. */
  useCount?: () => number
  /** Its icon alone, its name in a tooltip: for a view not needed in a hurry. */
  iconOnly?: boolean
  /** Alt and this key (by key code, so any keyboard layout) opens it from anywhere on the desk. */
  altKey?: { code: string; key: string }
}

const useFollowUpsDue = () =>
  useDesk((s) => s.followUps.filter((f) => f.dueOn <= londonToday(s.nowMs)).length)

/** The views, in the order of their buttons: adding one to the top bar is one line here. */
const VIEWS: readonly TopBarView[] = [
  {
    name: 'Follow-ups due',
    icon: <PhoneCallbackIcon />,
    View: FollowUpsDialog,
    useCount: useFollowUpsDue,
  },
  {
    name: 'Support car',
    icon: <DirectionsCarIcon />,
    View: SupportCarDialog,
    useCount: () => useDesk((s) => s.supportCar?.stops.length ?? 0),
    altKey: { code: 'KeyS', key: 'S' },
    // Filled, with the number of stops on its icon, while any wait.
    iconOnly: true,
  },
  { name: 'Figures', icon: <BarChartIcon />, View: FiguresDialog, iconOnly: true },
  { name: 'Settings', icon: <SettingsIcon />, View: SettingsDialog, iconOnly: true },
]

/** Narrower than this (the desk at 1280 px), every view, Hand over and Lock show only their
 * icons too; a view's count stays on its icon. */
const NARROW = '(max-width: 1499.95px)'

interface TopBarButtonProps {
  name: string
  icon: ReactElement
  onClick: () => void
  iconOnly?: boolean
  /** Filled, to be seen: something waits behind it, or it is the way on now. */
  filled?: boolean
  /** What waits behind it, on the icon when only the icon shows (the name says it in words). */
  count?: number | null
  /** The key shortcut, e.g. "Ctrl+L", printed on the button (in the tooltip when icon-only). */
  shortcut?: { keys: string; aria: string }
}

/** One of the top bar's buttons, with words or (to keep the bar on one line) its icon alone,
 * drawn outlined like the others, its name in a tooltip and as its accessible name. */
function TopBarButton({
  name,
  icon,
  onClick,
  iconOnly,
  filled,
  count,
  shortcut,
}: TopBarButtonProps) {
  if (iconOnly) {
    return (
      <Tooltip title={shortcut ? `${name} (${shortcut.keys})` : name}>
        <IconButton
          color="primary"
          aria-label={name}
          aria-keyshortcuts={shortcut?.aria}
          onClick={onClick}
          sx={filled ? filledIcon : outlinedIcon}
        >
          {count ? (
            <Badge badgeContent={count} color="error" max={99}>
              {icon}
            </Badge>
          ) : (
            icon
          )}
        </IconButton>
      </Tooltip>
    )
  }
  return (
    <Button
      variant={filled ? 'contained' : 'outlined'}
      startIcon={icon}
      onClick={onClick}
      aria-keyshortcuts={shortcut?.aria}
    >
      {name}
      {shortcut && <Shortcut keys={shortcut.keys} />}
    </Button>
  )
}

const outlinedIcon = { border: 1, borderColor: 'divider', borderRadius: 1, p: 0.75 } as const
const filledIcon = {
  ...outlinedIcon,
  bgcolor: 'primary.main',
  color: 'primary.contrastText',
  '&:hover': { bgcolor: 'primary.dark' },
} as const

const noCount = () => null

function ViewButton({
  view,
  narrow,
  onOpen,
}: {
  view: TopBarView
  narrow: boolean
  onOpen: () => void
}) {
  const count = (view.useCount ?? noCount)()
  return (
    <TopBarButton
      name={count === null ? view.name : `${view.name} (${count})`}
      icon={view.icon}
      onClick={onOpen}
      iconOnly={narrow || view.iconOnly}
      filled={count !== null && count > 0}
      count={count}
      shortcut={view.altKey && { keys: `Alt+${view.altKey.key}`, aria: `Alt+${view.altKey.key}` }}
    />
  )
}

export function TopBar() {
  const signOut = useDesk((s) => s.signOut)
  const lock = useDesk((s) => s.lock)
  // Only when nothing arrives: a file that needs attention leaves the feed working.
  const feedDown = useDesk((s) => ['problem', 'stopped'].includes(feedState(s.health)))
  const [adding, setAdding] = useState(false)
  const [openView, setOpenView] = useState<TopBarView | null>(null)
  const [handingOver, setHandingOver] = useState(false)
  const narrow = useMediaQuery(NARROW, { noSsr: true })

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // Ctrl+Alt is AltGr, which is typing; and not over another dialog.
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      const view = VIEWS.find((v) => v.altKey?.code === event.code)
      if (!view || document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      setOpenView(view)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

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
          gap: 0.75,
          px: 2,
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
        {/* Sized from its words and the quarantine button ("Feed needs attention", "Quarantined
            files: 12"), so a long inbox path or name gives way (with an ellipsis) before the
            buttons wrap onto a second line. */}
        <Box sx={{ flex: '1 1 0', minWidth: 350 }}>
          <FeedHealthStatus />
        </Box>
        <EscalationCount />
        {/* Typed in by hand when the feed is down: then it is the way on, and says so. */}
        <TopBarButton
          name="Add incident"
          icon={<AddIcon />}
          onClick={() => setAdding(true)}
          iconOnly={!feedDown}
          filled={feedDown}
        />
        {VIEWS.map((view) => (
          <ViewButton
            key={view.name}
            view={view}
            narrow={narrow}
            onOpen={() => setOpenView(view)}
          />
        ))}
        <Divider orientation="vertical" flexItem />
        <Box sx={{ flex: '1 1 0', minWidth: 140, maxWidth: 420 }}>
          <ShiftStatus />
        </Box>
        <TopBarButton
          name="Hand over"
          icon={<ExitToAppIcon />}
          onClick={() => setHandingOver(true)}
          iconOnly={narrow}
        />
        <TopBarButton
          name="Lock"
          icon={<LockIcon />}
          onClick={() => void lock('button')}
          iconOnly={narrow}
          shortcut={{ keys: 'Ctrl+L', aria: 'Control+L' }}
        />
        <TopBarButton
          name="Sign out"
          icon={<LogoutIcon />}
          onClick={() => void signOut()}
          iconOnly
        />
      </Toolbar>
      <PrivacyIndicator />
      <AuditBrokenBanner />
      <FeedProblemBanner />
      <EscalationReminders />
      {adding && <ManualEntryDialog onClose={() => setAdding(false)} />}
      {openView && <openView.View onClose={() => setOpenView(null)} />}
      {handingOver && <HandOverDialog onClose={() => setHandingOver(false)} />}
    </AppBar>
  )
}
