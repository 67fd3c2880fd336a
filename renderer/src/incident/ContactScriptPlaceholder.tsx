// Where the guided safe-contact script will go. Nothing is there yet, and it says so.
import { Typography } from '@mui/material'

export function ContactScriptPlaceholder() {
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      sx={{ border: 1, borderStyle: 'dashed', borderColor: 'divider', borderRadius: 1, p: 1 }}
    >
      Guided contact script — coming in a later release: the safe-contact checks and prompts for the
      call will appear here.
    </Typography>
  )
}
