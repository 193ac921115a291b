import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

/**
 * End-to-end tests run against the production-style bundle that still starts the MSW mock
 * (`npm run build:mock`), served by `vite preview`: the same code users get, minus a server.
 */
const ci = !!process.env.CI
// E2E_PORT: run beside another preview server (several checkouts on one machine).
const port = Number(process.env.E2E_PORT ?? 4173)
const baseURL = `http://localhost:${port}`

// Playwright cannot download its own browsers on every machine; Debian's chromium works as well
// (`e2e/support/ensure-browser.ts` installs one of the two).
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const launchOptions = existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  // The machines this runs on have two cores; more workers only make every test slower.
  workers: 2,
  // Generous: the machines are small and often busy with other work (builds, unit tests).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    command: `npm run build:mock && npm run preview:mock -- --port ${port}`,
    url: baseURL,
    reuseExistingServer: !ci,
    // A cold production build on a small machine takes a while.
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
