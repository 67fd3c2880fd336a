// Words for screen readers only (e.g. what an arrow or a bare number means), kept out of sight.
import type { ReactNode } from 'react'
import { Box } from '@mui/material'

export function ScreenReaderText({ children }: { children: ReactNode }) {
  return (
    <Box
      component="span"
      sx={{
        position: 'absolute',
        width: 1,
        height: 1,
        p: 0,
        m: '-1px',
        overflow: 'hidden',
        clipPath: 'inset(50%)',
        whiteSpace: 'nowrap',
        border: 0,
      }}
    >
      {children}
    </Box>
  )
}
