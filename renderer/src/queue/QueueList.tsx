// The virtualised queue listbox. Keyboard: ↑/↓, Home/End, Page Up/Down move the highlighted
// row (announced through aria-activedescendant), Enter opens it in the centre pane.
import {
  useCallback,
  useEffect,
  useEffectEvent,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react'
import { Box } from '@mui/material'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { QueueRow } from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'
import { IncidentOption, optionId, rowHeight } from './IncidentOption.tsx'

const PAGE_ROWS = 8

interface Props {
  rows: readonly QueueRow[]
  listRef: RefObject<HTMLDivElement | null>
  describedBy?: string
}

export function QueueList({ rows, listRef, describedBy }: Props) {
  const activeId = useDesk((s) => s.activeId)
  const selectedId = useDesk((s) => s.selectedId)
  const flashes = useDesk((s) => s.flashes)
  const setActiveId = useDesk((s) => s.setActiveId)
  const openIncident = useDesk((s) => s.openIncident)

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is made for this
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: (index) => {
      const row = rows[index]
      return row ? rowHeight(row) : 0
    },
    overscan: 6,
    getItemKey: (index) => rows[index]?.id ?? index,
  })

  const activeIndex = activeId === null ? -1 : rows.findIndex((row) => row.id === activeId)

  const activeProgress = activeIndex >= 0 ? rows[activeIndex]?.progress : undefined

  // Keep the highlighted incident in sight when the keyboard moves it, and when opening it moves
  // it down the list (new → reviewing). Incidents arriving above it do not pull the list back
  // while the worker is scrolling elsewhere.
  const reveal = useEffectEvent(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  })
  useEffect(() => reveal(), [activeId, activeProgress])

  function moveTo(index: number) {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))]
    if (row) setActiveId(row.id)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const from = activeIndex
    switch (event.key) {
      case 'ArrowDown':
        moveTo(from < 0 ? 0 : from + 1)
        break
      case 'ArrowUp':
        moveTo(from < 0 ? 0 : from - 1)
        break
      case 'Home':
        moveTo(0)
        break
      case 'End':
        moveTo(rows.length - 1)
        break
      case 'PageDown':
        moveTo(from + PAGE_ROWS)
        break
      case 'PageUp':
        moveTo(from - PAGE_ROWS)
        break
      case 'Enter':
      case ' ':
        if (activeId !== null && activeIndex >= 0) void openIncident(activeId)
        break
      default:
        return
    }
    event.preventDefault()
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    // Coming back by keyboard, carry on from the open incident; with none, ↓ starts at the top.
    // (A click picks its own row, so a mouse focus must not move the list under the pointer.)
    if (activeIndex >= 0 || !event.currentTarget.matches(':focus-visible')) return
    const selectedIndex = rows.findIndex((row) => row.id === selectedId)
    if (selectedIndex >= 0) moveTo(selectedIndex)
  }

  const onPick = useCallback(
    (id: number) => {
      setActiveId(id)
      void openIncident(id)
    },
    [setActiveId, openIncident],
  )

  return (
    <Box
      ref={listRef}
      role="listbox"
      aria-label="Incident queue"
      aria-describedby={describedBy}
      aria-activedescendant={activeIndex >= 0 && activeId !== null ? optionId(activeId) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      sx={(theme) => ({
        flex: 1,
        minHeight: 0,
        overflow: 'auto',
        position: 'relative',
        '&:focus-visible': { outlineOffset: '-3px' },
        '&:focus [data-active]': {
          outline: `3px solid ${theme.palette.desk.focus}`,
          outlineOffset: '-3px',
        },
      })}
    >
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]
          if (!row) return null
          return (
            <IncidentOption
              key={row.id}
              row={row}
              index={item.index}
              total={rows.length}
              start={item.start}
              active={row.id === activeId}
              opened={row.id === selectedId}
              flash={flashes.get(row.id)}
              onPick={onPick}
            />
          )
        })}
      </Box>
    </Box>
  )
}
