/** The mock's demo users (see the contract). Shown on the sign-in page only when mocks run. */
export const demoUsers = [
  { username: 'admin@acme', description: 'acme · admin · all environments' },
  {
    username: 'ops@acme',
    description: 'acme · operator in dev and staging, viewer in prod',
  },
  {
    username: 'dev@acme',
    description: 'acme · operator in dev, viewer in staging, no prod',
  },
  { username: 'admin@beta', description: 'beta · admin' },
  { username: 'user@default', description: 'default · viewer' },
] as const

export const demoPassword = 'demo'
