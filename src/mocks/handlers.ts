import type { RequestHandler } from 'msw'
import { adminHandlers } from './admin/admin-handlers'
import { agentHandlers } from './agents/agent-handlers'
import { auditHandlers } from './audit/audit-handlers'
import { authHandlers } from './auth/auth-handlers'
import { commandHandlers } from './commands/command-handlers'
import { configHandlers } from './config/config-handlers'
import { environmentHandlers } from './environments/environment-handlers'
import { alertHandlers } from './alerts/alert-handlers'
import { executionHandlers } from './executions/execution-handlers'
import { logHandlers } from './logs/log-handlers'
import { metricHandlers } from './metrics/metric-handlers'
import { createMockGateway } from './mock-gateway'
import { overviewHandlers } from './overview/overview-handlers'
import { usageHandlers } from './usage/usage-handlers'

/**
 * Every endpoint the mock serves, one list per domain (`<domain>/<item>-handlers.ts`). A new
 * domain adds its list here, and nowhere else, and gets latency, fault injection and the 404
 * for unknown paths for free (see README.md, "Adding a domain").
 */
export const endpoints: RequestHandler[] = [
  ...authHandlers,
  ...environmentHandlers,
  ...agentHandlers,
  ...executionHandlers,
  ...alertHandlers,
  ...configHandlers,
  ...usageHandlers,
  ...logHandlers,
  ...metricHandlers,
  ...overviewHandlers,
  ...adminHandlers,
  ...auditHandlers,
  ...commandHandlers,
]

/**
 * What MSW is given (browser and Node alike): one gateway in front of `endpoints`. Tests can
 * still override a single endpoint with `server.use(http.get('*\/api/v1/…', …))`, which runs
 * before the gateway (and without its latency or faults).
 */
export const handlers: RequestHandler[] = [createMockGateway(endpoints)]
