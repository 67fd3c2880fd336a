// The two MUI themes: a dark control-room default (dim, not pure black, high-contrast text) and a
// light one. Colours are chosen for WCAG AA contrast on their own backgrounds in each theme.
import { createTheme, type Theme as MuiTheme } from '@mui/material/styles'
import type { Theme } from '#shared/domain.ts'

interface DeskPalette {
  /** Background of a row just added or changed by the feed. */
  flash: string
  /** Background of the incident open in the centre pane. */
  opened: string
  /** Keyboard focus ring, everywhere. */
  focus: string
  /** Colour of the "New" progress mark. */
  fresh: string
}

declare module '@mui/material/styles' {
  interface Palette {
    desk: DeskPalette
  }
  interface PaletteOptions {
    desk?: DeskPalette
  }
}

const fontFamily = '"Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

function build(mode: Theme): MuiTheme {
  const dark = mode === 'dark'
  const focus = dark ? '#ffd54f' : '#0b57a4'
  return createTheme({
    palette: dark
      ? {
          mode: 'dark',
          contrastThreshold: 4.5,
          background: { default: '#10161d', paper: '#18212b' },
          text: { primary: '#eef2f6', secondary: '#b8c4d0' },
          primary: { main: '#7cb8ff', dark: '#5ba3f5', contrastText: '#0b1a2a' },
          // A filled alert (the error message bar) is error.dark behind dark text: MUI's own
          // darker shade gave 4.3:1.
          error: { main: '#ff8a80', dark: '#e57373' },
          warning: { main: '#ffb74d' },
          success: { main: '#81c784' },
          divider: '#344150',
          desk: { flash: '#2b3f57', opened: '#1d3a5c', focus, fresh: '#ce93d8' },
        }
      : {
          mode: 'light',
          contrastThreshold: 4.5,
          background: { default: '#f4f6f8', paper: '#ffffff' },
          text: { primary: '#14181d', secondary: '#4a5561' },
          primary: { main: '#0b57a4' },
          error: { main: '#c62828' },
          warning: { main: '#b45309' },
          success: { main: '#2e7d32' },
          divider: '#c9d1d9',
          desk: { flash: '#fff3c4', opened: '#dde9f7', focus, fresh: '#7b1fa2' },
        },
    typography: { fontFamily, fontSize: 14, button: { textTransform: 'none', fontWeight: 600 } },
    shape: { borderRadius: 6 },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          // One visible focus ring for everything reached by keyboard; MUI inputs show their own.
          ':focus-visible:not(.MuiInputBase-input)': {
            outline: `3px solid ${focus}`,
            outlineOffset: 2,
          },
          '@media (prefers-reduced-motion: reduce)': {
            '*, *::before, *::after': { animationDuration: '0s !important' },
          },
        },
      },
      MuiButtonBase: { defaultProps: { disableRipple: true } },
      MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
      MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
    },
  })
}

export const themes: Record<Theme, MuiTheme> = { dark: build('dark'), light: build('light') }
