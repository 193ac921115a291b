/**
 * In the browser the mock answers on the page's main thread (MSW calls its handlers there), so
 * a handler that scans for a minute of data in one go freezes the UI it serves: scrolling,
 * typing and painting wait for it, and every long-task figure measured on the mock counts the
 * mock's work as the view's. Long scans therefore work in slices and hand the thread back in
 * between (`scheduler.yield()` where the browser has it, a macrotask elsewhere), like a real
 * server that answers from another machine. The answer is the same: each request captures its
 * clock before it starts.
 */
const SLICE_MS = 8
/**
 * Loop steps between clock reads. A step may render a line (a text search does) of a 20 KB
 * JSON payload, some tenths of a millisecond: 16 of them stay well inside a slice, while a
 * clock read per cheap step (a level check) would cost as much as the step.
 */
const STEPS_PER_CHECK = 16

type SchedulerWithYield = { yield?: () => Promise<void> }

function handBack(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * A pacer for one scan: call `step()` once per unit of work; when it returns true, `await
 * pause()` before going on.
 *
 *   const pacer = mainThreadPacer()
 *   for (...) { if (pacer.step()) await pacer.pause(); ... }
 */
export function mainThreadPacer() {
  let sliceStart = performance.now()
  let steps = 0
  return {
    step(): boolean {
      if (++steps % STEPS_PER_CHECK !== 0) return false
      return performance.now() - sliceStart >= SLICE_MS
    },
    async pause(): Promise<void> {
      await handBack()
      sliceStart = performance.now()
    },
  }
}
