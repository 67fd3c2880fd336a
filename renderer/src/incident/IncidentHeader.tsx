// The top of the open incident: reference, grade, police status and the red Escalate button
// (Alt+E), the app's escalation suggestion when it has one, when the call came in and how long
// ago, its handover marks and outstanding actions, the worker's progress, and the C&C log update
// for the police incident log.
import { useEffect, useRef, useState } from 'react'
import { Box, Typography } from '@mui/material'
import type { IncidentDetail } from '#shared/domain.ts'
import type { EscalationAdvice } from '#shared/escalation.ts'
import { formatAge, formatDateTime, formatTime } from '#shared/time.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'
import { DismissSuggestionDialog } from '../escalation/DismissSuggestionDialog.tsx'
import { EscalateButton } from '../escalation/EscalateButton.tsx'
import { EscalateDialog } from '../escalation/EscalateDialog.tsx'
import { SuggestionLine } from '../escalation/SuggestionLine.tsx'
import { useEscalationAdvice } from '../escalation/useEscalationAdvice.ts'
import { useDesk } from '../store/useDesk.ts'
import { CcLogUpdateButton } from '../handover/CcLogUpdateButton.tsx'
import { GradeChip } from '../queue/GradeChip.tsx'
import { HandoverMarks, hasHandoverMarks } from '../queue/HandoverMarks.tsx'
import { RegradeMark } from '../queue/RegradeMark.tsx'
import { POLICE_STATUS_LABELS } from './fieldLabels.ts'
import { ProgressControl } from './ProgressControl.tsx'

/**
 * Which escalation form is open, with the suggestion as it was when the worker opened it (a
 * reload meanwhile does not change the form under them): the Escalate button or Alt+E (filled in
 * from a suggestion if there is one), "Escalate from suggestion" (filled in, the button focused),
 * or dismissing the suggestion.
 */
type Form =
  | { kind: 'escalate'; advice: EscalationAdvice | null }
  | { kind: 'from-suggestion' | 'dismiss'; advice: EscalationAdvice }
  | null

export function IncidentHeader({ detail }: { detail: IncidentDetail }) {
  const { row } = detail
  const nowMs = useDesk((s) => s.nowMs)
  const advice = useEscalationAdvice(detail)
  const [form, setForm] = useState<Form>(null)
  const age = formatAge(row.receivedAt, nowMs)

  const latestAdvice = useRef(advice)
  useEffect(() => {
    latestAdvice.current = advice
  })

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // By key code, so Alt+E works whatever character the layout gives it; Ctrl+Alt is AltGr
      // (é on some keyboards), which is typing.
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyE') return
      if (document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      setForm({ kind: 'escalate', advice: latestAdvice.current })
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <Box
      component="header"
      sx={{ display: 'grid', gap: 1.25, pb: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ fontWeight: 700 }}>
          {row.incidentRef}
        </Typography>
        <GradeChip grade={row.grade} size="medium" />
        {row.lastRegrade && (
          <Typography component="span">
            <RegradeMark regrade={row.lastRegrade} long />{' '}
            <Typography component="span" variant="body2" color="text.secondary">
              at {formatTime(row.lastRegrade.at)}
            </Typography>
          </Typography>
        )}
        <Typography sx={{ fontWeight: row.status === 'closed' ? 700 : 400 }}>
          Police status: {POLICE_STATUS_LABELS[row.status]}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <EscalateButton
          suggested={advice !== null}
          onClick={() => setForm({ kind: 'escalate', advice })}
        />
      </Box>
      <Box role="status">
        {advice && <ScreenReaderText>Escalation suggested: {advice.summary}.</ScreenReaderText>}
      </Box>
      {advice && (
        <SuggestionLine
          advice={advice}
          onEscalate={() => setForm({ kind: 'from-suggestion', advice })}
          onDismiss={() => setForm({ kind: 'dismiss', advice })}
        />
      )}
      <Typography>
        Received {formatDateTime(row.receivedAt)}{' '}
        <Typography component="span" sx={{ fontWeight: 700 }}>
          ({age === 'just now' ? age : `${age} ago`})
        </Typography>
        {row.origin === 'manual' && (
          <Typography component="span" color="text.secondary">
            {' '}
            · typed in by hand
          </Typography>
        )}
      </Typography>
      {hasHandoverMarks(row) && <HandoverMarks row={row} size="medium" />}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <ProgressControl id={row.id} progress={row.progress} />
        <CcLogUpdateButton incidentId={row.id} incidentRef={row.incidentRef} />
      </Box>
      {form && form.kind !== 'dismiss' && (
        <EscalateDialog
          detail={detail}
          advice={form.advice}
          focusRaise={form.kind === 'from-suggestion'}
          onClose={() => setForm(null)}
        />
      )}
      {form?.kind === 'dismiss' && (
        <DismissSuggestionDialog
          incidentId={row.id}
          advice={form.advice}
          onClose={() => setForm(null)}
        />
      )}
    </Box>
  )
}
