/** Build-time configuration. The deployable bundle talks to `/api/v1` on its own origin. */
export const appConfig = {
  apiBaseUrl: '/api/v1',
  /** True in `npm run dev` and the mock build; false (and tree-shaken) in `npm run build`. */
  mocksEnabled: __MOCKS__,
} as const
