import { expect, type Locator, type Page } from '@playwright/test'
import type { ExecutionDetail } from '@/lib/api/types'
import {
  findExecution,
  findSampleExecutionIds,
  searchExecutions,
  type ExecutionQuery,
  type SampleExecutionIds,
} from '@/mocks/executions/execution-data'
import { listAgents } from '@/mocks/agents/agent-data'
import { getRouteDefinition } from '@/mocks/topology/topology'

/**
 * The executions pages as a user sees them, and the mock's own generator as the oracle: a spec
 * checks what the page shows against what the data says, never against the page itself.
 * The mock is deterministic by (tenant, environment, minute) and runs on the real clock, which
 * the browser and this Node process share.
 */

export const TENANT = 'acme'

// ---------------------------------------------------------------------------- oracle

export function sampleExecutionIds(env = 'prod'): SampleExecutionIds {
  return findSampleExecutionIds(TENANT, env)
}

/** A sample id the mock must have; the test cannot mean anything without it. */
export function requireSample(kind: keyof SampleExecutionIds, env = 'prod'): string {
  const id = sampleExecutionIds(env)[kind]
  if (!id) throw new Error(`the mock has no "${kind}" execution in ${TENANT}/${env}`)
  return id
}

/** The execution as the server knows it now, or `undefined` when it does not exist there. */
export function executionOf(id: string, env = 'prod'): ExecutionDetail | undefined {
  return findExecution(TENANT, env, id)
}

export function requireExecution(id: string, env = 'prod'): ExecutionDetail {
  const execution = executionOf(id, env)
  if (!execution) throw new Error(`execution ${id} does not exist in ${TENANT}/${env}`)
  return execution
}

/** Every execution id a search finds, following cursors to the end (only for small results). */
export function searchAllIds(
  query: Omit<ExecutionQuery, 'limit' | 'after'>,
  env = 'prod',
  maxPages = 50,
): string[] {
  const ids: string[] = []
  let after: ExecutionQuery['after'] = null
  for (let page = 0; page < maxPages; page++) {
    const result = searchExecutions(TENANT, env, { ...query, limit: 200, after })
    ids.push(...result.items.map((item) => item.executionId))
    if (!result.next) return ids
    after = result.next
  }
  throw new Error(`more than ${maxPages} pages of results for ${JSON.stringify(query)}`)
}

/** `totalEstimate` of the first page: what the page's count line says (~N executions). */
export function estimateOf(query: Omit<ExecutionQuery, 'limit' | 'after'>, env = 'prod'): number {
  return searchExecutions(TENANT, env, { ...query, limit: 1 }).totalEstimate
}

/** The route the execution ran, as its diagram has it (nodes and edges). */
export function routeDiagramOf(execution: Pick<ExecutionDetail, 'applicationId' | 'routeId'>) {
  const route = getRouteDefinition(TENANT, 'prod', execution.applicationId, execution.routeId)
  if (!route) throw new Error(`no diagram for ${execution.applicationId}/${execution.routeId}`)
  return route
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

// ---------------------------------------------------------------------------- search page

export function filterBar(page: Page): Locator {
  return page.getByRole('search', { name: 'Execution filters' })
}

export function resultsTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Executions' })
}

/** Body rows only (the header row has column headers, not cells). */
export function resultRows(page: Page): Locator {
  return resultsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
}

export interface RenderedRow {
  /** 1-based among the loaded rows (the header is `aria-rowindex` 1). */
  position: number
  executionId: string
  /** ISO instant, from the start time cell's `<time datetime>`. */
  startTime: string
  status: string
  applicationId: string
  routeId: string
  exchangeId: string
  correlationId: string
}

/**
 * Reads the rows the virtualized table has in the DOM, by column header name; with `scroll`,
 * scrolls its scroll area from top to bottom a screenful at a time (a frame between steps)
 * and returns every row seen on the way. Runs in the page: one round trip, however many steps.
 * The execution id comes from the row's link (what a user opens), so it can be checked
 * against the mock's data.
 */
function readRowsInPage(
  table: Element,
  { scroll, upTo }: { scroll: boolean; upTo: number },
): Promise<RenderedRow[]> {
  const headers = [...table.querySelectorAll('[role="columnheader"]')].map((header) =>
    (header.textContent ?? '').trim(),
  )
  const column = (name: string) => {
    const index = headers.indexOf(name)
    if (index === -1) throw new Error(`no column "${name}" in ${headers.join(', ')}`)
    return index
  }
  const columns = {
    startTime: column('Start time'),
    status: column('Status'),
    applicationId: column('Application'),
    routeId: column('Route'),
    exchangeId: column('Exchange id'),
    correlationId: column('Correlation id'),
  }
  const seen = new Map<number, RenderedRow>()
  const collect = () => {
    for (const row of table.querySelectorAll('[role="row"]')) {
      const cells = [...row.querySelectorAll('[role="cell"]')]
      if (cells.length === 0) continue
      const text = (index: number) => (cells[index]?.textContent ?? '').trim()
      const href = row.querySelector('a')?.getAttribute('href') ?? ''
      const path = new URL(href, window.location.origin).pathname
      const position = Number(row.getAttribute('aria-rowindex')) - 1
      if (position > upTo) continue
      seen.set(position, {
        position,
        executionId: decodeURIComponent(path.replace(/^\/executions\//, '')),
        startTime: cells[columns.startTime]?.querySelector('time')?.getAttribute('datetime') ?? '',
        status: text(columns.status),
        applicationId: text(columns.applicationId),
        routeId: text(columns.routeId),
        exchangeId: text(columns.exchangeId),
        correlationId: text(columns.correlationId),
      })
    }
  }
  const sorted = () => [...seen.values()].sort((a, b) => a.position - b.position)
  collect()
  const scroller = table.parentElement
  if (!scroll || !scroller) return Promise.resolve(sorted())
  const frame = () =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  return (async () => {
    scroller.scrollTop = 0
    await frame()
    collect()
    while (seen.size < upTo) {
      const before = scroller.scrollTop
      scroller.scrollTop = before + Math.max(100, scroller.clientHeight - 72)
      await frame()
      collect()
      if (scroller.scrollTop === before) break
    }
    return sorted()
  })()
}

/** The rows the virtualized table has in the DOM right now, in order. */
export async function renderedRows(page: Page): Promise<RenderedRow[]> {
  return resultsTable(page).evaluate(readRowsInPage, { scroll: false, upTo: Infinity })
}

/**
 * Scrolls the results from top to bottom and returns the loaded rows (as many as were loaded
 * when it started) in order, as the DOM showed them on the way.
 */
export async function scrollThroughResults(page: Page): Promise<RenderedRow[]> {
  const upTo = await loadedRowCount(page)
  return resultsTable(page).evaluate(readRowsInPage, { scroll: true, upTo })
}

/** Rows loaded into the table (not only those in the DOM): `aria-rowcount` minus the header. */
export async function loadedRowCount(page: Page): Promise<number> {
  return Number(await resultsTable(page).getAttribute('aria-rowcount')) - 1
}

/** The results' count line: "~4,531 executions · showing 200". */
export function countLine(page: Page): Locator {
  return page
    .getByRole('region', { name: 'Results' })
    .getByText(/^~[\d,]+ executions · showing [\d,]+/)
}

export async function readCountLine(page: Page): Promise<{ estimate: number; showing: number }> {
  const text = (await countLine(page).textContent()) ?? ''
  const match = /^~([\d,]+) executions · showing ([\d,]+)/.exec(text)
  if (!match) throw new Error(`unexpected count line "${text}"`)
  const number = (value: string | undefined) => Number((value ?? '').replaceAll(',', ''))
  return { estimate: number(match[1]), showing: number(match[2]) }
}

/** The search has answered for the current URL (no placeholder rows of the previous one). */
export async function expectSettledResults(page: Page): Promise<void> {
  await expect(resultRows(page).first()).toBeVisible()
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
}

export function duplicatesOf(values: readonly string[]): string[] {
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) duplicates.add(value)
    seen.add(value)
  }
  return [...duplicates]
}

// ---------------------------------------------------------------------------- detail page

export function executionPath(id: string, env = 'prod'): string {
  return `/executions/${encodeURIComponent(id)}?env=${env}`
}

export function processorTimeline(page: Page): Locator {
  return page.getByRole('treegrid', { name: 'Processor timeline' })
}

export function routeDiagram(page: Page): Locator {
  return page.getByRole('region', { name: 'Route diagram' })
}

/** A diagram node by its accessible name ("<label>, taken, failed"), exactly. */
export function diagramNode(page: Page, name: string): Locator {
  return routeDiagram(page).getByRole('group', { name, exact: true })
}

/** What the timeline calls a processor: its label, prefixed by its type unless it says it. */
export function timelineTitle(processor: { processorType: string; label: string }): string {
  return processor.label.startsWith(processor.processorType)
    ? processor.label
    : `${processor.processorType} ${processor.label}`
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A timeline row whose accessible name starts with `prefix`. */
export function timelineRowStartingWith(page: Page, prefix: string): Locator {
  return processorTimeline(page).getByRole('row', {
    name: new RegExp(`^${escapeRegExp(prefix)}`),
  })
}

/** A recent dev execution with a JSON input body, run by an agent that is LIVE now. */
export function jsonExecutionInDev() {
  const now = Date.now()
  const live = new Set(
    listAgents(TENANT, 'dev')
      .filter((agent) => agent.status === 'LIVE')
      .map((agent) => agent.agentId),
  )
  const newest = searchExecutions(TENANT, 'dev', { from: now - HOUR, to: now, limit: 200 }).items
  for (const { executionId } of newest) {
    const execution = executionOf(executionId, 'dev')
    if (
      execution?.inputBody?.startsWith('{') &&
      execution.status !== 'RUNNING' &&
      live.has(execution.agentId)
    )
      return execution
  }
  throw new Error('the mock has no recent dev execution with a JSON body on a live agent')
}
