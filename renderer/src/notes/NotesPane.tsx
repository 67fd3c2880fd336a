// The right-hand pane, kept for rapport notes. Nothing is recorded here yet, and it says so
// rather than showing anything that looks like a record.
import { Box, Typography } from '@mui/material'
import EditNoteIcon from '@mui/icons-material/EditNote'

export function NotesPane() {
  return (
    <Box
      component="aside"
      aria-label="Rapport notes"
      sx={{ borderLeft: 1, borderColor: 'divider', p: 2, overflow: 'auto' }}
    >
      <Typography variant="h6" component="h2" gutterBottom>
        Rapport notes
      </Typography>
      <Box
        sx={{
          border: 1,
          borderStyle: 'dashed',
          borderColor: 'divider',
          borderRadius: 1,
          p: 2,
          color: 'text.secondary',
          display: 'flex',
          gap: 1.5,
        }}
      >
        <EditNoteIcon aria-hidden />
        <Typography variant="body2">
          Rapport notes — coming in a later release: notes, contact attempts and the timeline will
          appear here. For now, keep notes where your service already records them.
        </Typography>
      </Box>
    </Box>
  )
}
