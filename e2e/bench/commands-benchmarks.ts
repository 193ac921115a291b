/**
 * Route control's figure, in Chromium on the production build against the mock server
 * (bench-support.ts): as admin@acme in dev, on the page of a LIVE agent, "Stop <route>" is
 * confirmed; from the POST /commands answer the `GET /commands/{id}` requests are counted while
 * a target is pending (the mock's LIVE agents answer within about 2 s, so one or two polls at
 * one a second), then for AFTER_MS of real time once none is (none expected). Repeated RUNS
 * times on as many routes.
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so nothing is imported from
 * `src/`. Called by run-benchmarks.ts (`npm run bench -- --only commands`).
 */
import type { Page, Response } from '@playwright/test'
import { round1, signIn, verdict, type BenchResults, type SuiteOptions } from './bench-support.ts'

const RUNS = 3
const AFTER_MS = 10_000
const POLL_MS = 1_000
const SESSION_KEY = 'cameleer3:session-token'

interface Agent {
  agentId: string
  status: string
  routeIds: string[]
  routeStates?: Record<string, string>
}

interface CommandAnswer {
  commandId: string
  targets: { status: string }[]
}

/** A LIVE agent of dev with RUNS routes still Started, read through the API as the page would. */
async function liveAgent(page: Page): Promise<{ agentId: string; routes: string[] }> {
  const agents = await page.evaluate(async (key) => {
    const token = localStorage.getItem(key) ?? ''
    const response = await fetch('/api/v1/agents?environment=dev&status=LIVE', {
      headers: { Authorization: `Bearer ${token}` },
    })
    return ((await response.json()) as { items: Agent[] }).items
  }, SESSION_KEY)
  for (const agent of agents) {
    const routes = agent.routeIds.filter(
      (routeId) => (agent.routeStates?.[routeId] ?? 'Started') === 'Started',
    )
    if (agent.status === 'LIVE' && routes.length >= RUNS) {
      return { agentId: agent.agentId, routes: routes.slice(0, RUNS) }
    }
  }
  throw new Error(`acme/dev has no LIVE agent with ${RUNS} started routes`)
}

const isPending = (command: CommandAnswer) =>
  command.targets.some((target) => target.status === 'PENDING')

/** One stop through the page: polls while pending, and after. */
async function measureStop(page: Page, routeId: string) {
  const polls: { at: number; pending: boolean | null }[] = []
  let commandId: string | null = null
  const onResponse = (response: Response) => {
    const url = new URL(response.url())
    if (commandId && url.pathname.endsWith(`/api/v1/commands/${commandId}`)) {
      const entry = { at: performance.now(), pending: null as boolean | null }
      polls.push(entry)
      response
        .json()
        .then((body: CommandAnswer) => {
          entry.pending = isPending(body)
        })
        .catch(() => undefined)
    }
  }
  page.on('response', onResponse)
  try {
    const row = page
      .getByRole('table', { name: 'Routes' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: routeId, exact: true }) })
    await row.getByRole('button', { name: `Stop ${routeId}` }).click({ timeout: 15_000 })
    const confirm = page
      .getByRole('alertdialog', { name: /^Stop route / })
      .getByRole('button', { name: /^Stop route / })
    const posted = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname.endsWith('/api/v1/commands'),
    )
    await confirm.click()
    const answer = (await (await posted).json()) as CommandAnswer
    const sentAt = performance.now()
    commandId = answer.commandId
    let doneAt = isPending(answer) ? null : sentAt
    const deadline = Date.now() + 70_000
    while (doneAt === null && Date.now() < deadline) {
      await page.waitForTimeout(100)
      const last = polls.findLast((poll) => poll.pending === false)
      if (last) doneAt = last.at
    }
    if (doneAt === null) throw new Error(`command ${commandId} still pending after 70 s`)
    await page.waitForTimeout(AFTER_MS)
    const during = polls.filter((poll) => poll.at <= (doneAt ?? 0)).length
    const after = polls.filter((poll) => poll.at > (doneAt ?? 0)).length
    return { during, after, pendingMs: doneAt - sentAt }
  } finally {
    page.off('response', onResponse)
  }
}

export async function runCommandsBenchmarks(options: SuiteOptions): Promise<BenchResults> {
  const { log } = options
  const context = await options.browser.newContext({
    baseURL: options.baseURL,
    viewport: { width: 1600, height: 1000 },
  })
  try {
    await signIn(context)
    const page = await context.newPage()
    await page.goto('/agents?env=dev')
    const { agentId, routes } = await liveAgent(page)
    log(`Commands: stop ${RUNS} routes of ${agentId} in dev, counting status polls…`)
    await page.goto(`/agents/${encodeURIComponent(agentId)}?env=dev`)
    const runs = []
    for (const routeId of routes) {
      const run = await measureStop(page, routeId)
      log(
        `  ${routeId}: pending ${round1(run.pendingMs)} ms, ${run.during} polls while pending, ${run.after} in ${AFTER_MS / 1000} s after`,
      )
      runs.push(run)
    }
    const during = runs.reduce((sum, run) => sum + run.during, 0)
    const after = runs.reduce((sum, run) => sum + run.after, 0)
    // One poll per second of pending, and the one that finds it done.
    const allowed = runs.reduce((sum, run) => sum + Math.ceil(run.pendingMs / POLL_MS) + 1, 0)
    const results: BenchResults = {
      'commands.polls.whilePending': during,
      'commands.polls.allowed': allowed,
      'commands.polls.pendingMsTotal': round1(runs.reduce((sum, run) => sum + run.pendingMs, 0)),
      'commands.polls.after': after,
      'commands.polls.verdict': verdict(during <= allowed && after === 0),
    }
    for (const [key, value] of Object.entries(results)) log(`  ${key}: ${value}`)
    return results
  } finally {
    await context.close()
  }
}

export function commandsBenchmarkReportRows(results: BenchResults): string[] {
  const r = (key: string) => results[key] ?? ''
  return [
    `| route control, ${RUNS} stops: \`GET /commands/{id}\` while a target is pending (${r('commands.polls.pendingMsTotal')} ms pending in all), then in ${AFTER_MS / 1000} s after each | ${r('commands.polls.whilePending')} (${r('commands.polls.after')} after) | ≤ ${r('commands.polls.allowed')}, one per second pending (0 after) | ${r('commands.polls.verdict')} |`,
  ]
}
