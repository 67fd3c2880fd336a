// The support car on the incident: "Task support car" (when it is not on the car's list already),
// and each tasking with its reason, priority and how it ended, and every visit on it (when, who
// attended, what happened, referrals and notes), with "Record visit" and "Stand down" while open.
import { useState } from 'react'
import { Box, Button, Typography } from '@mui/material'
import type { IncidentDetail } from '#shared/domain.ts'
import type { SupportCarTasking } from '#shared/supportCar.ts'
import { formatDateTime } from '#shared/time.ts'
import { PERSONAL } from '../privacy/personal.ts'
import { RecordVisitDialog } from './RecordVisitDialog.tsx'
import { StandDownDialog } from './StandDownDialog.tsx'
import { PriorityChip } from './SupportCarDialog.tsx'
import { TaskCarDialog } from './TaskCarDialog.tsx'
import { attendedBy, visitOutcomes } from './supportCarWords.ts'

function stateText(t: SupportCarTasking): string {
  if (t.state === 'open') return 'On the car’s list'
  if (t.state === 'completed') return `Completed ${formatDateTime(t.closedAt!)}`
  return `Stood down ${formatDateTime(t.closedAt!)} by ${t.closedBy}`
}

function Tasking({
  tasking: t,
  onVisit,
  onStandDown,
}: {
  tasking: SupportCarTasking
  onVisit: () => void
  onStandDown: () => void
}) {
  return (
    <Box
      component="li"
      sx={{ display: 'grid', gap: 0.5, py: 1, borderTop: 1, borderColor: 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <PriorityChip priority={t.priority} />
        <Typography sx={{ fontWeight: 700 }}>{stateText(t)}</Typography>
        <Typography color="text.secondary">
          tasked {formatDateTime(t.taskedAt)} by {t.taskedBy}
        </Typography>
      </Box>
      <Typography {...PERSONAL}>Reason: {t.reason}</Typography>
      {t.standDownReason && (
        <Typography {...PERSONAL}>Stood down because: {t.standDownReason}</Typography>
      )}
      {t.visits.length > 0 && (
        <Box component="ol" sx={{ m: 0, pl: 3 }}>
          {t.visits.map((v) => (
            <Typography component="li" key={v.id} data-testid="support-car-visit">
              Visit {formatDateTime(v.visitedAt)} by {attendedBy(v)}: {visitOutcomes(v)}
              {v.notes && (
                <Box component="span" {...PERSONAL}>
                  {' '}
                  — “{v.notes}”
                </Box>
              )}
              <Typography component="span" variant="body2" color="text.secondary">
                {' '}
                (recorded by {v.recordedBy}, {formatDateTime(v.recordedAt)})
              </Typography>
            </Typography>
          ))}
        </Box>
      )}
      {t.state === 'open' && (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button size="small" variant="contained" onClick={onVisit}>
            Record visit
          </Button>
          <Button size="small" variant="outlined" onClick={onStandDown}>
            Stand down
          </Button>
        </Box>
      )}
    </Box>
  )
}

export function SupportCarPanel({ detail }: { detail: IncidentDetail }) {
  const [form, setForm] = useState<
    { kind: 'task' } | { kind: 'visit' | 'stand-down'; taskingId: number } | null
  >(null)
  const taskings = detail.supportCar
  const onList = taskings.some((t) => t.state === 'open')
  const ref = detail.row.incidentRef
  return (
    <Box component="section" aria-labelledby="support-car-panel-title">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 0.5 }}>
        <Typography
          id="support-car-panel-title"
          variant="subtitle1"
          component="h3"
          sx={{ fontWeight: 700 }}
        >
          Support car
        </Typography>
        {!onList && (
          <Button size="small" variant="outlined" onClick={() => setForm({ kind: 'task' })}>
            Task support car
          </Button>
        )}
      </Box>
      {taskings.length === 0 ? (
        <Typography color="text.secondary">The support car has not been tasked to this.</Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {taskings.map((t) => (
            <Tasking
              key={t.id}
              tasking={t}
              onVisit={() => setForm({ kind: 'visit', taskingId: t.id })}
              onStandDown={() => setForm({ kind: 'stand-down', taskingId: t.id })}
            />
          ))}
        </Box>
      )}
      {form?.kind === 'task' && (
        <TaskCarDialog incidentId={detail.row.id} incidentRef={ref} onClose={() => setForm(null)} />
      )}
      {form?.kind === 'visit' && (
        <RecordVisitDialog
          taskingId={form.taskingId}
          incidentRef={ref}
          onClose={() => setForm(null)}
        />
      )}
      {form?.kind === 'stand-down' && (
        <StandDownDialog
          taskingId={form.taskingId}
          incidentRef={ref}
          onClose={() => setForm(null)}
        />
      )}
    </Box>
  )
}
