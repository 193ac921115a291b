import { problemIssue } from '../evidence'
import {
  failed,
  iso,
  outcomeOf,
  passed,
  sampleQuery,
  spec,
  type Caller,
  type Collection,
  type ProbeContext,
} from './context'

const DAY_MS = 86_400_000

/** The collection endpoints with a `from`/`to` range. */
const RANGED: readonly Collection[] = [
  '/executions',
  '/stats/routes',
  '/stats/processors',
  '/stats/timeseries',
  '/stats/overview',
  '/metrics',
  '/logs',
  '/logs/stats',
  '/usage',
]

/**
 * `range from-not-before-to|over-31-days <endpoint>`: `from = to`, `from > to` and a span of
 * more than 31 days are each answered 400.
 */
export async function checkRanges(
  ctx: ProbeContext,
  a: Caller,
  environment: string,
): Promise<void> {
  const to = Math.floor(ctx.now() / 1000) * 1000
  for (const endpoint of RANGED) {
    const base = sampleQuery(endpoint, environment)
    await ctx.check(
      spec(
        'range',
        `range from-not-before-to ${endpoint}`,
        endpoint,
        environment,
        `range: ${endpoint} with from ≥ to → 400`,
        2,
      ),
      async (http) => {
        const issues: string[] = []
        for (const from of [to, to + 3_600_000]) {
          const issue = problemIssue(
            await http.get(endpoint, { ...base, from: iso(from), to: iso(to) }, a.token),
            400,
          )
          if (issue) issues.push(issue)
        }
        return issues.length ? failed(issues.join('; ')) : passed()
      },
    )
    await ctx.check(
      spec(
        'range',
        `range over-31-days ${endpoint}`,
        endpoint,
        environment,
        `range: ${endpoint} over more than 31 days → 400`,
        1,
      ),
      async (http) => {
        const from = to - 31 * DAY_MS - 60_000
        return outcomeOf(
          problemIssue(
            await http.get(endpoint, { ...base, from: iso(from), to: iso(to) }, a.token),
            400,
          ),
        )
      },
    )
  }
}
