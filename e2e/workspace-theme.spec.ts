import type { Page } from '@playwright/test'
import { agentIdsOf, agentsTable } from './support/agents'
import { executionPath, requireExecution, requireSample } from './support/executions'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

/** Themes: the header's "Theme" control, remembered per user, applied before the first paint. */

const LIGHT_BG = 'rgb(247, 247, 245)'
const DARK_BG = 'rgb(20, 21, 23)'

/**
 * Records, from an init script (before any page script), the theme and background of the
 * document at DOMContentLoaded and at the first animation frame: what the first paint shows.
 */
async function recordFirstPaint(page: Page) {
  await page.addInitScript(() => {
    const record = (moment: string) => {
      const root = document.documentElement
      const seen = ((window as unknown as { __firstPaint?: object[] }).__firstPaint ??= [])
      seen.push({
        moment,
        theme: root.getAttribute('data-theme'),
        background: getComputedStyle(root).backgroundColor,
      })
    }
    document.addEventListener('DOMContentLoaded', () => record('DOMContentLoaded'))
    requestAnimationFrame(() => record('first frame'))
  })
}

async function firstPaint(page: Page) {
  await page.waitForFunction(
    () => ((window as unknown as { __firstPaint?: object[] }).__firstPaint ?? []).length >= 2,
  )
  const seen = await page.evaluate(
    () => (window as unknown as { __firstPaint: Array<{ moment: string }> }).__firstPaint,
  )
  // Which comes first depends on the machine; both must show the stored theme.
  return seen.sort((a, b) => a.moment.localeCompare(b.moment))
}

function themeControl(page: Page) {
  return page.getByRole('combobox', { name: 'Theme' })
}

async function backgroundOf(page: Page) {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
}

test('switching the theme applies it at once and a reload paints it from the first frame', async ({
  page,
  signInAs,
}) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  await expect(themeControl(page)).toHaveValue('system')
  expect(await backgroundOf(page)).toBe(LIGHT_BG)

  await themeControl(page).selectOption({ label: 'Dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await backgroundOf(page)).toBe(DARK_BG)

  await recordFirstPaint(page)
  await page.reload()
  expect(await firstPaint(page)).toEqual([
    { moment: 'DOMContentLoaded', theme: 'dark', background: DARK_BG },
    { moment: 'first frame', theme: 'dark', background: DARK_BG },
  ])
  await expect(themeControl(page)).toHaveValue('dark')

  // Light stays light on a dark system.
  await themeControl(page).selectOption({ label: 'Light' })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.reload()
  expect(await firstPaint(page)).toEqual([
    { moment: 'DOMContentLoaded', theme: 'light', background: LIGHT_BG },
    { moment: 'first frame', theme: 'light', background: LIGHT_BG },
  ])
})

test('"Follow the system" follows it, live and on load', async ({ page, signInAs }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await recordFirstPaint(page)
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  await expect(themeControl(page)).toHaveValue('system')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  expect(await backgroundOf(page)).toBe(LIGHT_BG)
})

test('the choice is per user: another user of the tenant keeps their own', async ({
  page,
  signInAs,
}) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  await themeControl(page).selectOption({ label: 'Dark' })
  await page.getByRole('button', { name: 'Sign out' }).click()
  // The sign-in page keeps the last choice made on this browser.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

  await signInAs('dev@acme', { path: '/agents?env=staging' })
  await expect(themeControl(page)).toHaveValue('system')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.getByRole('button', { name: 'Sign out' }).click()

  await recordFirstPaint(page)
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  await expect(themeControl(page)).toHaveValue('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})

test('production stays unmistakable in dark: the label and the strip', async ({
  page,
  signInAs,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await signInAs('admin@acme', { path: '/agents?env=prod' })
  await expect(page.getByRole('banner')).toContainText('PRODUCTION')
  await expect(page.getByRole('note')).toContainText('You are looking at production')
  const colours = await page.evaluate(() => {
    const label = document.querySelector('.prod-label') as HTMLElement
    return {
      label: getComputedStyle(label).backgroundColor,
      header: getComputedStyle(document.querySelector('.app-header') as HTMLElement)
        .borderBottomColor,
    }
  })
  expect(colours).toEqual({ label: 'rgb(255, 107, 97)', header: 'rgb(255, 107, 97)' })
})

// ------------------------------------------------------------------- axe, every page, both themes

test.describe('every page passes axe in both themes', () => {
  test.describe.configure({ timeout: 180_000 })

  const pages: Array<{ name: string; open: (page: Page) => Promise<void> }> = [
    {
      name: 'overview (production)',
      open: async (page) => {
        await page.goto('/overview?env=prod')
        const table = page.getByRole('table', { name: 'Applications' })
        await expect(table.getByRole('link').first()).toBeVisible()
        await page.getByText('How health is decided').click()
      },
    },
    {
      name: 'an application',
      open: async (page) => {
        await page.goto('/overview/order-service?env=prod')
        await expect(page.getByRole('table', { name: 'Routes' })).toBeVisible()
        // Its charts drawn: their axes, grid and series colours are scanned too.
        const chart = page.getByRole('figure', { name: 'Throughput and failures', exact: true })
        await expect(chart.locator('svg .chart-line path[d*="L"]').first()).toBeAttached()
      },
    },
    {
      name: 'a route’s diagram',
      open: async (page) => {
        await page.goto('/overview/order-service/routes/order-intake?env=prod')
        await expect(page.getByRole('table', { name: 'Processors of order-intake' })).toBeVisible()
        // The diagram drawn, with the range's figures on its nodes.
        await expect(page.locator('.react-flow__node').first()).toContainText(/runs? ·|no runs/)
      },
    },
    {
      name: 'agents (production)',
      open: async (page) => {
        await page.goto('/agents?env=prod')
        await expect(agentsTable(page).getByRole('link').first()).toBeVisible()
      },
    },
    {
      name: 'an agent',
      open: async (page) => {
        const [agentId] = agentIdsOf('acme', 'prod', 'DEAD')
        await page.goto(`/agents/${agentId}?env=prod`)
        await expect(page.getByRole('table', { name: 'Lifecycle events' })).toBeVisible()
      },
    },
    {
      name: 'executions',
      open: async (page) => {
        await page.goto('/executions?env=staging')
        await expect(
          page.getByRole('region', { name: 'Results' }).getByRole('link').first(),
        ).toBeVisible()
      },
    },
    {
      name: 'an execution (timeline, diagram, bodies)',
      open: async (page) => {
        await page.goto('/executions?env=prod')
        await page.getByRole('region', { name: 'Results' }).getByRole('link').first().click()
        await expect(page.getByRole('treegrid', { name: 'Processor timeline' })).toBeVisible()
      },
    },
    {
      name: "an execution's message at a step, in an iteration",
      open: async (page) => {
        const execution = requireExecution(requireSample('manyProcessors'))
        const index = execution.processors.findIndex((p) => p.iterations !== null && p.snapshot)
        await page.goto(`${executionPath(execution.executionId)}&processor=${index}&iteration=7`)
        const region = page.getByRole('region', { name: /^Message at this step/ })
        await expect(region.getByRole('group', { name: 'Iterations' })).toContainText(
          'Iteration 7 of',
        )
        await expect(region.getByRole('region', { name: 'What changed' })).not.toContainText(
          'Comparing the bodies',
        )
      },
    },
    ...(
      [
        ['logs', '/logs?env=prod', 'Logs'],
        ['metrics', '/metrics?env=prod', 'Metrics'],
        ['usage', '/usage?env=prod', 'Usage'],
      ] as const
    ).map(([name, path, heading]) => ({
      name: `${name} (with its charts)`,
      open: async (page: Page) => {
        await page.goto(path)
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
        if (name === 'metrics') {
          // Charts are a route's: open the first one.
          await page
            .getByRole('table', { name: 'Routes' })
            .getByRole('row')
            .nth(1)
            .getByRole('button')
            .click()
          const chart = page.getByRole('figure', { name: 'Throughput and failures', exact: true })
          await chart.scrollIntoViewIfNeeded()
          await expect(chart.locator('svg .chart-line path[d*="L"]').first()).toBeAttached()
          return
        }
        // A drawn chart: its axes, grid and series colours are scanned too.
        await expect(page.locator('main svg.chart-surface').first()).toBeVisible()
      },
    })),
    ...(
      [
        ['open alerts', '/alerts?env=prod', 'Open alerts'],
        ['alert history', '/alerts/history?env=prod', 'History'],
        ['alert rules', '/alerts/rules?env=prod', 'Alert rules'],
      ] as const
    ).map(([name, path, table]) => ({
      name,
      open: async (page: Page) => {
        await page.goto(path)
        await expect(page.getByRole('table', { name: table }).getByRole('row').nth(1)).toBeVisible()
      },
    })),
    {
      name: 'silences',
      open: async (page) => {
        await page.goto('/alerts/silences?env=prod')
        await expect(page.getByText('No silences in prod')).toBeVisible()
      },
    },
    {
      name: 'a new alert rule with its preview',
      open: async (page) => {
        await page.goto('/alerts/rules/new?env=prod')
        await page.getByRole('radio', { name: 'Agent state' }).check()
        await expect(page.getByText(/^Would have fired/)).toBeVisible()
        const chart = page.getByRole('figure', { name: 'DEAD agents and threshold' })
        await chart.scrollIntoViewIfNeeded()
        await expect(chart.locator('svg .chart-line path[d*="L"]').first()).toBeAttached()
      },
    },
    {
      name: 'the New silence dialog',
      open: async (page) => {
        await page.goto('/alerts/silences?env=staging')
        await page.getByRole('button', { name: 'New silence' }).click()
        await expect(page.getByRole('alertdialog', { name: 'New silence' })).toBeVisible()
      },
    },
    {
      name: 'the Copy to environment dialog',
      open: async (page) => {
        await page.goto('/alerts/rules?env=staging')
        await page
          .getByRole('table', { name: 'Alert rules' })
          .getByRole('link', { name: 'Stale agents' })
          .click()
        await page.getByRole('button', { name: 'Copy to environment…' }).click()
        await expect(page.getByRole('alertdialog')).toContainText(/differs in|copying creates/)
      },
    },
    {
      name: 'the alert bell’s dialog',
      open: async (page) => {
        await page.goto('/agents?env=staging')
        await page
          .getByRole('banner')
          .getByRole('button', { name: /^Alerts: / })
          .click()
        await expect(
          page
            .getByRole('dialog', { name: 'Open alerts' })
            .getByText('Payment gateway agents dead'),
        ).toBeVisible()
      },
    },
    {
      name: 'the keyboard shortcuts dialog',
      open: async (page) => {
        await page.goto('/agents?env=staging')
        await expect(agentsTable(page).getByRole('link').first()).toBeVisible()
        await page.keyboard.press('?')
        await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
      },
    },
    {
      name: 'admin: environments, and the New environment dialog',
      open: async (page) => {
        await page.goto('/admin/environments?env=prod')
        await expect(page.getByRole('table', { name: 'Environments' })).toBeVisible()
        await page.getByRole('button', { name: 'New environment' }).click()
        await expect(page.getByRole('alertdialog', { name: 'New environment' })).toBeVisible()
      },
    },
    {
      name: 'admin: people, and an access dialog',
      open: async (page) => {
        await page.goto('/admin/people?env=prod')
        await page.getByRole('button', { name: 'Edit access of Otto Ops' }).click()
        await expect(page.getByRole('alertdialog', { name: 'Access for Otto Ops' })).toBeVisible()
      },
    },
    {
      name: 'admin: the audit log',
      open: async (page) => {
        await page.goto('/admin/audit?env=prod&from=now-7d&to=now')
        await expect(
          page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1),
        ).toBeVisible()
      },
    },
    {
      name: 'the Go to dialog',
      open: async (page) => {
        await page.goto('/agents?env=staging')
        await expect(agentsTable(page).getByRole('link').first()).toBeVisible()
        // The header's tools load beside the page: the shortcut works once its button shows.
        await expect(page.getByRole('button', { name: 'Go to' })).toBeVisible()
        await page.keyboard.press('Control+K')
        const dialog = page.getByRole('dialog', { name: 'Go to' })
        await expect(dialog.getByRole('option').first()).toBeVisible()
        await dialog.getByRole('combobox', { name: 'Go to' }).fill('order')
        await expect(dialog.getByRole('option').first()).toBeVisible()
      },
    },
    {
      name: 'a link notice',
      open: async (page) => {
        await page.goto('/agents?env=staging')
        await expect(agentsTable(page).getByRole('link').first()).toBeVisible()
        await page.goto('/executions?env=prod&from=2026-01-01T00:00:00Z&to=2026-01-01T02:00:00Z')
        await expect(page.getByRole('alert')).toContainText('This link opened Production (prod).')
      },
    },
  ]

  for (const theme of ['light', 'dark'] as const) {
    test(`the sign-in page, ${theme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme })
      await page.goto('/login')
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
      await expectNoSeriousA11yViolations(page)
    })

    test(`the app's pages, ${theme}`, async ({ page, signInAs }) => {
      await page.emulateMedia({ colorScheme: 'light' })
      await signInAs('admin@acme', { path: '/agents?env=staging' })
      await themeControl(page).selectOption(theme)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      for (const view of pages) {
        await test.step(view.name, async () => {
          await view.open(page)
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
          await expectNoSeriousA11yViolations(page)
        })
      }
    })
  }
})
