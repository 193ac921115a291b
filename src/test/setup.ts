import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { server } from '@/mocks/node'
import { resetMockSettings } from '@/mocks/mock-settings'
import { resetMockState } from '@/mocks/tenant-state/tenant-state'

// Every test talks to the same mock handlers the browser uses. An unhandled request fails
// the test: a wrong URL or a missing `environment` is a bug, not a silent empty result.
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  resetMockSettings()
  resetMockState()
  // Only DOM tests have storage; Node 26's own getter warns when read without a backing file.
  if (typeof window !== 'undefined') {
    window.localStorage.clear()
    window.sessionStorage.clear()
  }
})
afterAll(() => server.close())
