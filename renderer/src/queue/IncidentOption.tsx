// One incident in the queue: an option of the queue listbox, with nothing clickable inside it.
// Its accessible name is its own text, in an order that starts with the reference (the grade
// and progress are moved in front of it only visually, and so is the banner of an open
// escalation, shown above everything else). Memoised, so a change to one incident re-renders
// only its own row.
import { memo } from 'react'
import { Box, Typography } from '@mui/material'
import { keyframes } from '@mui/material/styles'
import PersonIcon from '@mui/icons-material/Person'
import type { QueueRow } from '#shared/domain.ts'
import { formatAge } from '#shared/time.ts'
import { repeatMark } from '#shared/repeats.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'
import { POLICE_STATUS_LABELS } from '../incident/fieldLabels.ts'
import { useDesk } from '../store/useDesk.ts'
import { FLASH_MS, type FlashKind } from '../store/queueSlice.ts'
import { EscalationBanner } from '../escalation/EscalationBanner.tsx'
import { RepeatMark } from '../repeats/RepeatMark.tsx'
import { ContactLine, hasContactLine } from './ContactLine.tsx'
import { FlagList } from './FlagList.tsx'
import { GradeChip } from './GradeChip.tsx'
import { HandoverMarks, hasHandoverMarks } from './HandoverMarks.tsx'
import { ProgressMark } from './ProgressMark.tsx'
import { RegradeMark } from './RegradeMark.tsx'
import { PERSONAL } from '../privacy/personal.ts'
import { FollowUpDueMark } from '../followUps/FollowUpDueMark.tsx'

const ROW_HEIGHT = 92
/** A row with calls or a call-back has a line for them; one with handover marks, a line for
 * those. */
const EXTRA_LINE_HEIGHT = 28
/** An incident with an open escalation has its banner on top. */
const BANNER_HEIGHT = 34

export function rowHeight(row: QueueRow): number {
  return (
    ROW_HEIGHT +
    (hasContactLine(row) ? EXTRA_LINE_HEIGHT : 0) +
    (hasHandoverMarks(row) ? EXTRA_LINE_HEIGHT : 0) +
    (row.openEscalation ? BANNER_HEIGHT : 0)
  )
}

export function optionId(id: number): string {
  return `incident-option-${id}`
}

const fade = keyframes`
  from { background-color: var(--flash-colour); }
  to { background-color: transparent; }
`

/** A pause between parts of the name, for screen readers. */
const pause = <ScreenReaderText>, </ScreenReaderText>

function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? ''
}

interface Props {
  row: QueueRow
  index: number
  total: number
  start: number
  active: boolean
  opened: boolean
  flash: FlashKind | undefined
  onPick: (id: number) => void
}

export const IncidentOption = memo(function IncidentOption({
  row,
  index,
  total,
  start,
  active,
  opened,
  flash,
  onPick,
}: Props) {
  const nowMs = useDesk((s) => s.nowMs)
  const age = formatAge(row.receivedAt, nowMs)
  const done = row.progress === 'done'
  const closed = row.status === 'closed'

  return (
    <Box
      role="option"
      id={optionId(row.id)}
      aria-selected={opened}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-active={active || undefined}
      onClick={() => onPick(row.id)}
      // Position goes in style, not sx: a class per position would add a CSS rule per row.
      style={{ transform: `translateY(${start}px)` }}
      sx={{
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        height: rowHeight(row),
        px: 1.5,
        py: 1,
        display: 'grid',
        rowGap: 0.5,
        alignContent: 'center',
        borderBottom: 1,
        borderColor: 'divider',
        borderLeft: 5,
        borderLeftColor: opened ? 'primary.main' : 'transparent',
        bgcolor: opened ? 'desk.opened' : 'transparent',
        cursor: 'pointer',
        '&:hover': { bgcolor: opened ? 'desk.opened' : 'action.hover' },
        ...(flash && {
          '--flash-colour': (theme) => theme.palette.desk.flash,
          animation: `${fade} ${FLASH_MS}ms ease-out`,
        }),
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
        <Typography
          component="span"
          sx={{
            order: 3,
            fontWeight: 700,
            fontVariantNumeric: 'tabular-nums',
            whiteSpace: 'nowrap',
          }}
        >
          {row.incidentRef}
        </Typography>
        {pause}
        <Box component="span" sx={{ order: 1, display: 'inline-flex' }}>
          <GradeChip grade={row.grade} />
        </Box>
        {pause}
        <Box component="span" sx={{ order: 2, display: 'inline-flex' }}>
          <ProgressMark progress={row.progress} />
        </Box>
        {row.lastRegrade && (
          <Box component="span" sx={{ order: 4 }}>
            {pause}
            <RegradeMark regrade={row.lastRegrade} />
          </Box>
        )}
        <FollowUpDueMark incidentId={row.id} />
        {flash && (
          <Box
            component="span"
            sx={{
              order: 5,
              fontSize: '0.75rem',
              fontWeight: 700,
              px: 0.75,
              borderRadius: 1,
              bgcolor: 'text.primary',
              color: 'background.paper',
              whiteSpace: 'nowrap',
            }}
          >
            {pause}
            {flash === 'arrived' ? 'Just in' : 'Updated'}
          </Box>
        )}
        <Box sx={{ order: 6, flexGrow: 1 }} />
        <Typography
          component="span"
          sx={{
            order: 7,
            flexShrink: 0,
            fontWeight: 700,
            whiteSpace: 'nowrap',
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {pause}
          {age}
          <ScreenReaderText>{age === 'just now' ? ' called' : ' since the call'}</ScreenReaderText>
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, minWidth: 0 }}>
        <Typography
          noWrap
          sx={{
            flex: 1,
            minWidth: 0,
            color: done ? 'text.secondary' : 'text.primary',
            fontSize: '0.9375rem',
          }}
        >
          {pause}
          {firstLine(row.summary)}
        </Typography>
        <Typography
          component="span"
          variant="body2"
          sx={{
            flexShrink: 0,
            whiteSpace: 'nowrap',
            color: closed ? 'text.primary' : 'text.secondary',
            fontWeight: closed ? 700 : 400,
          }}
        >
          {pause}
          {closed ? 'Closed' : `Police: ${POLICE_STATUS_LABELS[row.status]}`}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, minWidth: 0 }}>
        <Box
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            flexShrink: 0,
            maxWidth: '40%',
            fontSize: '0.875rem',
            color: row.victimName ? 'text.primary' : 'text.secondary',
          }}
        >
          <PersonIcon sx={{ fontSize: 16 }} aria-hidden />
          <Box
            component="span"
            sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            <ScreenReaderText>, victim </ScreenReaderText>
            {row.victimName === null ? (
              row.purgedAt ? (
                'Name removed'
              ) : (
                'Victim not named'
              )
            ) : (
              <span {...PERSONAL}>{row.victimName}</span>
            )}
          </Box>
        </Box>
        {row.repeats && repeatMark(row.repeats) && pause}
        <RepeatMark counts={row.repeats} />
        {row.flags.length > 0 && pause}
        <FlagList flags={row.flags} />
      </Box>
      {hasContactLine(row) && <ContactLine row={row} nowMs={nowMs} />}
      {hasHandoverMarks(row) && <HandoverMarks row={row} />}
      {row.openEscalation && <EscalationBanner mark={row.openEscalation} nowMs={nowMs} />}
    </Box>
  )
})
