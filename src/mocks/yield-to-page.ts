/**
 * Lets the page run for a moment. In the browser the mock's handlers run on the page's main
 * thread: a handler with a lot to compute pauses between slices of it, so input, paint and
 * other handlers' responses are not held up behind one long task. `scheduler.yield()` where
 * the browser has it (the handler continues ahead of other queued work), else a macrotask
 * (Node, older browsers).
 */
export function yieldToPage(): Promise<void> {
  if (typeof scheduler !== 'undefined' && typeof scheduler.yield === 'function') {
    return scheduler.yield()
  }
  return new Promise((resolve) => setTimeout(resolve, 0))
}
