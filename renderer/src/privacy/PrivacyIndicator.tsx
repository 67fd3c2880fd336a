// While privacy mode is on, a strip across the top of the desk says so, above the shade of any
// open dialog, and its button turns it off. Ctrl+Shift+H does the same.
import { Box, Button } from '@mui/material'
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'
import { useDesk } from '../store/useDesk.ts'

/** Deep purple with white text in both themes (over 10:1): not an alarm, not to be missed. */
const STRIP = { bgcolor: '#4a148c', color: '#fff' }

export function PrivacyIndicator() {
  const privacy = useDesk((s) => s.privacy)
  const setPrivacy = useDesk((s) => s.setPrivacy)
  return (
    <Box role="status">
      {privacy && (
        <Box
          sx={(theme) => ({
            ...STRIP,
            position: 'relative',
            zIndex: theme.zIndex.modal + 1,
            display: 'flex',
            justifyContent: 'center',
            py: 0.5,
          })}
        >
          <Button
            color="inherit"
            variant="outlined"
            startIcon={<VisibilityOffIcon />}
            onClick={() => setPrivacy(false)}
            aria-keyshortcuts="Control+Shift+H"
            sx={{ fontWeight: 700, fontSize: '1rem', textTransform: 'none' }}
          >
            Privacy on — names and numbers hidden (Ctrl+Shift+H)
            <ScreenReaderText>: select to show them again</ScreenReaderText>
          </Button>
        </Box>
      )}
    </Box>
  )
}
