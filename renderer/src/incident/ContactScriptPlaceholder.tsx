// Where the safe-contact script will go. Nothing is there yet, and it says so.
import { Box, Typography } from '@mui/material'

export function ContactScriptPlaceholder() {
  return (
    <Box component="section">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
        Contact script
      </Typography>
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ border: 1, borderStyle: 'dashed', borderColor: 'divider', borderRadius: 1, p: 1.5 }}
      >
        Contact script — coming in a later release: the safe-contact checks and prompts for the call
        will appear here.
      </Typography>
    </Box>
  )
}
