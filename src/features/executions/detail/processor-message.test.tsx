import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { executionHandlers } from '@/mocks/executions/execution-handlers'
import { findExecution } from '@/mocks/executions/execution-data'
import { currentSearch } from '@/test/render-page'
import { serveInEveryTest } from '@/test/serve-mock'
import { stubViewportInEveryTest } from '@/test/viewport'
import { findExecutionWhere, renderDetail, sampleIds } from './execution-detail-test-helpers'

vi.mock('@/components/route-diagram/route-diagram', () => ({ RouteDiagram: () => null }))

serveInEveryTest(executionHandlers)
stubViewportInEveryTest()

const stepMessage = () =>
  screen.findByRole('region', { name: /^Message at this step/ }, { timeout: 5_000 })

describe('Message at this step', () => {
  it('opens a failed execution on the failing step, with its headers marked in words', async () => {
    const detail = findExecutionWhere(
      (execution) => execution.processors.some((p) => p.status === 'FAILED' && p.snapshot),
      { status: 'FAILED' },
    )
    renderDetail(detail.executionId)
    const region = await stepMessage()
    const failing = detail.processors.filter((p) => p.status === 'FAILED').at(-1)
    expect(
      within(region).getByRole('heading', {
        name: new RegExp(`^Message at this step \\(${failing?.processorId ?? ''}\\)$`),
      }),
    ).toBeInTheDocument()
    const headers = await within(region).findByRole('table', { name: /Headers at this step/ })
    expect(within(headers).getAllByRole('row').length).toBeGreaterThan(1)
    expect(
      within(region).getByRole('region', { name: 'Input body at this step' }),
    ).toBeInTheDocument()
    expect(await within(region).findByRole('region', { name: 'What changed' })).toBeInTheDocument()
  })

  it('says why a step has no message when the application captures none', async () => {
    const detail = findExecutionWhere(
      (execution) =>
        execution.applicationId === 'payment-gateway' && execution.status !== 'RUNNING',
    )
    renderDetail(detail.executionId, { query: '&processor=0' })
    const region = await stepMessage()
    expect(
      within(region).getByText(/payload capture was off for/, { exact: false }),
    ).toHaveTextContent('payload capture was off for payment-gateway in Production')
    // An admin may change the configuration: the note leads there, in the same environment.
    const link = await within(region).findByRole('link', {
      name: 'Change the configuration of payment-gateway',
    })
    expect(link).toHaveAttribute('href', '/overview/payment-gateway?env=prod#configuration')
  })

  it('offers no configuration link to a viewer of the environment', async () => {
    const detail = findExecutionWhere(
      (execution) =>
        execution.applicationId === 'payment-gateway' && execution.status !== 'RUNNING',
    )
    renderDetail(detail.executionId, { query: '&processor=0', user: 'ops@acme' })
    const region = await stepMessage()
    // The page knows the role by now: its replay control says which role it needs.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Replay…' })).toHaveAccessibleDescription(
        'Replay needs the operator role in Production',
      ),
    )
    expect(within(region).getByText(/payload capture was off for/)).toBeInTheDocument()
    expect(within(region).queryByRole('link', { name: /Change the configuration/ })).toBeNull()
  })

  it('steps through the iterations of a split, keeping the iteration in the URL', async () => {
    const id = sampleIds('acme', 'prod').manyProcessors ?? ''
    const detail = findExecution('acme', 'prod', id)
    const index = detail?.processors.findIndex((p) => p.iterations !== null) ?? -1
    const iterations = detail?.processors[index]?.iterations ?? 0
    expect(iterations).toBeGreaterThan(7)
    const user = userEvent.setup()
    const { router } = await renderDetail(id, { query: `&processor=${index}&iteration=7` })
    const region = await stepMessage()
    const stepper = within(region).getByRole('group', { name: 'Iterations' })
    expect(stepper).toHaveTextContent(`Iteration 7 of ${iterations}`)
    expect(await within(region).findByText('CamelSplitIndex')).toBeInTheDocument()
    expect(within(region).getByRole('row', { name: /CamelSplitIndex/ })).toHaveTextContent('6')

    await user.click(within(stepper).getByRole('button', { name: 'Next iteration' }))
    expect(stepper).toHaveTextContent(`Iteration 8 of ${iterations}`)
    expect(currentSearch(router).toString()).toContain('iteration=8')
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(stepper).toHaveTextContent(`Iteration 6 of ${iterations}`)
    await user.keyboard('{Home}')
    expect(within(stepper).getByRole('button', { name: 'Previous iteration' })).toBeDisabled()
    expect(currentSearch(router).get('iteration')).toBe('1')
    await user.keyboard('{End}')
    expect(stepper).toHaveTextContent(`Iteration ${iterations} of ${iterations}`)
    expect(within(stepper).getByRole('button', { name: 'Next iteration' })).toBeDisabled()
    expect(
      await within(region).findByRole('row', {
        name: new RegExp(`CamelSplitIndex ${iterations - 1}`),
      }),
    ).toBeInTheDocument()
  })
})
