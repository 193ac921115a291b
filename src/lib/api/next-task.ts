/**
 * Resolves in a new task: `scheduler.yield()` where the browser has it, else a message to a
 * MessageChannel (a task, like setTimeout(0) without its clamping; fake clocks leave it alone).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
