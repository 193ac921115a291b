import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { usePreferencesStore } from '@/lib/preferences-store'
import { TimeRangeControls, type TimeRangeControlsProps } from './time-range-controls'

function renderControls(url: string, props: TimeRangeControlsProps = {}) {
  const router = createMemoryRouter(
    [{ path: '/view', element: <TimeRangeControls {...props} /> }],
    {
      initialEntries: [url],
    },
  )
  render(<RouterProvider router={router} />)
  const params = () => new URLSearchParams(router.state.location.search)
  return { router, params }
}

beforeEach(() => usePreferencesStore.setState({ timeZone: 'utc' }))
afterEach(() => usePreferencesStore.setState({ timeZone: 'local' }))

describe('TimeRangeControls: range picker', () => {
  it('names the current range and switches to a relative one, keeping the other parameters', async () => {
    const user = userEvent.setup()
    const { params } = renderControls('/view?env=prod&status=FAILED&from=now-1h&to=now')
    const trigger = screen.getByRole('button', { name: 'Time range: Last 1 hour' })

    await user.click(trigger)
    const dialog = await screen.findByRole('dialog', { name: 'Time range' })
    expect(within(dialog).getByRole('button', { name: 'Last 1 hour' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    // The current choice has the focus, so arrow-less keyboard users start where they are.
    expect(within(dialog).getByRole('button', { name: 'Last 1 hour' })).toHaveFocus()

    await user.click(within(dialog).getByRole('button', { name: 'Last 6 hours' }))
    expect(params().get('from')).toBe('now-6h')
    expect(params().get('to')).toBe('now')
    expect(params().get('env')).toBe('prod')
    expect(params().get('status')).toBe('FAILED')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Time range: Last 6 hours' })).toHaveFocus()
  })

  it('offers the five relative ranges', async () => {
    const user = userEvent.setup()
    renderControls('/view?env=prod')
    await user.click(screen.getByRole('button', { name: /^Time range/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Time range' })
    for (const label of [
      'Last 15 minutes',
      'Last 1 hour',
      'Last 6 hours',
      'Last 24 hours',
      'Last 7 days',
    ]) {
      expect(within(dialog).getByRole('button', { name: label })).toBeInTheDocument()
    }
  })

  it('closes on Escape and gives the focus back', async () => {
    const user = userEvent.setup()
    renderControls('/view?env=prod')
    await user.click(screen.getByRole('button', { name: /^Time range/ }))
    await screen.findByRole('dialog', { name: 'Time range' })
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: /^Time range/ })).toHaveFocus()
  })

  it('applies an absolute range typed in UTC and shows it in UTC', async () => {
    const user = userEvent.setup()
    const { params } = renderControls('/view?env=prod')
    await user.click(screen.getByRole('button', { name: /^Time range/ }))
    expect(await screen.findByText(/Times in UTC/)).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-28T06:00:00' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-28T07:30:00' } })
    await user.click(screen.getByRole('button', { name: 'Apply time range' }))

    expect(params().get('from')).toBe('2026-11-28T06:00:00.000Z')
    expect(params().get('to')).toBe('2026-11-28T07:30:00.000Z')
    expect(params().get('env')).toBe('prod')
    const trigger = screen.getByRole('button', { name: /^Time range/ })
    expect(trigger).toHaveTextContent(/06:00:00/)
    expect(trigger).toHaveTextContent(/07:30:00/)
    expect(trigger).toHaveTextContent(/UTC/)
  })

  it('interprets the inputs in the browser zone when that is the preference', async () => {
    usePreferencesStore.setState({ timeZone: 'local' })
    const user = userEvent.setup()
    const { params } = renderControls('/view?env=prod')
    await user.click(screen.getByRole('button', { name: /^Time range/ }))
    fireEvent.change(await screen.findByLabelText('From'), {
      target: { value: '2026-11-28T06:00:00' },
    })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-28T07:00:00' } })
    await user.click(screen.getByRole('button', { name: 'Apply time range' }))
    expect(params().get('from')).toBe(new Date(2026, 10, 28, 6, 0, 0).toISOString())
    expect(params().get('to')).toBe(new Date(2026, 10, 28, 7, 0, 0).toISOString())
  })

  it.each([
    ['2026-11-28T08:00:00', '2026-11-28T07:00:00', /before its end/],
    ['2026-10-01T00:00:00', '2026-11-28T00:00:00', /at most 31 days/],
    ['', '2026-11-28T00:00:00', /Enter both a start and an end/],
  ])('refuses from=%s to=%s with a clear message', async (from, to, message) => {
    const user = userEvent.setup()
    const { params } = renderControls('/view?env=prod&from=now-1h&to=now')
    await user.click(screen.getByRole('button', { name: /^Time range/ }))
    fireEvent.change(await screen.findByLabelText('From'), { target: { value: from } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: to } })
    await user.click(screen.getByRole('button', { name: 'Apply time range' }))

    expect(screen.getByRole('alert')).toHaveTextContent(message)
    expect(screen.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('dialog', { name: 'Time range' })).toBeInTheDocument()
    expect(params().get('from')).toBe('now-1h')
  })
})

describe('TimeRangeControls: auto-refresh', () => {
  it('is off by default and writes the chosen interval to the URL', async () => {
    const user = userEvent.setup()
    const { params } = renderControls('/view?env=prod')
    const select = screen.getByRole('combobox', { name: 'Auto-refresh' })
    expect(select).toHaveValue('off')
    expect(screen.getByText('Off', { selector: '.badge' })).toBeInTheDocument()

    await user.selectOptions(select, '30 s')
    expect(params().get('refresh')).toBe('30s')
    expect(params().get('env')).toBe('prod')
    expect(screen.getByText('Every 30 s')).toBeInTheDocument()

    await user.selectOptions(select, 'Off')
    expect(params().has('refresh')).toBe(false)
  })

  it('reads the interval from the URL and ignores unknown values', () => {
    renderControls('/view?env=prod&refresh=1m')
    expect(screen.getByRole('combobox', { name: 'Auto-refresh' })).toHaveValue('1m')
  })

  it('ignores an unknown interval', () => {
    renderControls('/view?env=prod&refresh=1ms')
    expect(screen.getByRole('combobox', { name: 'Auto-refresh' })).toHaveValue('off')
  })

  it('says "Paused" while the tab is hidden', () => {
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible')
    renderControls('/view?env=prod&refresh=10s')
    expect(screen.getByText('Every 10 s')).toBeInTheDocument()

    visibility.mockReturnValue('hidden')
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'))
    })
    expect(screen.getByText(/Paused/)).toHaveTextContent('Paused while the tab is hidden')

    visibility.mockReturnValue('visible')
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'))
    })
    expect(screen.getByText('Every 10 s')).toBeInTheDocument()
  })

  it('says "Paused" with the reason the view gives', () => {
    renderControls('/view?env=prod&refresh=10s', {
      pausedReason: 'you are scrolled into the results',
    })
    expect(screen.getByText(/Paused/)).toHaveTextContent(
      'Paused while you are scrolled into the results',
    )
  })

  it('never says "Paused" when auto-refresh is off', () => {
    renderControls('/view?env=prod', { pausedReason: 'you are scrolled into the results' })
    expect(screen.queryByText(/Paused/)).not.toBeInTheDocument()
  })
})

describe('TimeRangeControls: copy link', () => {
  it('copies the current URL and says so', async () => {
    const user = userEvent.setup()
    renderControls('/view?env=prod&from=now-1h&to=now&status=FAILED')
    await user.click(screen.getByRole('button', { name: 'Copy link' }))
    expect(await navigator.clipboard.readText()).toBe(
      `${window.location.origin}/view?env=prod&from=now-1h&to=now&status=FAILED`,
    )
    expect(screen.getByText('Link copied')).toBeInTheDocument()
  })

  it('copies a relative range frozen into instants', async () => {
    const user = userEvent.setup()
    renderControls('/view?env=prod&from=now-6h&to=now&status=FAILED')
    const before = Date.now()
    await user.click(screen.getByRole('button', { name: 'Copy link with absolute time' }))
    const copied = new URL(await navigator.clipboard.readText())
    const from = Date.parse(copied.searchParams.get('from') ?? '')
    const to = Date.parse(copied.searchParams.get('to') ?? '')
    expect(copied.pathname).toBe('/view')
    expect(copied.searchParams.get('env')).toBe('prod')
    expect(copied.searchParams.get('status')).toBe('FAILED')
    expect(to - from).toBe(6 * 3_600_000)
    expect(to).toBeGreaterThanOrEqual(before)
    expect(screen.getByText('Link with absolute time copied')).toBeInTheDocument()
  })

  it('offers no absolute copy when the range is absolute already', () => {
    renderControls('/view?env=prod&from=2026-11-28T06:00:00Z&to=2026-11-28T07:00:00Z')
    expect(
      screen.queryByRole('button', { name: 'Copy link with absolute time' }),
    ).not.toBeInTheDocument()
  })

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup()
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'))
    renderControls('/view?env=prod')
    await user.click(screen.getByRole('button', { name: 'Copy link' }))
    expect(screen.getByText(/Could not copy/)).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Link to this view' })).toHaveValue(
      `${window.location.origin}/view?env=prod`,
    )
  })
})
