import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, http } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetMockState } from '@/mocks/tenant-state/tenant-state'
import { server } from '@/mocks/node'
import { renderPage } from '@/test/render-page'
import { watchRequests } from '@/test/watch-requests'
import { AlertHistoryPage } from './alert-history-page'
import { AlertRulesPage } from './alert-rules-page'
import { OpenAlertsPage } from './open-alerts-page'
import { RuleFormPage } from './rule-form-page'

/** jsdom lays nothing out: the preview's plot reports a width, so the chart asks for its data. */
class SizedResizeObserver {
  private readonly callback: ResizeObserverCallback
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback
  }
  observe(target: Element) {
    const entry = { target, contentRect: { width: 800, height: 240 } } as ResizeObserverEntry
    this.callback([entry], this as unknown as ResizeObserver)
  }
  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  resetMockState()
  vi.stubGlobal('ResizeObserver', SizedResizeObserver)
})
afterEach(() => {
  resetMockState()
  vi.unstubAllGlobals()
})

describe('the alert views against the mock', () => {
  it('lists prod’s open alerts with severity in words and what explains each', async () => {
    await renderPage({ path: '/alerts', element: <OpenAlertsPage />, url: '/alerts?env=prod' })
    const table = await screen.findByRole('table', { name: 'Open alerts' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    const dead = rows.find((row) => row.textContent?.includes('Payment gateway agents dead'))
    expect(dead).toHaveTextContent('Critical')
    expect(
      within(dead as HTMLElement).getByRole('link', { name: 'DEAD agents of payment-gateway' }),
    ).toHaveAttribute('href', '/agents?status=DEAD&app=payment-gateway&env=prod')
    const stale = rows.find((row) => row.textContent?.includes('Stale agents'))
    expect(stale).toHaveTextContent('Ada Admin')
  })

  it('says each rule’s condition in a sentence', async () => {
    await renderPage({
      path: '/alerts/rules',
      element: <AlertRulesPage />,
      url: '/alerts/rules?env=prod',
    })
    const table = await screen.findByRole('table', { name: 'Alert rules' })
    await waitFor(() =>
      expect(within(table).getByRole('row', { name: /Order errors/ })).toHaveTextContent(
        'Error rate of order-service above 8 % over 5 min, for 2 min',
      ),
    )
    expect(within(table).getByRole('row', { name: /Payment latency/ })).toHaveTextContent(/No/)
  })

  it('pages the history with its filters in the URL', async () => {
    const seen = watchRequests()
    const { router } = await renderPage({
      path: '/alerts/history',
      element: <AlertHistoryPage />,
      url: '/alerts/history?env=prod&severity=critical',
    })
    await screen.findByRole('table', { name: 'History' })
    const asked = seen.filter((url) => url.pathname.endsWith('/alerts'))
    expect(asked.at(-1)?.searchParams.get('state')).toBe('RESOLVED')
    expect(asked.at(-1)?.searchParams.get('severity')).toBe('CRITICAL')
    await userEvent.selectOptions(screen.getByLabelText('Severity'), '')
    await waitFor(() => expect(router.state.location.search).toBe('?env=prod'))
  })

  it('previews a new rule on history, debounced, with the sentence', async () => {
    const seen = watchRequests()
    await renderPage({
      path: '/alerts/rules/new',
      element: <RuleFormPage />,
      url: '/alerts/rules/new?env=prod',
    })
    expect(
      await screen.findByRole('heading', { level: 1, name: 'New alert rule' }),
    ).toBeInTheDocument()
    await userEvent.click(screen.getByRole('radio', { name: 'Agent state' }))
    const status = await screen.findByText(/^Would (not )?have fired/, {}, { timeout: 5_000 })
    expect(status.textContent).toMatch(/in the last 24 hours/)
    // Typing three characters sent one preview after the edits settled, not three.
    const previews = () =>
      seen.filter((url) => url.pathname.endsWith('/alerts/rules/preview')).length
    const before = previews()
    const agents = screen.getByLabelText('Agents')
    await userEvent.clear(agents)
    await userEvent.type(agents, '123')
    await waitFor(() => expect(previews()).toBe(before + 1), { timeout: 3_000 })
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(previews()).toBe(before + 1)
    expect(await screen.findByText('Would not have fired in the last 24 hours')).toBeInTheDocument()
  })

  it('never paints a late answer over the answer to a newer condition', async () => {
    const seen = watchRequests()
    // The answer for "at least 1 DEAD agent" arrives late; the handler then falls through.
    server.use(
      http.post('*/api/v1/alerts/rules/preview', async ({ request }) => {
        const body = (await request.clone().json()) as { condition: { minAgents?: number } }
        if (body.condition.minAgents === 1) await delay(1_500)
      }),
    )
    await renderPage({
      path: '/alerts/rules/new',
      element: <RuleFormPage />,
      url: '/alerts/rules/new?env=prod',
    })
    await userEvent.click(await screen.findByRole('radio', { name: 'Agent state' }))
    const previews = () => seen.filter((url) => url.pathname.endsWith('/alerts/rules/preview'))
    await waitFor(() => expect(previews().length).toBe(1), { timeout: 2_000 })
    const agents = screen.getByLabelText('Agents')
    await userEvent.clear(agents)
    await userEvent.type(agents, '500')
    expect(
      await screen.findByText('Would not have fired in the last 24 hours', {}, { timeout: 3_000 }),
    ).toBeInTheDocument()
    // The slow answer has arrived meanwhile: what is shown is still the newer condition's.
    await new Promise((resolve) => setTimeout(resolve, 1_600))
    expect(screen.getByText('Would not have fired in the last 24 hours')).toBeInTheDocument()
    expect(screen.queryByText(/^Would have fired/)).not.toBeInTheDocument()
  })

  it('checks the limits before anything is sent', async () => {
    await renderPage({
      path: '/alerts/rules/new',
      element: <RuleFormPage />,
      url: '/alerts/rules/new?env=staging',
    })
    await screen.findByRole('heading', { level: 1, name: 'New alert rule' })
    await userEvent.clear(screen.getByLabelText('Threshold'))
    await userEvent.type(screen.getByLabelText('Threshold'), '150')
    expect(screen.getByLabelText('Threshold')).toHaveAccessibleDescription(
      '% An error rate is between 0 and 100 %.',
    )
    expect(
      screen.getByText('Complete the condition to see how it would have fired.'),
    ).toBeInTheDocument()
  })
})
