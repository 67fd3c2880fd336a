// The centre pane: the incident opened from the queue, or a word on how to open one.
import { Box, CircularProgress, Divider, Typography } from '@mui/material'
import { useDesk } from '../store/useDesk.ts'
import { ContactSection } from '../contact/ContactSection.tsx'
import { EscalationPanel } from '../escalation/EscalationPanel.tsx'
import { PreviousIncidents } from '../repeats/PreviousIncidents.tsx'
import { ClaresLawPanel } from '../claresLaw/ClaresLawPanel.tsx'
import { RepeatHeadline } from '../repeats/RepeatHeadline.tsx'
import { FollowUpPanel } from '../followUps/FollowUpPanel.tsx'
import { SupportCarPanel } from '../supportCar/SupportCarPanel.tsx'
import { IncidentFacts } from './IncidentFacts.tsx'
import { IncidentHeader } from './IncidentHeader.tsx'
import { IncidentHistory } from './IncidentHistory.tsx'
import { PurgedNotice } from './PurgedNotice.tsx'

export function IncidentPane() {
  const selectedId = useDesk((s) => s.selectedId)
  const detail = useDesk((s) => s.detail)

  let content
  if (selectedId === null) {
    content = (
      <Box sx={{ height: '100%', display: 'grid', placeItems: 'center', p: 4 }}>
        <Typography color="text.secondary" sx={{ fontSize: '1.125rem', textAlign: 'center' }}>
          Select an incident from the queue (↑/↓ then Enter)
        </Typography>
      </Box>
    )
  } else if (!detail || detail.row.id !== selectedId) {
    content = (
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 3 }}>
        <CircularProgress size={20} aria-hidden />
        <Typography>Opening the incident…</Typography>
      </Box>
    )
  } else {
    content = (
      <Box sx={{ p: 3, display: 'grid', gap: 2.5 }}>
        <IncidentHeader detail={detail} />
        {detail.row.purgedAt && <PurgedNotice purgedAt={detail.row.purgedAt} />}
        <RepeatHeadline detail={detail} />
        <EscalationPanel detail={detail} />
        <FollowUpPanel detail={detail} />
        <ContactSection detail={detail} />
        <Divider />
        <PreviousIncidents detail={detail} />
        <Divider />
        <ClaresLawPanel detail={detail} />
        <Divider />
        <SupportCarPanel detail={detail} />
        <Divider />
        <IncidentFacts fields={detail.fields} purged={detail.row.purgedAt !== null} />
        <Divider />
        <IncidentHistory history={detail.history} />
      </Box>
    )
  }

  return (
    // Keyed by incident, so each one opens scrolled to its top.
    <Box
      key={selectedId ?? 'none'}
      component="section"
      aria-label="Incident"
      sx={{ overflow: 'auto', minHeight: 0 }}
    >
      {content}
    </Box>
  )
}
