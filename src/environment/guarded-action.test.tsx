import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderPage } from '@/test/render-page'
import { GuardedAction } from './guarded-action'

function Controls() {
  return (
    <>
      <GuardedAction action="replay" showWhenDenied onClick={() => {}}>
        Replay…
      </GuardedAction>
      <GuardedAction action="route-control" onClick={() => {}}>
        Stop route
      </GuardedAction>
    </>
  )
}

describe('GuardedAction', () => {
  it('offers what the role allows in the active environment', async () => {
    await renderPage({ path: '/x', element: <Controls />, url: '/x?env=staging', user: 'ops@acme' })
    expect(await screen.findByRole('button', { name: 'Stop route' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Replay…' })).toBeEnabled()
  })

  it('hides what it does not, or disables it saying which role is needed where', async () => {
    await renderPage({ path: '/x', element: <Controls />, url: '/x?env=prod', user: 'ops@acme' })
    const replay = await screen.findByRole('button', {
      name: 'Replay…',
      description: 'Requires the operator role in Production',
    })
    expect(replay).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Stop route' })).toBeNull()
  })
})
