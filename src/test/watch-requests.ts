import { onTestFinished } from 'vitest'
import { server } from '@/mocks/node'

/** Calls `record` for every request that reaches the mock until the current test finishes. */
function onEveryRequest(record: (request: Request) => void): void {
  const listener = ({ request }: { request: Request }) => record(request)
  server.events.on('request:start', listener)
  onTestFinished(() => void server.events.removeListener('request:start', listener))
}

/** Every request the current test sends to the mock, in order (headers included). */
export function recordRequests(): Request[] {
  const seen: Request[] = []
  onEveryRequest((request) => seen.push(request))
  return seen
}

/** Every URL the current test asks the mock for, to check what was (and was not) sent. */
export function watchRequests(): URL[] {
  const seen: URL[] = []
  onEveryRequest((request) => seen.push(new URL(request.url)))
  return seen
}
