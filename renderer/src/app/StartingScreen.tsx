// Shown for the moment between opening the app and knowing who is signed in.
import { Box, CircularProgress, Typography } from '@mui/material'

export function StartingScreen() {
  return (
    <Box
      component="main"
      aria-label="Starting"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <CircularProgress size={24} aria-hidden />
        <Typography>Starting DA Desk…</Typography>
      </Box>
    </Box>
  )
}
