import type { Page } from '@playwright/test'
import type { ExecutionDetail, ProcessorExecution } from '@/lib/api/types'
import { readPaintedIds, watchForIdsFromStart } from './support/agents'
import {
  diagramNode,
  executionOf,
  executionPath,
  processorTimeline,
  requireExecution,
  requireSample,
  routeDiagram,
  routeDiagramOf,
  timelineRowStartingWith,
  timelineTitle,
} from './support/executions'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

type SignInAs = (username: string, options?: { path?: string }) => Promise<void>

async function openExecution(page: Page, signInAs: SignInAs, id: string, env = 'prod') {
  await signInAs('admin@acme', { path: executionPath(id, env) })
}

/** Where the exception was thrown: the failed record none of whose children failed. */
function failureCause(execution: ExecutionDetail): ProcessorExecution {
  const failed = execution.processors.filter((p) => p.status === 'FAILED')
  const cause = failed.find((p) => !failed.some((q) => q.parentProcessorId === p.processorId))
  if (!cause) throw new Error(`execution ${execution.executionId} has no failed processor`)
  return cause
}

function diagramLabel(execution: ExecutionDetail, processorId: string): string {
  const node = routeDiagramOf(execution).nodes.find((candidate) => candidate.id === processorId)
  if (!node) throw new Error(`processor ${processorId} is not in the diagram`)
  return node.label
}

test.describe('a failed execution', () => {
  test('shows FAILED as text, the error, the failing timeline row and the failing path in the diagram', async ({
    page,
    signInAs,
  }) => {
    const execution = requireExecution(requireSample('failed'))
    expect(execution.status).toBe('FAILED')
    const errorMessage = execution.errorMessage ?? ''
    expect(errorMessage).not.toBe('')
    const cause = failureCause(execution)
    const diagram = routeDiagramOf(execution)
    const ran = new Set(execution.processors.map((p) => p.processorId))
    const takenNodes = diagram.nodes.filter((node) => ran.has(node.id))
    const notTakenNodes = diagram.nodes.filter((node) => !ran.has(node.id))

    await openExecution(page, signInAs, execution.executionId)

    await expect(page.getByRole('heading', { level: 1, name: execution.executionId })).toBeVisible()
    const summary = page.getByRole('region', { name: 'Summary' })
    await expect(summary.getByText('FAILED', { exact: true })).toBeVisible()
    await expect(summary).toContainText(execution.exchangeId)
    await expect(page.getByRole('note', { name: 'Error message' })).toContainText(errorMessage)

    // The timeline opens on the row that failed, marked FAILED in text.
    const failingRow = timelineRowStartingWith(page, timelineTitle(cause)).filter({
      hasText: 'FAILED',
    })
    await expect(failingRow).toHaveCount(1)
    await expect(failingRow).toHaveAccessibleName(/, FAILED: /)
    await expect(failingRow).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('region', { name: 'Selected processor' })).toContainText(
      cause.processorId,
    )

    // The diagram: the failing node says so, the path is taken, the rest is not.
    const failingNode = diagramNode(
      page,
      `${diagramLabel(execution, cause.processorId)}, taken, failed`,
    )
    await expect(failingNode).toBeVisible()
    await expect(failingNode).toHaveAttribute('aria-current', 'true')
    await expect(
      routeDiagram(page).getByRole('group', { name: /, taken(, failed)?$/ }),
    ).toHaveCount(takenNodes.length)
    await expect(routeDiagram(page).getByRole('group', { name: /, not taken$/ })).toHaveCount(
      notTakenNodes.length,
    )
    expect(takenNodes.length).toBeGreaterThan(1)
  })

  test('selecting a diagram node selects its timeline row, and selecting the row back selects the node', async ({
    page,
    signInAs,
  }) => {
    const execution = requireExecution(requireSample('failed'))
    const cause = failureCause(execution)
    const first = execution.processors[0]
    if (!first || first.processorId === cause.processorId) {
      throw new Error('the sample failed in its first processor')
    }
    const failingNode = diagramNode(
      page,
      `${diagramLabel(execution, cause.processorId)}, taken, failed`,
    )
    const firstNode = diagramNode(page, `${diagramLabel(execution, first.processorId)}, taken`)
    const failingRow = timelineRowStartingWith(page, timelineTitle(cause)).filter({
      hasText: 'FAILED',
    })
    const firstRow = timelineRowStartingWith(page, timelineTitle(first)).first()
    const selected = page.getByRole('region', { name: 'Selected processor' })
    await openExecution(page, signInAs, execution.executionId)
    await expect(failingNode).toHaveAttribute('aria-current', 'true')
    await expect(firstRow).toHaveAttribute('aria-selected', 'false')

    await firstNode.click()

    await expect(firstNode).toHaveAttribute('aria-current', 'true')
    await expect(failingNode).not.toHaveAttribute('aria-current', 'true')
    await expect(firstRow).toHaveAttribute('aria-selected', 'true')
    await expect(failingRow).toHaveAttribute('aria-selected', 'false')
    await expect(selected).toContainText(first.processorId)
    await expect(page).toHaveURL(/[?&]processor=0(&|$)/)

    await failingRow.click()

    await expect(failingRow).toHaveAttribute('aria-selected', 'true')
    await expect(firstRow).toHaveAttribute('aria-selected', 'false')
    await expect(failingNode).toHaveAttribute('aria-current', 'true')
    await expect(firstNode).not.toHaveAttribute('aria-current', 'true')
    await expect(selected).toContainText(cause.processorId)
  })
})

test('an execution of 500+ processor runs lists each processor of its split once, with its count; collapse and expand all work', async ({
  page,
  signInAs,
}) => {
  const execution = requireExecution(requireSample('manyProcessors'))
  expect(execution.processorCount).toBeGreaterThanOrEqual(500)
  // A processor inside a split is listed once; `iterations` counts its runs.
  const count = execution.processors.length
  const inSplit = execution.processors.find((p) => p.iterations !== null)
  const iterations = inSplit?.iterations ?? 0
  expect(iterations).toBeGreaterThan(100)
  const topLevel = execution.processors.filter((p) => p.parentProcessorId === null).length
  const timeline = processorTimeline(page)
  const rows = timeline.getByRole('row')

  await openExecution(page, signInAs, execution.executionId)

  await expect(
    page.getByRole('heading', { name: `Processor timeline (${count} processors)` }),
  ).toBeVisible()
  await expect(timeline).toHaveAttribute('aria-rowcount', String(count + 1))
  const splitChild = timeline.locator(`[role="row"][data-processor-id="${inSplit?.processorId}"]`)
  await expect(splitChild).toContainText(`×${iterations}`)
  await expect(splitChild).toHaveAccessibleName(new RegExp(`ran ${iterations} times`))

  await page.getByRole('button', { name: 'Collapse all' }).click()

  await expect(page.getByRole('button', { name: 'Collapse all' })).toBeDisabled()
  // Only the top-level processors are left (and the header row).
  await expect(timeline).toHaveAttribute('aria-rowcount', String(topLevel + 1))
  await expect(page.getByText(/\d+ rows?, \d+ hidden in collapsed levels/)).toBeVisible()
  const collapsedRows = await rows.all()
  for (const row of collapsedRows.slice(1)) {
    await expect(row).toHaveAttribute('aria-level', '1')
  }

  await page.getByRole('button', { name: 'Expand all' }).click()

  await expect(page.getByRole('button', { name: 'Expand all' })).toBeDisabled()
  await expect(timeline).toHaveAttribute('aria-rowcount', String(count + 1))
  await expect(page.getByText(/hidden in collapsed levels/)).toHaveCount(0)
})

test('an id from another environment shows "not found in prod" and none of its data', async ({
  page,
  signInAs,
}) => {
  const devId = requireSample('failed', 'dev')
  const devExecution = requireExecution(devId, 'dev')
  expect(executionOf(devId, 'prod')).toBeUndefined()
  const leaks = [devExecution.exchangeId, devExecution.errorMessage ?? devExecution.exchangeId]
  await watchForIdsFromStart(page, leaks)

  await openExecution(page, signInAs, devId, 'prod')

  await expect(
    page.getByRole('heading', { level: 1, name: `Execution ${devId} not found in prod` }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Search executions in prod' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Summary' })).toHaveCount(0)
  await expect(processorTimeline(page)).toHaveCount(0)
  await expect(page.getByRole('note', { name: 'Error message' })).toHaveCount(0)
  expect(await readPaintedIds(page)).toEqual([])
})

test.describe('accessibility', () => {
  // axe walks the whole DOM: slow on a busy two-core machine. (`accessibility.spec.ts` scans
  // the first execution of the search, whatever its status; this is a failed one, diagram
  // included.)
  test.describe.configure({ timeout: 120_000 })

  test("a failed execution's detail page", async ({ page, signInAs }) => {
    const execution = requireExecution(requireSample('failed'))
    await openExecution(page, signInAs, execution.executionId)
    await expect(page.getByRole('note', { name: 'Error message' })).toBeVisible()
    await expect(processorTimeline(page).getByRole('row').nth(1)).toBeVisible()
    await expect(routeDiagram(page).getByRole('group', { name: /, taken, failed$/ })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
})
