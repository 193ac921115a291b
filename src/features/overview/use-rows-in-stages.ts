import { startTransition, useEffect, useState } from 'react'

/** The rows drawn first while a table first fills: about a window's worth. */
export const FIRST_ROWS = 20

/**
 * How many of a table's `total` rows to draw: the first FIRST_ROWS, then (in a transition,
 * started as soon as they are committed) all of them, and all of them from then on as the
 * total changes. The browser's style, layout and paint of sixty new rows at once was one long
 * task (over 50 ms on a busy two-core machine); the rows in the window show in a frame of their
 * own, and the rest follow in the next.
 */
export function useRowsInStages(total: number): number {
  const [all, setAll] = useState(total <= FIRST_ROWS)
  useEffect(() => {
    if (!all) startTransition(() => setAll(true))
  }, [all])
  return all ? total : Math.min(total, FIRST_ROWS)
}
