// The red Escalate button in the incident header (Alt+E from anywhere on the desk). While the app
// suggests an escalation it pulses — a steady ring instead for those who asked for less motion.
import { Button } from '@mui/material'
import { keyframes } from '@mui/material/styles'
import CampaignIcon from '@mui/icons-material/Campaign'
import { Shortcut } from '../app/Shortcut.tsx'

export const ESCALATE_SHORTCUT = 'Alt+E'

const pulse = keyframes`
  0% { box-shadow: 0 0 0 0 var(--pulse-colour); }
  70% { box-shadow: 0 0 0 12px transparent; }
  100% { box-shadow: 0 0 0 0 transparent; }
`

export function EscalateButton({
  suggested,
  onClick,
}: {
  suggested: boolean
  onClick: () => void
}) {
  return (
    <Button
      variant="contained"
      color="error"
      size="large"
      startIcon={<CampaignIcon aria-hidden />}
      aria-keyshortcuts={ESCALATE_SHORTCUT}
      aria-describedby={suggested ? 'escalation-suggestion' : undefined}
      onClick={onClick}
      sx={(theme) => ({
        flexShrink: 0,
        fontSize: '1rem',
        ...(suggested && {
          '--pulse-colour': theme.palette.error.main,
          animation: `${pulse} 1.6s ease-out infinite`,
          '@media (prefers-reduced-motion: reduce)': {
            animation: 'none',
            boxShadow: `0 0 0 4px ${theme.palette.background.paper}, 0 0 0 7px ${theme.palette.error.main}`,
          },
        }),
      })}
    >
      Escalate
      <Shortcut keys={ESCALATE_SHORTCUT} />
    </Button>
  )
}
