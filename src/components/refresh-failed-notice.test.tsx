import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { HttpError } from '@/lib/api/errors'
import { RefreshFailedNotice, type RefreshableQuery } from './refresh-failed-notice'

const now = new Date('2025-01-01T12:00:00Z')

function failedQuery(overrides: Partial<RefreshableQuery> = {}): RefreshableQuery {
  return {
    isError: true,
    error: new HttpError(503, null, '/agents'),
    data: { items: [] },
    dataUpdatedAt: now.getTime() - 120_000,
    refetch: vi.fn(),
    ...overrides,
  }
}

describe('RefreshFailedNotice', () => {
  it('says what could not be refreshed, why, and how old the data shown is', async () => {
    const query = failedQuery()
    render(<RefreshFailedNotice what="the agent list" query={query} now={now} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Could not refresh the agent list (The server failed (503))')
    expect(alert).toHaveTextContent('Showing what was loaded 2 minutes ago.')

    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(query.refetch).toHaveBeenCalledTimes(1)
  })

  it('shows nothing while the query is fine, or when there is no data to keep showing', () => {
    render(
      <>
        <RefreshFailedNotice what="a" query={failedQuery({ isError: false })} />
        <RefreshFailedNotice what="b" query={failedQuery({ data: undefined })} />
      </>,
    )
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
