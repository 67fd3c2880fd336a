// The right-hand pane: the open incident's rapport notes, calls and regrades as one timeline,
// and the note being written below it.
import { Box, Typography } from '@mui/material'
import { useDesk } from '../store/useDesk.ts'
import { NoteComposer } from './NoteComposer.tsx'
import { NotesTimeline } from './NotesTimeline.tsx'

export function NotesPane() {
  const selectedId = useDesk((s) => s.selectedId)
  const detail = useDesk((s) => s.detail)
  const loaded = detail !== null && detail.row.id === selectedId

  return (
    <Box
      component="section"
      aria-labelledby="notes-heading"
      sx={{
        borderLeft: 1,
        borderColor: 'divider',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
      }}
    >
      <Box sx={{ px: 2, pt: 1.5, pb: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography id="notes-heading" variant="h6" component="h2">
          Rapport notes
        </Typography>
        {loaded && (
          <Typography variant="body2" color="text.secondary">
            {detail.row.incidentRef} · newest at the bottom
          </Typography>
        )}
      </Box>
      {selectedId === null ? (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          Open an incident to see its notes and calls, and to write a note.
        </Typography>
      ) : !loaded ? (
        <Typography color="text.secondary" sx={{ p: 2 }}>
          Opening the incident…
        </Typography>
      ) : (
        // Keyed by incident, so each one opens at its newest entry with a fresh composer.
        <Box
          key={detail.row.id}
          sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
        >
          <NotesTimeline detail={detail} />
          <NoteComposer detail={detail} />
        </Box>
      )}
    </Box>
  )
}
