import type { RequestHandler } from 'msw'
import { beforeEach } from 'vitest'
import { server } from '@/mocks/node'

/**
 * Before every test of the file that calls this, serve these mock handlers directly, in front
 * of the gateway (harmless when the gateway has them too): a test is then not subject to the
 * mock's latency or fault settings unless it sets them for the gateway on purpose.
 * `serveInEveryTest(executionHandlers)`.
 */
export function serveInEveryTest(handlers: readonly RequestHandler[]) {
  beforeEach(() => {
    server.use(...handlers)
  })
}
