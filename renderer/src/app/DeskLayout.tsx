// The signed-in desk: top bar, then the live queue (left), the open incident (centre) and the
// rapport notes (right), wide enough to read the timeline and write during a call.
import { Box } from '@mui/material'
import { IncidentPane } from '../incident/IncidentPane.tsx'
import { NotesPane } from '../notes/NotesPane.tsx'
import { QueuePane } from '../queue/QueuePane.tsx'
import { TopBar } from './TopBar.tsx'

export function DeskLayout() {
  return (
    <Box
      sx={{
        height: '100vh',
        overflow: 'hidden',
        display: 'grid',
        gridTemplateRows: 'auto minmax(0, 1fr)',
        bgcolor: 'background.default',
      }}
    >
      <TopBar />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 72fr) minmax(0, 28fr)',
          gridTemplateRows: 'minmax(0, 1fr)',
          minHeight: 0,
        }}
      >
        <Box
          component="main"
          aria-label="Queue and incident"
          sx={{
            display: 'grid',
            gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
            gridTemplateRows: 'minmax(0, 1fr)',
            minHeight: 0,
          }}
        >
          <QueuePane />
          <IncidentPane />
        </Box>
        <NotesPane />
      </Box>
    </Box>
  )
}
