// Risk flags as small icons with their words; a flag the app does not know is shown as it came.
import { Box, type SvgIcon } from '@mui/material'
import ChildCareIcon from '@mui/icons-material/ChildCare'
import DangerousIcon from '@mui/icons-material/Dangerous'
import FlagIcon from '@mui/icons-material/Flag'
import LocalBarIcon from '@mui/icons-material/LocalBar'
import PersonalInjuryIcon from '@mui/icons-material/PersonalInjury'
import PersonPinCircleIcon from '@mui/icons-material/PersonPinCircle'
import PregnantWomanIcon from '@mui/icons-material/PregnantWoman'
import RepeatIcon from '@mui/icons-material/Repeat'
import ReportIcon from '@mui/icons-material/Report'
import WarningIcon from '@mui/icons-material/Warning'
import { FLAG_LABELS, type KnownFlag } from '#shared/domain.ts'
import { labelFor } from '../incident/fieldLabels.ts'

type IconComponent = typeof SvgIcon

const FLAG_ICONS: Record<KnownFlag, IconComponent> = {
  'children-present': ChildCareIcon,
  weapon: DangerousIcon,
  injury: PersonalInjuryIcon,
  strangulation: WarningIcon,
  pregnancy: PregnantWomanIcon,
  'repeat-victim': RepeatIcon,
  'threats-to-kill': ReportIcon,
  'suspect-on-scene': PersonPinCircleIcon,
  'alcohol-drugs': LocalBarIcon,
}

export function flagLabel(flag: string): string {
  return labelFor(FLAG_LABELS, flag)
}

export function FlagList({ flags, wrap = false }: { flags: readonly string[]; wrap?: boolean }) {
  return (
    <Box
      component="ul"
      sx={{
        display: 'flex',
        flexWrap: wrap ? 'wrap' : 'nowrap',
        gap: wrap ? 1 : 1.5,
        m: 0,
        p: 0,
        listStyle: 'none',
        minWidth: 0,
        overflow: 'hidden',
      }}
    >
      {flags.map((flag) => {
        const Icon = (FLAG_ICONS as Record<string, IconComponent>)[flag] ?? FlagIcon
        return (
          <Box
            component="li"
            key={flag}
            sx={{
              display: 'inline-flex',
              alignItems: 'center',
              gap: 0.5,
              whiteSpace: 'nowrap',
              fontSize: '0.8125rem',
              ...(wrap && {
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                px: 1,
                py: 0.25,
              }),
            }}
          >
            <Icon sx={{ fontSize: 16, color: 'warning.main' }} aria-hidden />
            {flagLabel(flag)}
          </Box>
        )
      })}
    </Box>
  )
}
