// The live queue (left pane): search, progress and grade filters with counts, the filters for
// incidents with outstanding actions and for those with a follow-up call due, and the list.
// "/" jumps to search from anywhere outside a field; Esc in search clears it and goes back.
import { useDeferredValue, useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import {
  Box,
  InputAdornment,
  Tab,
  Tabs,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material'
import PendingActionsIcon from '@mui/icons-material/PendingActions'
import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback'
import SearchIcon from '@mui/icons-material/Search'
import { GRADES, type Grade } from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'
import { londonToday } from '../followUps/followUpDays.ts'
import {
  countByFilter,
  dueCallBackKey,
  filterAndSort,
  PROGRESS_FILTER_LABELS,
  PROGRESS_FILTERS,
  searchRows,
} from './arrangeQueue.ts'
import { gradeLabel } from './GradeChip.tsx'
import { QueueList } from './QueueList.tsx'
import { PERSONAL } from '../privacy/personal.ts'

const PANEL_ID = 'incident-queue-panel'
const EMPTY_ID = 'incident-queue-empty'

function tabId(filter: string): string {
  return `queue-filter-${filter}`
}

function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null
  )
}

export function QueuePane() {
  const rowsById = useDesk((s) => s.rowsById)
  const queueLoaded = useDesk((s) => s.queueLoaded)
  const progressFilter = useDesk((s) => s.progressFilter)
  const gradeFilter = useDesk((s) => s.gradeFilter)
  const searchText = useDesk((s) => s.searchText)
  const actionsOnly = useDesk((s) => s.actionsOnly)
  const followUpsOnly = useDesk((s) => s.followUpsOnly)
  const nowMs = useDesk((s) => s.nowMs)
  const setProgressFilter = useDesk((s) => s.setProgressFilter)
  const setGradeFilter = useDesk((s) => s.setGradeFilter)
  const setSearchText = useDesk((s) => s.setSearchText)
  const setActionsOnly = useDesk((s) => s.setActionsOnly)
  const setFollowUpsOnly = useDesk((s) => s.setFollowUpsOnly)
  const setActiveId = useDesk((s) => s.setActiveId)
  const searchRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)

  // Typing stays instant with 10,000 incidents: filtering follows a moment behind.
  const search = useDeferredValue(searchText)
  const allRows = useMemo(() => [...rowsById.values()], [rowsById])
  const followUpDueKey = useDesk((s) => {
    const today = londonToday(s.nowMs)
    return s.followUps
      .filter((f) => f.dueOn <= today)
      .map((f) => f.incidentId)
      .join(',')
  })
  const followUpDue = useMemo(
    () => new Set(followUpDueKey ? followUpDueKey.split(',').map(Number) : []),
    [followUpDueKey],
  )
  const searched = useMemo(
    () => searchRows(allRows, search, gradeFilter, false, followUpDue),
    [allRows, search, gradeFilter, followUpDue],
  )
  const withActions = useMemo(
    () => searched.filter((row) => row.outstandingActions > 0),
    [searched],
  )
  const withFollowUpDue = useMemo(
    () => searched.filter((row) => followUpDue.has(row.id)),
    [searched, followUpDue],
  )
  const matching = useMemo(
    () =>
      searched.filter(
        (row) =>
          (!actionsOnly || row.outstandingActions > 0) &&
          (!followUpsOnly || followUpDue.has(row.id)),
      ),
    [searched, actionsOnly, followUpsOnly, followUpDue],
  )
  const counts = useMemo(() => countByFilter(matching), [matching])
  const dueKey = useMemo(() => dueCallBackKey(matching, nowMs), [matching, nowMs])
  const dueIds = useMemo(() => new Set(dueKey ? dueKey.split(',').map(Number) : []), [dueKey])
  const rows = useMemo(
    () => filterAndSort(matching, progressFilter, dueIds),
    [matching, progressFilter, dueIds],
  )
  const searching = search.trim() !== ''

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTypingIn(event.target)) return
      event.preventDefault()
      searchRef.current?.focus()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      setSearchText('')
      listRef.current?.focus()
    } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
      // Into the results, on the first one: Enter again opens it.
      event.preventDefault()
      const first = rows[0]
      if (first) setActiveId(first.id)
      listRef.current?.focus()
    }
  }

  let emptyMessage: string | null = null
  if (!queueLoaded) emptyMessage = 'Loading the queue…'
  else if (rows.length === 0) {
    emptyMessage =
      allRows.length === 0 ||
      (!searching &&
        !actionsOnly &&
        !followUpsOnly &&
        gradeFilter === 'all' &&
        progressFilter === 'open')
        ? 'Queue is clear: no open incidents.'
        : actionsOnly && withActions.length === 0
          ? 'No incidents with outstanding actions.'
          : followUpsOnly && withFollowUpDue.length === 0
            ? 'No incidents with a follow-up call due.'
            : 'No incidents match.'
  }

  return (
    <Box
      component="section"
      aria-labelledby="queue-heading"
      sx={{
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        borderRight: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      <Box sx={{ px: 2, pt: 1.5, pb: 1, display: 'grid', gap: 1 }}>
        <Typography id="queue-heading" variant="h6" component="h2">
          Live queue
        </Typography>
        <TextField
          inputRef={searchRef}
          type="search"
          label="Search incidents"
          size="small"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onKeyDown={onSearchKeyDown}
          placeholder="Reference, name, phone, postcode, address or words"
          helperText={
            searching
              ? 'Includes closed incidents. Esc clears the search.'
              : 'Press / to search. ↑/↓ then Enter opens an incident.'
          }
          slotProps={{
            // A name or number typed to find someone is blanked with the rest in privacy mode.
            htmlInput: PERSONAL,
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon aria-hidden />
                </InputAdornment>
              ),
            },
          }}
        />
        <ToggleButtonGroup
          size="small"
          exclusive
          value={gradeFilter}
          onChange={(_event, value: Grade | 'all' | null) => {
            if (value !== null) setGradeFilter(value)
          }}
          aria-label="Filter by grade"
        >
          <ToggleButton value="all">All grades</ToggleButton>
          {GRADES.map((grade) => (
            <ToggleButton key={grade} value={grade}>
              {gradeLabel(grade)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          <ToggleButton
            size="small"
            value="actions"
            selected={actionsOnly}
            onChange={() => setActionsOnly(!actionsOnly)}
            sx={{ gap: 0.75 }}
          >
            <PendingActionsIcon fontSize="small" aria-hidden />
            Only outstanding actions ({withActions.length.toLocaleString('en-GB')})
          </ToggleButton>
          <ToggleButton
            size="small"
            value="follow-ups"
            selected={followUpsOnly}
            onChange={() => setFollowUpsOnly(!followUpsOnly)}
            sx={{ gap: 0.75 }}
          >
            <PhoneCallbackIcon fontSize="small" aria-hidden />
            Only follow-ups due ({withFollowUpDue.length.toLocaleString('en-GB')})
          </ToggleButton>
        </Box>
      </Box>
      <Tabs
        value={progressFilter}
        onChange={(_event, value: typeof progressFilter) => setProgressFilter(value)}
        aria-label="Filter by your progress"
        variant="fullWidth"
        sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}
      >
        {PROGRESS_FILTERS.map((filter) => (
          <Tab
            key={filter}
            value={filter}
            id={tabId(filter)}
            aria-controls={PANEL_ID}
            label={
              <span>
                {PROGRESS_FILTER_LABELS[filter]}{' '}
                <Box component="span" sx={{ fontWeight: 400 }}>
                  ({counts[filter].toLocaleString('en-GB')})
                </Box>
              </span>
            }
            sx={{ minHeight: 40, py: 0.5, px: 1, whiteSpace: 'nowrap', minWidth: 0 }}
          />
        ))}
      </Tabs>
      <Box
        id={PANEL_ID}
        role="tabpanel"
        aria-labelledby={tabId(progressFilter)}
        sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      >
        {emptyMessage && (
          <Typography id={EMPTY_ID} role="status" sx={{ p: 3, color: 'text.secondary' }}>
            {emptyMessage}
          </Typography>
        )}
        <QueueList
          rows={rows}
          listRef={listRef}
          describedBy={emptyMessage ? EMPTY_ID : undefined}
        />
      </Box>
    </Box>
  )
}
