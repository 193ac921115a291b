/// <reference types="msw/vite/client" />
import { handlers } from './handlers'

/**
 * Starts the mock in the browser (dev server, mock build, Playwright) through the MSW Vite
 * plugin's `virtual:msw` network. Anything that is not an API call (scripts, styles, fonts,
 * HMR) passes through silently. Resolve before the app's first request.
 */
export async function startMockServer(): Promise<void> {
  const { network } = await import('virtual:msw')
  network.configure({ handlers, onUnhandledFrame: 'bypass' })
  await network.enable()
}
