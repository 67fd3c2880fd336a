// The worker's progress on the open incident: New, Reviewing, Contacted, Done.
import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material'
import { PROGRESS, PROGRESS_LABELS, type Progress } from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'

export function ProgressControl({ id, progress }: { id: number; progress: Progress }) {
  const setProgress = useDesk((s) => s.setProgress)
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
      <Typography id="progress-label" variant="body2" sx={{ fontWeight: 600 }}>
        Your progress
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        color="primary"
        value={progress}
        aria-labelledby="progress-label"
        onChange={(_event, value: Progress | null) => {
          if (value !== null && value !== progress) void setProgress(id, value)
        }}
      >
        {PROGRESS.map((step) => (
          <ToggleButton key={step} value={step} sx={{ px: 2 }}>
            {PROGRESS_LABELS[step]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  )
}
