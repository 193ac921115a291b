import { useCallback, useMemo, useState, type KeyboardEvent } from 'react'
import { itemAt, type TimelineRow } from './processor-timeline-layout'

/** Rows that PageUp and PageDown move by. */
const PAGE_ROWS = 10

/**
 * The timeline's WAI-ARIA treegrid keyboard model: one tab stop, arrow keys move between rows
 * (selection follows), PageUp/PageDown/Home/End jump, Right/Left expand, collapse or go to the
 * parent, Enter and Space select or toggle. Focus stays on the grid; the active row is what
 * `aria-activedescendant` names, so the virtualizer may unmount any other row.
 */
export function useTreegridKeyboard({
  rows,
  visible,
  collapsed,
  selectedKey,
  onToggle,
  onSelectRecord,
}: {
  rows: readonly TimelineRow[]
  /** Row indexes of the rows not hidden by a collapsed ancestor, in order. */
  visible: readonly number[]
  collapsed: ReadonlySet<string>
  /** Key of the selected processor's row. */
  selectedKey: string | null
  onToggle: (key: string) => void
  onSelectRecord: (recordIndex: number) => void
}): {
  /** Position of the active row among the visible rows; `null` when there are none. */
  activePosition: number | null
  activeKey: string | null
  /** Make a row (by row index) the active one, selecting its processor. */
  activate: (rowIndex: number) => void
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
} {
  const positionOfRow = useMemo(() => {
    const positions = new Map<number, number>()
    visible.forEach((rowIndex, position) => positions.set(rowIndex, position))
    return positions
  }, [visible])

  // The row keyboard focus is on. It follows the selection when the selection changes from
  // elsewhere (the diagram, the URL), and may rest on an iteration row, which selects nothing.
  const [active, setActive] = useState({ key: selectedKey, forSelection: selectedKey })
  if (active.forSelection !== selectedKey) {
    setActive({ key: selectedKey ?? active.key, forSelection: selectedKey })
  }
  const rowIndexByKey = useMemo(() => new Map(rows.map((row, index) => [row.key, index])), [rows])
  const activePosition = useMemo(() => {
    if (visible.length === 0) return null
    const index = active.key === null ? -1 : (rowIndexByKey.get(active.key) ?? -1)
    // A collapsed ancestor hides the active row: its nearest visible ancestor stands in.
    for (
      let row: number | null = index === -1 ? null : index;
      row !== null;
      row = itemAt(rows, row).parentRow
    ) {
      const position = positionOfRow.get(row)
      if (position !== undefined) return position
    }
    return 0
  }, [active.key, rows, rowIndexByKey, positionOfRow, visible.length])
  const activeRowIndex = activePosition === null ? null : itemAt(visible, activePosition)
  const activeKey = activeRowIndex === null ? null : itemAt(rows, activeRowIndex).key

  const activate = useCallback(
    (rowIndex: number) => {
      const row = itemAt(rows, rowIndex)
      setActive((current) => ({ ...current, key: row.key }))
      if (row.kind === 'processor') onSelectRecord(row.recordIndex)
    },
    [rows, onSelectRecord],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (activePosition === null || activeRowIndex === null) return
    const row = itemAt(rows, activeRowIndex)
    const last = visible.length - 1
    const moveTo = (position: number) =>
      activate(itemAt(visible, Math.max(0, Math.min(last, position))))
    const expanded = row.childCount > 0 && !collapsed.has(row.key)
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activePosition + 1)
        break
      case 'ArrowUp':
        moveTo(activePosition - 1)
        break
      case 'PageDown':
        moveTo(activePosition + PAGE_ROWS)
        break
      case 'PageUp':
        moveTo(activePosition - PAGE_ROWS)
        break
      case 'Home':
        moveTo(0)
        break
      case 'End':
        moveTo(last)
        break
      case 'ArrowRight':
        if (row.childCount > 0 && !expanded) onToggle(row.key)
        else if (expanded) moveTo(activePosition + 1)
        break
      case 'ArrowLeft':
        if (expanded) onToggle(row.key)
        else if (row.parentRow !== null) activate(row.parentRow)
        break
      case 'Enter':
      case ' ':
        if (row.kind === 'processor') onSelectRecord(row.recordIndex)
        else onToggle(row.key)
        break
      default:
        return
    }
    event.preventDefault()
  }

  return { activePosition, activeKey, activate, onKeyDown }
}
