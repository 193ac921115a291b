import type { Schemas } from '@/lib/api/types'

/**
 * Where an alert is explained, in its window (from a little before the condition's window
 * began to when it resolved, or now): a route metric's failed executions and its route
 * metrics, an application's error logs, the agents in the state the rule watches, the lines a
 * log pattern matched. Paths with their query, for the environment-keeping links.
 */

export interface ExplainLink {
  label: string
  to: string
}

type Alert = Schemas['Alert']
type Rule = Schemas['AlertRule']

const MINUTE_MS = 60_000

function windowOf(alert: Alert, rule: Rule | undefined): { from: string; to: string } {
  const windowMs =
    rule && 'windowSeconds' in rule.condition ? rule.condition.windowSeconds * 1000 : 0
  const lead = windowMs + (rule?.forSeconds ?? 0) * 1000 + 5 * MINUTE_MS
  const from = new Date(Date.parse(alert.startedAt) - lead).toISOString()
  const to = alert.resolvedAt
    ? new Date(Date.parse(alert.resolvedAt) + 5 * MINUTE_MS).toISOString()
    : 'now'
  return { from, to }
}

function path(base: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value)
  const query = search.toString()
  return query ? `${base}?${query}` : base
}

export function explainLinks(alert: Alert, rule: Rule | undefined): ExplainLink[] {
  const range = windowOf(alert, rule)
  const condition = rule?.condition
  if (!condition) {
    return [{ label: 'Error logs', to: path('/logs', { level: 'ERROR', ...range }) }]
  }
  const app = condition.applicationId
  const where = app ?? 'every application'
  switch (condition.kind) {
    case 'route-metric': {
      const subject = condition.routeId && app ? `${app}/${condition.routeId}` : where
      return [
        {
          label: `Failed executions of ${subject}`,
          to: path('/executions', { status: 'FAILED', app, route: condition.routeId, ...range }),
        },
        {
          label: `Metrics of ${subject}`,
          to: path('/metrics', {
            ...range,
            ...(condition.routeId && app
              ? { routeApp: app, route: condition.routeId }
              : { routesApp: app }),
          }),
        },
        { label: `Error logs of ${where}`, to: path('/logs', { level: 'ERROR', app, ...range }) },
      ]
    }
    case 'agent-state':
      return [
        {
          label: `${condition.state} agents of ${where}`,
          to: path('/agents', { status: condition.state, app }),
        },
        { label: `Error logs of ${where}`, to: path('/logs', { level: 'ERROR', app, ...range }) },
      ]
    case 'log-pattern':
      return [
        {
          label: `Matching logs of ${where}`,
          to: path('/logs', { level: condition.level, q: condition.q, app, ...range }),
        },
      ]
  }
}
