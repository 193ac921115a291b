import type { LogEntry } from '@/lib/api/types'
import { toIso } from '../clock'
import { findAnyExecution } from '../executions/execution-replays'
import { findReplay } from '../tenant-state/replays'
import { levelRank } from './log-kinds'
import type { LogFilters } from './log-data'

/**
 * The log lines of a replay (an execution POST /commands produced), found by its executionId as
 * a generated execution's lines are: what the agent logged replaying it, then its outcome. Few
 * lines, so a page holds them all. `null` when the id is not a replay of this environment.
 */
export function replayLogLines(
  tenantId: string,
  environment: string,
  filters: LogFilters,
  now: number,
): LogEntry[] | null {
  const id = filters.executionId
  if (!id) return null
  const replay = findReplay(tenantId, environment, id, now)
  const execution = replay ? findAnyExecution(tenantId, environment, id, now) : undefined
  if (!replay || !execution) return null
  const start = replay.startTime
  const changes = [replay.inputBody !== null && 'body', replay.headers !== null && 'headers']
    .filter(Boolean)
    .join(' and ')
  const lines: Array<Pick<LogEntry, 'level' | 'logger' | 'message'> & { at: number }> = [
    {
      at: start,
      level: 'INFO',
      logger: 'io.cameleer.agent.ReplayHandler',
      message: `Replaying execution ${replay.originalId} on route ${execution.routeId} (command ${replay.commandId}, ${changes ? `changed ${changes}` : 'as captured'})`,
    },
    {
      at: start + 1,
      level: 'INFO',
      logger: execution.routeId,
      message: `Processing ${execution.routeId} for exchange ${execution.exchangeId}`,
    },
  ]
  if (execution.endTime !== null) {
    const end = Date.parse(execution.endTime)
    lines.push(
      execution.status === 'FAILED'
        ? {
            at: end,
            level: 'ERROR',
            logger: 'org.apache.camel.processor.errorhandler.DefaultErrorHandler',
            message: `Failed delivery for (ExchangeId: ${execution.exchangeId}). Exhausted after delivery attempt: 1 caught: ${execution.errorMessage ?? 'error'}`,
          }
        : {
            at: end,
            level: 'INFO',
            logger: 'io.cameleer.agent.ExchangeTracer',
            message: `Exchange ${execution.exchangeId} of route ${execution.routeId} completed in ${execution.durationMs ?? 0} ms`,
          },
    )
  }
  const terms = filters.q?.trim().toLowerCase()
  return lines
    .map((line, index): LogEntry => ({
      id: `${id}-log-${index + 1}`,
      tenantId,
      environment,
      timestamp: toIso(line.at),
      level: line.level,
      logger: line.logger,
      thread: `Camel (camel-1) thread #${(index % 4) + 1} - replay`,
      message: line.message,
      agentId: execution.agentId,
      applicationId: execution.applicationId,
      executionId: id,
      exchangeId: execution.exchangeId,
      stackTrace: line.level === 'ERROR' ? (execution.errorStackTrace ?? null) : null,
    }))
    .filter((line) => {
      const at = Date.parse(line.timestamp)
      return (
        at >= filters.from &&
        at < filters.to &&
        at <= now &&
        levelRank(line.level) >= filters.minLevel &&
        (!filters.agentId || line.agentId === filters.agentId) &&
        (!filters.applicationId || line.applicationId === filters.applicationId) &&
        (!terms ||
          line.message.toLowerCase().includes(terms) ||
          line.logger.toLowerCase().includes(terms))
      )
    })
    .reverse()
}
