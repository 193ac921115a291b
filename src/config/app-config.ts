/**
 * Build-time configuration. The deployable bundle talks to `/api/v1` on its own origin.
 * Whether the mock runs is the `__MOCKS__` constant (vite.config.ts), read where it is used so
 * the bundler can drop the mock branch entirely.
 */
export const appConfig = {
  apiBaseUrl: '/api/v1',
} as const
