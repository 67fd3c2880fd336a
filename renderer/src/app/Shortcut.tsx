// A key shortcut printed on its button ("Alt+E"). Hidden from screen readers: the button carries
// aria-keyshortcuts instead.
import { Box } from '@mui/material'

export function Shortcut({ keys }: { keys: string }) {
  return (
    <Box
      component="kbd"
      aria-hidden
      sx={{
        ml: 1,
        px: 0.75,
        border: 1,
        borderRadius: 0.5,
        fontFamily: 'inherit',
        fontSize: '0.75rem',
        fontWeight: 600,
        whiteSpace: 'nowrap',
      }}
    >
      {keys}
    </Box>
  )
}
