import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type Page } from '@playwright/test'
import {
  findDemoUser,
  signDemoToken,
  signToken,
  type SignTokenOptions,
} from '@/mocks/auth/auth-tokens'
import { MOCK_SETTINGS_STORAGE_KEY, type MockSettings } from '@/mocks/mock-settings'
import { recordCspViolations } from './csp'

/**
 * What every spec builds on: a page whose mock server is fast and faultless unless a test
 * says otherwise, sign-in through the SaaS hand-off, tokens that are broken on purpose, and
 * an accessibility scan. Every test fails on a Content-Security-Policy or Trusted Types
 * violation (`vite preview` sends the production policy, see deploy/security-headers.ts).
 */

/** Zero latency (the browser default is 80–250 ms of jitter) and no injected faults. */
export const defaultMockSettings: MockSettings = {
  latencyMs: 0,
  latencyByEnvironment: {},
  errorRate: 0,
  errorRateByEnvironment: {},
  malformedRate: 0,
  revokedEnvironments: [],
  hostileBody: null,
  logLinesPerSecond: 0,
  failCommands: false,
}

/**
 * Set on the first document of a test only: later reloads keep whatever the test changed
 * with `updateMockSettings` (sessionStorage lives exactly as long as the tab).
 */
const APPLIED_FLAG = 'cameleer3:e2e:mock-settings-applied'

/** Change the mock's behaviour in a running page; the next request already sees it. */
export async function updateMockSettings(
  page: Page,
  settings: Partial<MockSettings>,
): Promise<void> {
  await page.evaluate(
    ({ key, patch }) => {
      const current = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>
      localStorage.setItem(key, JSON.stringify({ ...current, ...patch }))
    },
    { key: MOCK_SETTINGS_STORAGE_KEY, patch: settings },
  )
}

/** The display name the banner shows for a demo user. */
export function demoUserName(username: string): string {
  const user = findDemoUser(username)
  if (!user) throw new Error(`No demo user "${username}"`)
  return user.name
}

/** Tokens that must not open a session, each for its own reason. */
export const badTokens = {
  /** Not a JWT at all. */
  malformed: () => 'this-is.not-a.jwt',
  /** Correctly signed, but expired a minute ago. */
  expired: (username = 'admin@acme') => signDemoToken(username, { expiresInSeconds: -60 }),
  /** Correctly signed and valid, but without a `tenant` claim. */
  noTenant: () => signToken({ sub: 'nobody@nowhere', name: 'No Tenant', roles: ['viewer'] }),
  /** Looks valid to the UI (which cannot check signatures), but the server answers 401. */
  wrongSecret: (username = 'admin@acme') =>
    signDemoToken(username, { secret: 'not-the-cameleer-dev-secret' }),
}

export function demoToken(username: string, options: SignTokenOptions = {}): Promise<string> {
  return signDemoToken(username, options)
}

/** The URL of a SaaS hand-off: the token travels in the fragment, never in the query. */
export function handoffUrl(token: string, path = '/agents'): string {
  return `${path}#access_token=${encodeURIComponent(token)}`
}

export interface A11yViolationSummary {
  id: string
  impact: string | null | undefined
  help: string
  helpUrl: string
  targets: string[]
}

/** Runs axe on the current page and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious: A11yViolationSummary[] = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }))
  const report = serious
    .map(
      (violation) =>
        `- ${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.helpUrl}\n` +
        violation.targets.map((target) => `    element: ${target}`).join('\n'),
    )
    .join('\n')
  expect(
    serious.map((violation) => violation.id),
    `Serious or critical accessibility violations on ${page.url()}:\n${report}`,
  ).toEqual([])
}

interface Fixtures {
  /** Written to localStorage before any app code runs; merged over `defaultMockSettings`. */
  mockSettings: Partial<MockSettings>
  /**
   * Signs in through the SaaS hand-off (`<path>#access_token=…`) and waits until the banner
   * shows the user. `path` defaults to `/agents`.
   */
  signInAs: (
    username: string,
    options?: { path?: string; token?: SignTokenOptions },
  ) => Promise<void>
}

export const test = base.extend<Fixtures>({
  mockSettings: [{}, { option: true }],

  // The fixture callback is named `provide`, not `use`: the React hooks lint rule would take
  // `use(…)` for React's `use` hook.
  page: async ({ page, mockSettings }, provide) => {
    const cspViolations = await recordCspViolations(page)
    await page.addInitScript(
      ({ key, value, flag }) => {
        try {
          if (sessionStorage.getItem(flag)) return
          localStorage.setItem(key, value)
          sessionStorage.setItem(flag, '1')
        } catch {
          // about:blank and other opaque origins have no storage; the app never runs there.
        }
      },
      {
        key: MOCK_SETTINGS_STORAGE_KEY,
        value: JSON.stringify({ ...defaultMockSettings, ...mockSettings }),
        flag: APPLIED_FLAG,
      },
    )
    await provide(page)
    expect(cspViolations, 'Content-Security-Policy or Trusted Types violations').toEqual([])
  },

  signInAs: async ({ page }, provide) => {
    await provide(async (username, options = {}) => {
      const token = await signDemoToken(username, options.token)
      await page.goto(handoffUrl(token, options.path ?? '/agents'))
      await expect(page.getByRole('banner')).toContainText(demoUserName(username))
    })
  },
})

export { expect }
