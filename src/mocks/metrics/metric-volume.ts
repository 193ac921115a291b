import { mockNow } from '../clock'
import { metricAgents, reportingWindows, samplesIn } from './metric-agents'
import { METRICS } from './metric-catalog'

/**
 * How many raw samples the metrics mock's agents report in [from, to): every metric name,
 * every SAMPLE_MS, for every agent while it was reporting (see `reportingWindows`). Arithmetic
 * only (no series generated), so the usage mock can meter metric points over a month cheaply.
 */
export function countMetricPoints(options: {
  tenant: string
  env: string
  from: Date
  to: Date
  /** The mock's "now" the agents reported until (default: `mockNow()`). */
  now?: number
}): number {
  const from = options.from.getTime()
  const to = options.to.getTime()
  const now = options.now ?? mockNow()
  let samples = 0
  for (const agent of metricAgents(options.tenant, options.env)) {
    for (const [start, end] of reportingWindows(agent, now)) {
      samples += samplesIn(Math.max(from, start), Math.min(to, end))
    }
  }
  return samples * METRICS.length
}
