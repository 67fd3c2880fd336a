// Contact with the victim, near the top of the open incident: "Call victim" (also Alt+C from
// anywhere on the desk) to log a call attempt, the call-back agreed (marked when it is due), the
// calls made so far, and the guided safe-contact script.
import { useEffect, useState } from 'react'
import { Box, Button, Typography } from '@mui/material'
import AlarmIcon from '@mui/icons-material/Alarm'
import PhoneIcon from '@mui/icons-material/Phone'
import type { IncidentDetail } from '#shared/domain.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { Shortcut } from '../app/Shortcut.tsx'
import { isCallBackDue } from '../queue/arrangeQueue.ts'
import { useDesk } from '../store/useDesk.ts'
import { ContactScriptPanel } from '../script/ContactScriptPanel.tsx'
import { AttemptList } from './AttemptList.tsx'
import { CallVictimDialog } from './CallVictimDialog.tsx'

export function ContactSection({ detail }: { detail: IncidentDetail }) {
  const [calling, setCalling] = useState(false)
  const nowMs = useDesk((s) => s.nowMs)
  const { callBackAt } = detail.row
  const due = isCallBackDue(detail.row, nowMs)

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // By key code, so Alt+C works whatever character the layout gives it.
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyC') return
      if (document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      setCalling(true)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <Box component="section" aria-labelledby="contact-heading" sx={{ display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography
          id="contact-heading"
          variant="subtitle1"
          component="h3"
          sx={{ fontWeight: 700 }}
        >
          Contact
        </Typography>
        <Button
          variant="contained"
          startIcon={<PhoneIcon aria-hidden />}
          aria-keyshortcuts="Alt+C"
          onClick={() => setCalling(true)}
        >
          Call victim
          <Shortcut keys="Alt+C" />
        </Button>
        {callBackAt && (
          <Typography
            sx={{
              display: 'inline-flex',
              alignItems: 'center',
              gap: 0.5,
              fontWeight: 700,
              color: due ? 'warning.main' : 'text.primary',
            }}
          >
            <AlarmIcon fontSize="small" aria-hidden />
            {due ? 'Call back due' : 'Call back'} {formatWhen(callBackAt, nowMs)}
          </Typography>
        )}
      </Box>
      <AttemptList attempts={detail.attempts} />
      <ContactScriptPanel detail={detail} />
      {calling && <CallVictimDialog detail={detail} onClose={() => setCalling(false)} />}
    </Box>
  )
}
