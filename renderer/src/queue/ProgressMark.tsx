// The worker's own progress on an incident, each step with its own shape, icon and word so they
// are told apart without colour: New (solid), Reviewing, Contacted (outlined), Done (quiet).
import { Chip } from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import FiberManualRecordIcon from '@mui/icons-material/FiberManualRecord'
import PhoneIcon from '@mui/icons-material/Phone'
import VisibilityIcon from '@mui/icons-material/Visibility'
import { PROGRESS_LABELS, type Progress } from '#shared/domain.ts'

export function ProgressMark({ progress }: { progress: Progress }) {
  const label = PROGRESS_LABELS[progress]
  switch (progress) {
    case 'new':
      return (
        <Chip
          size="small"
          icon={<FiberManualRecordIcon aria-hidden />}
          label={label}
          sx={{
            bgcolor: 'desk.fresh',
            color: 'background.paper',
            fontWeight: 700,
            '& .MuiChip-icon': { color: 'inherit' },
          }}
        />
      )
    case 'reviewing':
      return (
        <Chip
          size="small"
          variant="outlined"
          color="primary"
          icon={<VisibilityIcon aria-hidden />}
          label={label}
        />
      )
    case 'contacted':
      return (
        <Chip
          size="small"
          variant="outlined"
          color="success"
          icon={<PhoneIcon aria-hidden />}
          label={label}
        />
      )
    case 'done':
      return (
        <Chip
          size="small"
          variant="outlined"
          icon={<CheckIcon aria-hidden />}
          label={label}
          sx={{ borderStyle: 'dashed', color: 'text.secondary' }}
        />
      )
  }
}
