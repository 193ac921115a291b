import { useEffect, useRef, useState } from 'react'

/**
 * Charts that become ready together (one answer feeds seven of them) take turns to mount,
 * one per task: mounting a recharts chart is tens of milliseconds of synchronous work (its
 * store, its axes, a re-render), and several in one commit is a long task that freezes the
 * page. The first chart in line mounts at once; each next one starts in a new task after the
 * one before has committed, so the browser can paint and handle input in between.
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
 * Whether the caller may mount its heavy part, once it `wants` to. Once granted it stays so;
 * a caller that stops wanting (scrolled away before its turn, unmounted) leaves the line.
 */
export function useRenderTurn(wants: boolean): boolean {
  const [granted, setGranted] = useState(false)
  /** Holds the turn: granted, and its chart not committed yet. */
  const holding = useRef(false)

  useEffect(() => {
    if (!wants || granted) return
    let active = true
    const take = () => {
      // Left the line between being queued and being called: pass the turn on.
      if (!active) return advance()
      holding.current = true
      setGranted(true)
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
  }, [wants, granted])

  // Runs after the commit that mounted the caller's chart: its turn is over. Unmounted while
  // holding it (before that commit): pass it on all the same.
  useEffect(() => {
    if (granted && holding.current) {
      holding.current = false
      release()
    }
  }, [granted])
  useEffect(
    () => () => {
      if (holding.current) {
        holding.current = false
        release()
      }
    },
    [],
  )

  return granted
}
