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

type Scheduler = {
  yield?: () => Promise<void>
  postTask?: (callback: () => void, options: { priority: 'background' }) => Promise<void>
}

function handBack(background: boolean): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler
  if (background && typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => undefined, { priority: 'background' })
  }
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * A pacer for one scan: call `step()` once per unit of work; when it returns true, `await
 * pause()` before going on.
 *
 *   const pacer = mainThreadPacer()
 *   for (...) { if (pacer.step()) await pacer.pause(); ... }
 *
 * `stepsPerCheck`: 1 where a step is itself milliseconds of work (a usage bucket).
 * `background`: the rest of the scan waits behind everything else the page has to do, not
 * only input and paint. That includes handing a finished response to the service worker (its
 * body is a stream the page's thread feeds): with `scheduler.yield()` the continuation goes
 * first, and a response finished while other requests were still being sliced reached the
 * page only once they were all done.
 */
export function mainThreadPacer({
  stepsPerCheck = STEPS_PER_CHECK,
  background = false,
}: { stepsPerCheck?: number; background?: boolean } = {}) {
  let sliceStart = performance.now()
  let steps = 0
  return {
    step(): boolean {
      if (++steps % stepsPerCheck !== 0) return false
      return performance.now() - sliceStart >= SLICE_MS
    },
    async pause(): Promise<void> {
      await handBack(background)
      sliceStart = performance.now()
    },
  }
}

export type MainThreadPacer = ReturnType<typeof mainThreadPacer>

let lastTurn: Promise<unknown> = Promise.resolve()

/**
 * Runs `work` once every earlier call's work has settled: first come, first served. Sliced
 * scans started together would otherwise interleave and all finish at about the same time; in
 * turn, the first request asked (the page's own environment, typically) is answered first, as
 * a server working on requests side by side would.
 */
export function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const result = lastTurn.then(work)
  lastTurn = result.catch(() => undefined)
  return result
}
