import { expect } from 'vitest'
import type { ExecutionDetail, RouteDiagram, Schemas } from '@/lib/api/types'
import { get } from '../mock-api-test-support'

/**
 * Shared by the execution mock's tests (imported by tests only, never by the app).
 */

/**
 * A fixed "now" for every test: data is generated relative to it, so figures are repeatable.
 * Chosen so that the minute before it holds running executions and the day before it an
 * incident.
 */
export const NOW = Date.parse('2026-11-25T14:30:00.000Z')
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const iso = (time: number) => new Date(time).toISOString()

export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.set(name, String(value))
  }
  return search.toString()
}

/** Every page of a search, following nextCursor until it is null. */
export async function walkExecutions(
  token: string,
  params: Record<string, string | number | undefined>,
  maxPages = 100,
): Promise<{ pages: Schemas['ExecutionPage'][]; items: Schemas['ExecutionSummary'][] }> {
  const pages: Schemas['ExecutionPage'][] = []
  let cursor: string | undefined
  for (let i = 0; i < maxPages; i++) {
    const page = await get('ExecutionPage', `/executions?${query({ ...params, cursor })}`, token)
    pages.push(page)
    if (page.nextCursor === null) break
    cursor = page.nextCursor
  }
  expect(pages[pages.length - 1]?.nextCursor, 'walked more pages than expected').toBeNull()
  return { pages, items: pages.flatMap((page) => page.items) }
}

export function mean(values: number[]): number {
  return values.length
    ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10
    : 0
}

/** The smallest value with at least p % of the values at or below it. */
export function nearestRank(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? 0
}

/**
 * The processor records tell the same story as the summary and follow the diagram; with the
 * route's processor tree (`parents`: node id → its parent's id), every record's parent is
 * its node's parent in that tree.
 */
export function checkTrace(
  detail: ExecutionDetail,
  diagram: Pick<RouteDiagram, 'nodes'> & { parents?: ReadonlyMap<string, string | null> },
  now = NOW,
): void {
  const { processors } = detail
  const label = `${detail.executionId} (${detail.routeId}, ${detail.status})`
  // A processor inside a split is listed once; the count is of every run the agent reported.
  expect(detail.processorCount, label).toBe(
    processors.reduce((sum, record) => sum + (record.iterations ?? 1), 0),
  )
  expect(processors.length, label).toBeGreaterThan(0)
  const nodes = new Map(diagram.nodes.map((node) => [node.id, node]))

  // Records are in pre-order: a record's parent is the nearest still-open record with the
  // parent's id. Its span must contain the child's.
  const parentIndex: number[] = []
  const open: number[] = []
  let previousStart = 0
  processors.forEach((record, i) => {
    const node = nodes.get(record.processorId)
    expect(node, `${label}: ${record.processorId} is a diagram node`).toBeDefined()
    expect(record.processorType).toBe(node?.type)
    expect(record.label).toBe(node?.label)
    expect(record.endpointUri).toBe(node?.endpointUri)
    if (diagram.parents) {
      expect(record.parentProcessorId, `${label}: parent of ${record.processorId}`).toBe(
        diagram.parents.get(record.processorId),
      )
    }
    expect(record.startOffsetMs, `${label}: start order`).toBeGreaterThanOrEqual(previousStart)
    previousStart = record.startOffsetMs
    while (
      open.length &&
      processors[open[open.length - 1] ?? -1]?.processorId !== record.parentProcessorId
    ) {
      open.pop()
    }
    const parent = processors[open[open.length - 1] ?? -1]
    if (record.parentProcessorId === null) {
      expect(open, `${label}: a top-level record closes every open one`).toEqual([])
      parentIndex.push(-1)
    } else {
      expect(parent, `${label}: record ${i} has its parent open`).toBeDefined()
      expect(record.startOffsetMs).toBeGreaterThanOrEqual(parent?.startOffsetMs ?? 0)
      expect(record.startOffsetMs + record.durationMs).toBeLessThanOrEqual(
        (parent?.startOffsetMs ?? 0) + (parent?.durationMs ?? 0),
      )
      parentIndex.push(open[open.length - 1] ?? -1)
    }
    open.push(i)
    if (detail.durationMs !== null) {
      expect(record.startOffsetMs + record.durationMs).toBeLessThanOrEqual(detail.durationMs)
    }
  })
  const childrenOf = (i: number) =>
    processors.filter((_, j) => parentIndex[j] === i).map((record) => record.processorId)

  processors.forEach((record, i) => {
    // A choice takes exactly one branch each time it runs (a running one may not be there yet).
    if (record.processorType === 'choice') {
      const branches = childrenOf(i)
      if (detail.status === 'RUNNING') expect(branches.length).toBeLessThanOrEqual(1)
      // Inside a split each run takes one branch, not always the same.
      else if (record.iterations === null) expect(branches.length, `${label}: one branch`).toBe(1)
      else expect(branches.length).toBeGreaterThanOrEqual(1)
    }
    // A split runs its body once per item: each processor in it is listed once, with its count.
    if (record.processorType === 'split') {
      const children = childrenOf(i)
      expect(new Set(children).size, `${label}: listed once`).toBe(children.length)
      for (const child of processors.filter((p) => p.parentProcessorId === record.processorId)) {
        expect(child.iterations, `${label}: iterations of ${child.processorId}`).toBeGreaterThan(0)
      }
    }
    if (record.parentProcessorId === null) expect(record.iterations).toBeNull()
  })

  const failed = processors.flatMap((record, i) => (record.status === 'FAILED' ? [i] : []))
  switch (detail.status) {
    case 'FAILED': {
      // The failing processor and its ancestors failed, all with the execution's error message
      // (inside a split it may have been listed at an earlier iteration than its siblings).
      const chain: number[] = []
      for (let i = failed[failed.length - 1] ?? -1; i >= 0; i = parentIndex[i] ?? -1) chain.push(i)
      expect(chain.length, label).toBeGreaterThan(0)
      expect(failed, label).toEqual(chain.reverse())
      for (const i of failed) expect(processors[i]?.errorMessage).toBe(detail.errorMessage)
      expect(detail.errorStackTrace).toContain('Caused by:')
      break
    }
    case 'COMPLETED':
      expect(failed, label).toEqual([])
      expect(detail.errorMessage).toBeNull()
      expect(detail.errorStackTrace).toBeNull()
      break
    case 'RUNNING':
      expect(failed, label).toEqual([])
      expect(detail.endTime).toBeNull()
      for (const record of processors) {
        expect(record.startOffsetMs).toBeLessThanOrEqual(now - Date.parse(detail.startTime))
      }
      break
  }
}
