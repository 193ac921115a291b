import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { IgnoredLinkValue } from '@/lib/url-state/url-state'
import { IgnoredLinkValues } from './ignored-link-values'

function renderNotice(url: string, rangeProblem: string | null, problems: IgnoredLinkValue[]) {
  const router = createMemoryRouter(
    [
      {
        path: '/view',
        element: <IgnoredLinkValues rangeProblem={rangeProblem} problems={problems} />,
      },
    ],
    { initialEntries: ['/start', url], initialIndex: 1 },
  )
  render(<RouterProvider router={router} />)
  return router
}

describe('IgnoredLinkValues', () => {
  it('says nothing when the link was read whole', () => {
    renderNotice('/view?env=prod', null, [])
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('lists what was ignored and removes exactly those values from the link, in place', async () => {
    const router = renderNotice(
      '/view?env=prod&status=BOGUS&q=ok&from=yesterday&to=now',
      'The time range “yesterday” could not be read; showing the last hour.',
      [{ param: 'status', message: 'Status “BOGUS” is not one of COMPLETED, FAILED, RUNNING.' }],
    )
    const notice = screen.getByRole('alert')
    expect(notice).toHaveTextContent('Some values in this link were ignored')
    expect(notice).toHaveTextContent('could not be read')
    expect(notice).toHaveTextContent('Status “BOGUS”')

    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove them from the link' }))
    expect(router.state.location.search).toBe('?env=prod&q=ok')
    // Replaced, not pushed: Back leaves the page instead of bringing the bad link back.
    expect(router.state.historyAction).toBe('REPLACE')
  })
})
