import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderPage } from '@/test/render-page'
import { ActiveRole } from './active-role'

describe('ActiveRole', () => {
  it.each([
    ['ops@acme', 'prod', 'Viewer in Production'],
    ['ops@acme', 'staging', 'Operator in Staging'],
    ['dev@acme', 'dev', 'Operator in Development'],
    ['admin@acme', 'prod', 'Admin in Production'],
  ])('says %s’s role in %s in words', async (user, env, text) => {
    await renderPage({ path: '/agents', element: <ActiveRole />, url: `/agents?env=${env}`, user })
    expect(await screen.findByText(text)).toBeInTheDocument()
  })
})
