// The top bar's Support car button: how many stops are on the car's list, and the view itself,
// also opened with Alt+S from anywhere on the desk (not while another dialog is open).
import { useEffect, useState } from 'react'
import { Button } from '@mui/material'
import DirectionsCarIcon from '@mui/icons-material/DirectionsCar'
import { Shortcut } from '../app/Shortcut.tsx'
import { useDesk } from '../store/useDesk.ts'
import { SupportCarDialog } from './SupportCarDialog.tsx'

export function SupportCarButton() {
  const stops = useDesk((s) => s.supportCar?.stops.length ?? 0)
  const [open, setOpen] = useState(false)

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // By key code, so Alt+S works whatever the layout; Ctrl+Alt is AltGr, which is typing.
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyS') return
      if (document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      setOpen(true)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <>
      <Button
        variant={stops > 0 ? 'contained' : 'outlined'}
        startIcon={<DirectionsCarIcon />}
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Alt+S"
      >
        Support car ({stops})
        <Shortcut keys="Alt+S" />
      </Button>
      {open && <SupportCarDialog onClose={() => setOpen(false)} />}
    </>
  )
}
