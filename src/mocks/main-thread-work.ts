/**
 * Long computations of the mock in the browser, where its handlers run on the page's main
 * thread: they work in slices with `yieldToPage()` between them, so input, paint and finished
 * responses are not held up behind one long task, and they take turns (`inTurn`), so each
 * answer comes once its own work is done rather than when everything asked alongside it is.
 */

/**
 * Lets the page run first: the rest of the work waits behind everything else the page has to
 * do. That includes handing finished responses to the service worker, whose bodies are streams
 * the page's thread feeds: with an ordinary task they waited until every slice of every other
 * request was done. A background task where the browser has them, else a message to itself
 * (a task at the back of the queue, without the clamping nested timers get).
 */
export async function yieldToPage(): Promise<void> {
  if (typeof scheduler !== 'undefined' && typeof scheduler.postTask === 'function') {
    await scheduler.postTask(() => undefined, { priority: 'background' })
    return
  }
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

let lastTurn: Promise<unknown> = Promise.resolve()

/**
 * Runs `work` once every earlier call's work has settled: first come, first served. Sliced
 * computations would otherwise interleave and all finish at about the same time; in turn, the
 * first request asked (the page's own environment, typically) is answered first, as a server
 * working on requests side by side would.
 */
export function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const result = lastTurn.then(work)
  lastTurn = result.catch(() => undefined)
  return result
}
