// The one rule of privacy mode: while the desk carries the privacy attribute, everything marked
// personal is drawn as a plain bar (in a text field, as discs). The text stays where it is, so
// turning privacy off puts it back at once, and a phone number half typed in a field is kept.
import { GlobalStyles } from '@mui/material'
import { PRIVACY_ATTRIBUTE } from './personal.ts'

export function PrivacyStyles() {
  return (
    <GlobalStyles
      styles={(theme) => ({
        [`[${PRIVACY_ATTRIBUTE}] [data-personal]`]: {
          // Discs in place of every character (inputs too), then even those made invisible.
          WebkitTextSecurity: 'disc',
          color: 'transparent !important',
          WebkitTextFillColor: 'transparent',
          caretColor: 'transparent',
          textShadow: 'none',
          userSelect: 'none',
          backgroundColor: theme.palette.action.disabledBackground,
          borderRadius: 2,
        },
        // In a field the discs stay in sight, so a number that is there does not look missing.
        [`[${PRIVACY_ATTRIBUTE}] input[data-personal]`]: {
          color: 'inherit !important',
          WebkitTextFillColor: 'currentColor',
          backgroundColor: 'transparent',
        },
      })}
    />
  )
}
