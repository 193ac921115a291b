import type { Locator, Page } from '@playwright/test'
import { listAgentRecords } from '@/mocks/agents/agent-data'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { recordCommandPosts, switchEnvironmentFromHistory } from './support/safe-path'

/**
 * Issue 20 §1: route states in words where routes are listed, and route control for operators
 * through the one safe path, followed per agent until no target is pending. The mock's LIVE
 * agents acknowledge within about 2 s; STALE and DEAD ones never, and expire after 60 s.
 * Each test starts from the mock's seeded state (a new browser context has empty storage).
 */

/** An application of acme/<env> with LIVE agents, one of its routes, and its agents. */
function applicationWithLiveAgents(env: string, notLive = false, minLive = 1) {
  const records = listAgentRecords('acme', env)
  const apps = [...new Set(records.map((record) => record.applicationId))]
  for (const applicationId of apps) {
    const agents = records.filter((record) => record.applicationId === applicationId)
    const live = agents.filter((record) => record.status === 'LIVE')
    const others = agents.filter((record) => record.status !== 'LIVE')
    if (live.length >= minLive && (!notLive || others.length)) {
      const routeId = live[0]?.routeIds[0]
      if (routeId) return { applicationId, routeId, live, others }
    }
  }
  throw new Error(`acme/${env} has no application with LIVE agents`)
}

function routeRow(table: Locator, routeId: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: routeId, exact: true }) })
}

/**
 * Where a route is listed: the "Routes" table, or on an application's page the routes its agents
 * run that had no traffic in the range (which route is quiet depends on the mock's clock).
 */
const routesTable = (page: Page) =>
  page.getByRole('table', { name: /^(Routes|No traffic in this range)$/ })

/** The progress of a command sent from the page, under the heading its confirmation named. */
const progressOf = (page: Page, label: string) =>
  page.getByRole('region', { name: label }).getByRole('table', { name: 'Progress' })

const agentRow = (progress: Locator, agentId: string) =>
  progress.getByRole('row').filter({ hasText: agentId })

/** POST /commands requests the page sends. */
async function chooseAction(page: Page, routeId: string, action: string) {
  await routeRow(routesTable(page), routeId)
    .getByRole('button', { name: `Actions for ${routeId}` })
    .click()
  await page
    .getByRole('menu', { name: `Actions for ${routeId}` })
    .getByRole('menuitem', { name: `${action} ${routeId}` })
    .click()
}

test.describe('route control as an operator', () => {
  test('ops@acme stops a route of an application in dev with a plain confirmation and sees its state change', async ({
    page,
    signInAs,
  }) => {
    const { applicationId, routeId, live } = applicationWithLiveAgents('dev')
    await signInAs('ops@acme', { path: `/overview/${applicationId}?env=dev` })
    const row = routeRow(routesTable(page), routeId)
    await expect(row).toContainText('Started')
    const posts = recordCommandPosts(page)

    await chooseAction(page, routeId, 'Stop')
    const label = `Stop route ${routeId} on ${live.length} ${live.length === 1 ? 'agent' : 'agents'} in Development`
    const dialog = page.getByRole('alertdialog', { name: label })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel(/to confirm/)).toHaveCount(0)
    await expectNoSeriousA11yViolations(page)
    await dialog.getByRole('button', { name: label }).click()
    await expect(dialog).toBeHidden()

    const progress = progressOf(page, label)
    for (const agent of live) {
      await expect(agentRow(progress, agent.agentId)).toContainText('Acknowledged')
    }
    await expect(row).toContainText('Stopped')
    expect(posts).toHaveLength(1)

    const recent = page.getByRole('table', { name: 'Recent actions' })
    const entry = recent.getByRole('row').filter({ hasText: `Stop ${routeId}` })
    await expect(entry).toContainText('Otto Ops')
    await expect(entry).toContainText(
      live.length === 1
        ? 'Acknowledged'
        : `Acknowledged by ${live.length} of ${live.length} agents`,
    )
    await expectNoSeriousA11yViolations(page)

    // Stopped: the menu now offers Start.
    await chooseAction(page, routeId, 'Start')
    await expect(page.getByRole('alertdialog', { name: /^Start route / })).toBeVisible()
  })

  test('on an agent’s page, "Stop <route>" acts on that agent only and its state follows', async ({
    page,
    signInAs,
  }) => {
    const { applicationId, routeId, live } = applicationWithLiveAgents('dev', false, 2)
    const agentId = live[0]?.agentId ?? ''
    await signInAs('ops@acme', { path: `/agents/${agentId}?env=dev` })
    const row = routeRow(routesTable(page), routeId)
    await expect(row).toContainText('Started')
    await row.getByRole('button', { name: `Stop ${routeId}` }).click()
    const label = `Stop route ${routeId} on agent ${agentId} in Development`
    const dialog = page.getByRole('alertdialog', { name: label })
    await dialog.getByRole('button', { name: label }).click()
    await expect(agentRow(progressOf(page, label), agentId)).toContainText('Acknowledged')
    await expect(row).toContainText('Stopped')
    await expect(row.getByRole('button', { name: `Start ${routeId}` })).toBeVisible()
    await expect(
      page.getByRole('table', { name: 'Recent actions' }).getByRole('row').nth(1),
    ).toContainText(`Stop ${routeId}`)

    // Elsewhere the route is stopped on one of the application's LIVE agents.
    await page.goto(`/metrics?env=dev&routesApp=${applicationId}`)
    await expect(
      routesTable(page)
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: routeId, exact: true }) }),
    ).toContainText(`Stopped on 1 of ${live.length} agents`)
  })

  test('in production, admin@acme must type prod; the action is in the audit log', async ({
    page,
    signInAs,
  }) => {
    // ops@acme is only a viewer in prod (the contract's demo users), so an admin acts there.
    const { applicationId, routeId, live } = applicationWithLiveAgents('prod')
    await signInAs('admin@acme', { path: `/overview/${applicationId}?env=prod` })
    await chooseAction(page, routeId, 'Suspend')
    const label = `Suspend route ${routeId} on ${live.length} agents in Production`
    const dialog = page.getByRole('alertdialog', { name: label })
    const confirm = dialog.getByRole('button', { name: label })
    await expect(confirm).toBeDisabled()
    await dialog.getByLabel('Type prod to confirm').fill('pro')
    await expect(confirm).toBeDisabled()
    await dialog.getByLabel('Type prod to confirm').fill('prod')
    await expect(confirm).toBeEnabled()
    await expectNoSeriousA11yViolations(page)
    await confirm.click()
    const progress = progressOf(page, label)
    await expect(progress.getByText('Acknowledged', { exact: true })).toHaveCount(live.length)
    await expect(page.getByRole('region', { name: label }).getByRole('status')).toHaveText(
      `Acknowledged by ${live.length} of ${live.length} agents`,
    )
    await expect(routeRow(routesTable(page), routeId)).toContainText('Suspended')

    await page.goto('/admin/audit?env=prod&action=route.suspend')
    const audit = page.getByRole('table', { name: 'Audit log' })
    await expect(audit.getByRole('row').nth(1)).toContainText(`${applicationId}/${routeId}`)
  })

  test('a switch of environment with the dialog open closes it and sends nothing', async ({
    page,
    signInAs,
  }) => {
    const { applicationId, routeId } = applicationWithLiveAgents('dev')
    await signInAs('ops@acme', { path: `/overview/${applicationId}?env=dev` })
    const posts = recordCommandPosts(page)
    await chooseAction(page, routeId, 'Stop')
    const dialog = page.getByRole('alertdialog', { name: /^Stop route / })
    await expect(dialog).toBeVisible()
    await switchEnvironmentFromHistory(page, 'staging')
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('banner')).toContainText('Operator in Staging')
    expect(posts).toEqual([])
  })
})

test('a switch of environment while a command is followed stops its polling', async ({
  page,
  signInAs,
}) => {
  await page.clock.install()
  const { applicationId, routeId } = applicationWithLiveAgents('dev')
  await signInAs('ops@acme', { path: `/overview/${applicationId}?env=dev` })
  // Paused only once the page has its data: a clock paused earlier also holds the mock's
  // answers (their latency is a timer), and the page would wait for them forever.
  await expect(routeRow(routesTable(page), routeId)).toContainText('Started')
  await page.clock.pauseAt(Date.now() + 1_000)
  await chooseAction(page, routeId, 'Stop')
  const dialog = page.getByRole('alertdialog', { name: /^Stop route / })
  await dialog.getByRole('button', { name: /^Stop route / }).click()
  const followed = page.getByRole('region', { name: /^Stop route / })
  await expect(followed.getByRole('status')).toContainText('Waiting for')

  const afterSwitch: string[] = []
  await page
    .getByRole('banner')
    .getByRole('combobox', { name: 'Environment' })
    .selectOption('staging')
  await expect(page.getByRole('banner')).toContainText('Operator in Staging')
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/commands/')) afterSwitch.push(request.url())
  })
  await expect(followed).toHaveCount(0)
  // Time enough for many polls (one a second while a target is pending), and for the agents
  // to answer: the old environment's command is not read again.
  await page.clock.runFor(10_000)
  expect(afterSwitch).toEqual([])
})

test.describe('when agents fail or do not answer', () => {
  test.use({ mockSettings: { failCommands: true } })

  test('a failed agent says why', async ({ page, signInAs }) => {
    const { routeId, live } = applicationWithLiveAgents('dev')
    const agentId = live[0]?.agentId ?? ''
    await signInAs('ops@acme', { path: `/agents/${agentId}?env=dev` })
    await routeRow(routesTable(page), routeId)
      .getByRole('button', { name: `Stop ${routeId}` })
      .click()
    const label = `Stop route ${routeId} on agent ${agentId} in Development`
    await page
      .getByRole('alertdialog', { name: label })
      .getByRole('button', { name: label })
      .click()
    await expect(agentRow(progressOf(page, label), agentId)).toContainText(
      `Failed: Route ${routeId} could not be stopped`,
    )
    await expect(routeRow(routesTable(page), routeId)).toContainText('Started')
    await expect(
      page.getByRole('table', { name: 'Recent actions' }).getByRole('row').nth(1),
    ).toContainText('Failed: Route')
  })
})

test('an agent that is not LIVE expires after 60 s', async ({ page, signInAs }) => {
  await page.clock.install()
  const { applicationId, routeId, live, others } = applicationWithLiveAgents('dev', true)
  const stale = others[0]?.agentId ?? ''
  await signInAs('ops@acme', { path: `/overview/${applicationId}?env=dev` })
  // The UI sends to every LIVE agent (or to one LIVE agent on its page); a named target that is
  // not LIVE is sent here as another client may, so the contract's expiry shows.
  const status = await page.evaluate(
    async ({ body }) => {
      const token = localStorage.getItem('cameleer3:session-token') ?? ''
      const response = await fetch('/api/v1/commands?environment=dev', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': 'e2e-expiry',
        },
        body: JSON.stringify(body),
      })
      return response.status
    },
    {
      body: {
        type: 'route-control',
        applicationId,
        routeId,
        action: 'stop',
        agentIds: [live[0]?.agentId, stale],
      },
    },
  )
  expect(status).toBe(202)
  await page.reload()
  const recent = page.getByRole('table', { name: 'Recent actions' })
  await expect(recent.getByRole('row').nth(1)).toContainText('Waiting for')
  await page.clock.fastForward(61_000)
  await page.reload()
  await expect(recent.getByRole('row').nth(1)).toContainText(
    'Acknowledged by 1 of 2 agents; expired on 1',
  )
  const entry = recent.getByRole('row').nth(1)
  await entry.getByText('Per agent').click()
  await expect(entry.getByRole('listitem').filter({ hasText: stale })).toContainText(
    'Expired: the agent did not answer within 60 s',
  )
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the dialog, the menu and the pages pass axe in the ${colorScheme} theme`, async ({
    page,
    signInAs,
  }) => {
    await page.emulateMedia({ colorScheme })
    const { applicationId, routeId, live } = applicationWithLiveAgents('dev')
    await signInAs('ops@acme', { path: `/overview/${applicationId}?env=dev` })
    await expect(routeRow(routesTable(page), routeId)).toContainText('Started')
    await routeRow(routesTable(page), routeId)
      .getByRole('button', { name: `Actions for ${routeId}` })
      .click()
    await expect(page.getByRole('menu', { name: `Actions for ${routeId}` })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('alertdialog', { name: /^Stop route / })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /^Stop route / })
      .click()
    await expect(page.getByText('Acknowledged', { exact: true }).first()).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.goto(`/agents/${live[0]?.agentId ?? ''}?env=dev`)
    await expect(page.getByRole('table', { name: 'Recent actions' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
}

test.describe('what a viewer sees', () => {
  test('ops@acme, a viewer in prod, sees states and recent actions, no action', async ({
    page,
    signInAs,
  }) => {
    const prod = applicationWithLiveAgents('prod')
    await signInAs('ops@acme', { path: `/overview/${prod.applicationId}?env=prod` })
    await expect(routeRow(routesTable(page), prod.routeId)).toContainText('Started')
    await expect(page.getByRole('button', { name: /^Actions for / })).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Recent actions' })).toBeVisible()
    await page.goto(`/agents/${prod.live[0]?.agentId ?? ''}?env=prod`)
    await expect(routeRow(routesTable(page), prod.routeId)).toContainText('Started')
    await expect(routesTable(page).getByRole('button')).toHaveCount(0)
  })

  test('dev@acme, a viewer in staging, sees no action', async ({ page, signInAs }) => {
    const staging = applicationWithLiveAgents('staging')
    await signInAs('dev@acme', { path: `/overview/${staging.applicationId}?env=staging` })
    await expect(routeRow(routesTable(page), staging.routeId)).toContainText('Started')
    await expect(page.getByRole('button', { name: /^Actions for / })).toHaveCount(0)
  })
})
