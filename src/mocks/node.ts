import { setupServer } from 'msw/node'
import { handlers } from './handlers'

/** The mock server for Vitest: `server.listen({ onUnhandledFrame: 'error' })` in a setup file. */
export const server = setupServer(...handlers)
