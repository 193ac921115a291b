/**
 * The benchmarks that run in Chromium, after the environment switch, each on the production
 * build served against `npm run mock:server` (bench-support.ts). A view adds its own: a module
 * exporting `run` (returns named figures) and `reportRows` (rows of a `| figure | value |
 * target | |` table), and an entry here. `npm run bench` writes each suite's section into
 * docs/benchmarks.md; `npm run bench -- --only <name>[,<name>]` runs just those suites,
 * printing their figures (nothing written).
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`.
 */
import { alertsBenchmarkReportRows, runAlertsBenchmarks } from './alerts-benchmarks.ts'
import type { BenchResults, SuiteOptions } from './bench-support.ts'
import { commandsBenchmarkReportRows, runCommandsBenchmarks } from './commands-benchmarks.ts'
import { compareBenchmarkReportRows, runCompareBenchmarks } from './compare-benchmarks.ts'
import { executionBenchmarkReportRows, runExecutionBenchmarks } from './executions-benchmarks.ts'
import { exchangeBenchmarkReportRows, runExchangeBenchmarks } from './exchange-benchmarks.ts'
import { hostileBodyReportRows, runHostileBodyBenchmark } from './hostile-bodies-benchmark.ts'
import { logsBenchmarkReportRows, runLogsBenchmarks } from './logs-benchmarks.ts'
import { metricsBenchmarkReportRows, runMetricsBenchmarks } from './metrics-benchmarks.ts'
import { overviewBenchmarkReportRows, runOverviewBenchmarks } from './overview-benchmarks.ts'
import { runSoakBenchmark, soakBenchmarkReportRows } from './soak-benchmark.ts'
import { runUsageBenchmarks, usageBenchmarkReportRows } from './usage-benchmarks.ts'

export interface BrowserSuite {
  /** For `--only`. */
  name: string
  /** The section heading in docs/benchmarks.md. */
  title: string
  /** What is measured and how, as report paragraphs (Markdown lines). */
  intro: string[]
  run: (options: SuiteOptions) => Promise<BenchResults>
  reportRows: (results: BenchResults) => string[]
}

export const browserSuites: BrowserSuite[] = [
  {
    name: 'executions',
    title: 'Executions: large lists and big traces',
    intro: [
      'Same browser and server (`e2e/bench/executions-benchmarks.ts`): the search over the last 24',
      'hours paged until 10,000 rows are loaded, then scrolled top to bottom with a `longtask`',
      'PerformanceObserver; and a 500+ processor execution opened from a link.',
    ],
    run: (options) => runExecutionBenchmarks(options),
    reportRows: executionBenchmarkReportRows,
  },
  {
    name: 'exchange',
    title: 'Inside an exchange: the message at a step',
    intro: [
      'Same browser and server (`e2e/bench/exchange-benchmarks.ts`): an execution of 500+',
      'processor runs; four processors selected in the timeline and two "Next iteration": from',
      "the snapshot answer's arrival to the frame after the step's headers and bodies are in the",
      'document, and the longest task until "What changed" has an answer.',
    ],
    run: (options) => runExchangeBenchmarks(options),
    reportRows: exchangeBenchmarkReportRows,
  },
  {
    name: 'soak',
    title: 'Memory over a long shift',
    intro: [
      'Same browser and server (`e2e/bench/soak-benchmark.ts`): one tab, 10 minutes of page time',
      "compressed with Playwright's clock in 10-second steps (each step's requests awaited),",
      'alternating a minute on `/executions` with auto-refresh every 10 s and a minute on `/agents`',
      '(polling). Heap measured after a forced GC (CDP).',
    ],
    run: (options) => runSoakBenchmark(options),
    reportRows: soakBenchmarkReportRows,
  },
  {
    name: 'hostile-bodies',
    title: 'Hostile message bodies',
    intro: [
      'Same browser (`e2e/bench/hostile-bodies-benchmark.ts`): an execution opened with a crafted',
      'input body (a mock server started with `MOCK_HOSTILE_BODY`): 5 MB of JSON, JSON 10,000 levels',
      'deep, and XML with 200,000 `<!x>` declarations; the longest main-thread task while opening',
      'it (until the body says how it is shown, plus a second) and on "Show full body".',
    ],
    run: (options) => runHostileBodyBenchmark(options),
    reportRows: hostileBodyReportRows,
  },
  {
    name: 'usage',
    title: 'Usage: totals and the JavaScript before the first chart',
    intro: [
      'Same browser and server (`e2e/bench/usage-benchmarks.ts`): `/usage?env=prod` (this month)',
      'loaded cold 5 times in a signed-in context, timed from navigation start to the frame after',
      "prod's five totals are in the document; and the gzipped scripts requested before the first",
      'usage answer (the charts are requested only once there are buckets to draw).',
    ],
    run: (options) => runUsageBenchmarks(options),
    reportRows: usageBenchmarkReportRows,
  },
  {
    name: 'logs',
    title: 'Logs: 100,000 lines, large messages, live tail',
    intro: [
      'Same browser and server (`e2e/bench/logs-benchmarks.ts`): /logs over 24 h paged until',
      '100,000 lines are loaded and scrolled (next pages held) with a `longtask` observer; a page',
      'of 200 lines of 12 KB JSON (the mock’s sampled payloads), scrolled and one opened; the',
      'newest > 1 MB line opened (click → detail painted); live tail at 200 lines/s (a mock',
      'server started with `MOCK_LOG_LINES_PER_SECOND=200`) for 60 s. Scripts to show /logs',
      'counted from the requests until the lines are on screen.',
    ],
    run: (options) => runLogsBenchmarks(options),
    reportRows: logsBenchmarkReportRows,
  },
  {
    name: 'metrics',
    title: 'Metrics: forty agents, one request per chart',
    intro: [
      'Same browser and server (`e2e/bench/metrics-benchmarks.ts`): the agent charts of acme/prod',
      'over the last 24 hours, each chart asking `/metrics` for its own metric (heap used with its',
      'limit) when in view, at about one bucket per pixel; 1600×1000 viewport; median of 3 loads.',
    ],
    run: (options) => runMetricsBenchmarks(options),
    reportRows: metricsBenchmarkReportRows,
  },
  {
    name: 'compare',
    title: 'Compare: two environments on one page',
    intro: [
      'Same browser and server (`e2e/bench/compare-benchmarks.ts`): `/compare` for acme, prod',
      'against staging over the last hour with the overlay on order-enrich, 1600×1000 viewport;',
      'then one side changed at a time: the requests it costs, by environment (the other side',
      'must ask for nothing), and the time from the choice to the new side painted.',
    ],
    run: (options) => runCompareBenchmarks(options),
    reportRows: compareBenchmarkReportRows,
  },
  {
    name: 'overview',
    title: 'Overview: sixty applications at a glance',
    intro: [
      'Same browser and server (`e2e/bench/overview-benchmarks.ts`): `/overview?env=prod` with its',
      '`/stats/overview` answer widened in the page to 60 applications (copies of real items under',
      'other ids), 1600×1000 viewport; from the answer reaching the app to the frame after every',
      'row and both its sparklines are drawn, and the long tasks in between; median of 5 cold loads.',
    ],
    run: (options) => runOverviewBenchmarks(options),
    reportRows: overviewBenchmarkReportRows,
  },
  {
    name: 'alerts',
    title: 'Alerts: the bell and the preview',
    intro: [
      'Same browser and server (`e2e/bench/alerts-benchmarks.ts`): the bell on `/agents?env=staging`',
      'over 10 minutes of the page clock (fast-forwarded), then 10 minutes with the tab hidden; and a',
      'rule preview over 24 hours of prod, from the request leaving to its sentence and chart painted.',
    ],
    run: (options) => runAlertsBenchmarks(options),
    reportRows: alertsBenchmarkReportRows,
  },
  {
    name: 'commands',
    title: 'Route control: polling a command',
    intro: [
      'Same browser and server (`e2e/bench/commands-benchmarks.ts`): as admin@acme in dev, "Stop',
      '<route>" confirmed on a LIVE agent’s page, three times; the `GET /commands/{id}` requests from',
      'the answer to POST until no target is pending, then in the 10 s after (the mock’s LIVE agents',
      'answer within about 2 s).',
    ],
    run: (options) => runCommandsBenchmarks(options),
    reportRows: commandsBenchmarkReportRows,
  },
]
