import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react'

/**
 * Charts that have new work at the same moment (one answer feeds seven of them; a refresh
 * gives them all new data) take turns, one per task: drawing a chart is milliseconds of
 * synchronous work (reducing its series, building its paths), and seven or forty in one
 * commit is a long task that freezes the page. The first
 * in line goes at once; each next one in a new task after the one before has committed, so
 * the browser can paint and handle input in between.
 */
const waiting: Array<() => void> = []
let turnTaken = false

function advance(): void {
  const next = waiting.shift()
  if (next) next()
  else turnTaken = false
}

/** The next chart goes in a later task (a macrotask: after this commit, and a chance to paint). */
function release(): void {
  setTimeout(advance, 0)
}

/**
 * The latest `value` the caller has had a turn for: `undefined` until its first turn, then
 * the value as it was at its last turn. When `value` changes (new data, a new width) the
 * caller keeps drawing the one it has until its next turn. Only while it `wants` to draw
 * does it queue; leaving the line (scrolled away, unmounted) passes the turn on.
 */
export function useValueInTurn<T>(value: T, wants: boolean): T | undefined {
  const [current, setCurrent] = useState<{ value: T } | null>(null)
  const latest = useRef(value)
  /** Holds the turn: granted, and what it drew not committed yet. */
  const holding = useRef(false)
  const behind = wants && (current === null || current.value !== value)

  useLayoutEffect(() => {
    latest.current = value
  })

  useEffect(() => {
    if (!behind) return
    let active = true
    // Takes whatever the value is by then: changes while waiting keep the place in line.
    const take = () => {
      if (!active) return advance()
      holding.current = true
      // A transition: React renders the chart in slices, yielding to the browser in between,
      // so even one chart's drawing is not one long task.
      startTransition(() => setCurrent({ value: latest.current }))
    }
    if (turnTaken) {
      waiting.push(take)
    } else {
      turnTaken = true
      take()
    }
    return () => {
      active = false
      const index = waiting.indexOf(take)
      if (index >= 0) waiting.splice(index, 1)
    }
  }, [behind, current])

  // Runs after the commit that drew the granted value: the turn is over. Unmounted while
  // holding it (before that commit): pass it on all the same.
  useEffect(() => {
    if (holding.current) {
      holding.current = false
      release()
    }
  }, [current])
  useEffect(
    () => () => {
      if (holding.current) {
        holding.current = false
        release()
      }
    },
    [],
  )

  return current?.value
}
