import type { Page } from '@playwright/test'
import {
  agentIdsOf,
  agentsTable,
  readPaintedIds,
  visibleAgentIds,
  watchForIds,
  watchForIdsFromStart,
} from './support/agents'
import { demoToken, expect, handoffUrl, test } from './support/fixtures'

function environmentSelect(page: Page) {
  return page.getByRole('banner').getByRole('combobox', { name: 'Environment' })
}

/** Waits until the table shows rows, every one of them of this tenant and environment. */
async function expectRowsOf(page: Page, tenant: string, env: string): Promise<string[]> {
  const expected = new Set(agentIdsOf(tenant, env))
  await expect
    .poll(
      async () => {
        const ids = await visibleAgentIds(page)
        return ids.length > 0 && ids.every((id) => expected.has(id))
      },
      { message: `the table shows only agents of ${tenant}/${env}` },
    )
    .toBe(true)
  return visibleAgentIds(page)
}

/** Every API request the page makes, to check which environments were asked for. */
function recordApiRequests(page: Page): URL[] {
  const requests: URL[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/')) requests.push(url)
  })
  return requests
}

test('switching environment changes the rows and the URL', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/agents?env=prod' })
  const prodIds = await expectRowsOf(page, 'acme', 'prod')

  await environmentSelect(page).selectOption('staging')

  await expect(page).toHaveURL(/[?&]env=staging(&|$)/)
  await expect(environmentSelect(page)).toHaveValue('staging')
  const stagingIds = await expectRowsOf(page, 'acme', 'staging')
  expect(stagingIds.filter((id) => prodIds.includes(id))).toEqual([])
})

test('a deep link opens its environment and filter', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/agents?env=staging&status=LIVE' })

  await expect(environmentSelect(page)).toHaveValue('staging')
  const live = agentIdsOf('acme', 'staging', 'LIVE')
  await expect
    .poll(() => visibleAgentIds(page).then((ids) => ids.toSorted()))
    .toEqual(live.toSorted())
  // Staging has agents that are not LIVE, so the filter really removed rows.
  expect(agentIdsOf('acme', 'staging').length).toBeGreaterThan(live.length)
  await expect(page).toHaveURL(/[?&]status=LIVE(&|$)/)
})

test('a reload keeps the session and the environment', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/agents?env=prod' })
  await environmentSelect(page).selectOption('staging')
  await expectRowsOf(page, 'acme', 'staging')

  await page.reload()

  await expect(page.getByRole('banner')).toContainText('Ada Admin')
  await expect(environmentSelect(page)).toHaveValue('staging')
  await expect(page).toHaveURL(/[?&]env=staging(&|$)/)
  await expectRowsOf(page, 'acme', 'staging')
})

test('the last environment chosen is used when a link names none', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/agents?env=prod' })
  await environmentSelect(page).selectOption('staging')
  await expectRowsOf(page, 'acme', 'staging')

  await page.goto('/agents')

  await expect(page).toHaveURL(/[?&]env=staging(&|$)/)
  await expectRowsOf(page, 'acme', 'staging')
})

test('an environment the user may not see falls back with an alert, and its data never shows', async ({
  page,
}) => {
  const requests = recordApiRequests(page)
  await watchForIdsFromStart(page, agentIdsOf('acme', 'prod'))

  // dev@acme may see dev and staging only.
  await page.goto(handoffUrl(await demoToken('dev@acme'), '/agents?env=prod'))

  await expect(page.getByRole('banner')).toContainText('Dev Eloper')
  await expect(page.getByRole('alert').filter({ hasText: 'prod' })).toContainText(
    'not an environment you can see',
  )
  await expect(page).toHaveURL(/[?&]env=dev(&|$)/)
  await expect(environmentSelect(page)).toHaveValue('dev')
  await expectRowsOf(page, 'acme', 'dev')
  await expect(environmentSelect(page).getByRole('option')).toHaveCount(2)

  expect(await readPaintedIds(page)).toEqual([])
  const prodRequests = requests.filter((url) => url.searchParams.get('environment') === 'prod')
  expect(prodRequests.map(String)).toEqual([])
  await expect(page.getByRole('banner')).not.toContainText('PRODUCTION')
})

test('production is labelled PRODUCTION in the banner, other environments are not', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/agents?env=prod' })
  await expect(page.getByRole('banner')).toContainText('PRODUCTION')

  await environmentSelect(page).selectOption('dev')
  await expectRowsOf(page, 'acme', 'dev')
  await expect(page.getByRole('banner')).not.toContainText('PRODUCTION')
})

test('navigation links keep the environment', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  const nav = page.getByRole('navigation', { name: 'Main' })

  await nav.getByRole('link', { name: 'Executions' }).click()
  await expect(page).toHaveURL(/\/executions\?(.*&)?env=staging(&|$)/)
  await expect(environmentSelect(page)).toHaveValue('staging')

  await nav.getByRole('link', { name: 'Agents' }).click()
  await expect(page).toHaveURL(/\/agents\?(.*&)?env=staging(&|$)/)
  const [first] = await expectRowsOf(page, 'acme', 'staging')
  if (!first) throw new Error('no agent row')

  await agentsTable(page).getByRole('link', { name: first, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/agents/${first}\\?(.*&)?env=staging(&|$)`))
})

test.describe('a token of another tenant', () => {
  async function expectBetaOnly(page: Page): Promise<void> {
    const banner = page.getByRole('banner')
    await expect(banner).toContainText('beta')
    await expect(banner).toContainText('Bea Admin')
    await expect(banner).not.toContainText('acme')
    await expectRowsOf(page, 'beta', 'prod')
    const options = await environmentSelect(page)
      .getByRole('option')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value))
    expect(options.toSorted()).toEqual(['dev', 'eu-live', 'prod'])

    const acmeIds = ['dev', 'staging', 'prod'].flatMap((env) => agentIdsOf('acme', env))
    const text = await page.locator('body').innerText()
    expect(acmeIds.filter((id) => text.includes(id))).toEqual([])

    const acmeKeys = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('cameleer3:tenant:acme:')),
    )
    expect(acmeKeys).toEqual([])
  }

  async function signInAsAcmeWithPreferences(
    page: Page,
    signInAs: (username: string, options?: { path?: string }) => Promise<void>,
  ) {
    await signInAs('admin@acme', { path: '/agents?env=prod' })
    await expectRowsOf(page, 'acme', 'prod')
    // Without an acme preference on disk, "none left behind" would prove nothing.
    const acmeKeys = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('cameleer3:tenant:acme:')),
    )
    expect(acmeKeys.length).toBeGreaterThan(0)
  }

  test('pasted into the open tab and confirmed, it replaces the session and leaves nothing of the first tenant', async ({
    page,
    signInAs,
  }) => {
    await signInAsAcmeWithPreferences(page, signInAs)
    const betaToken = await demoToken('admin@beta')

    await page.evaluate((token) => {
      location.hash = `access_token=${token}`
    }, betaToken)
    await page.getByRole('alertdialog').getByRole('button', { name: 'Switch' }).click()

    await expectBetaOnly(page)
  })

  test('opened as a new page load and confirmed, it replaces the session too', async ({
    page,
    signInAs,
  }) => {
    await signInAsAcmeWithPreferences(page, signInAs)

    await page.goto(handoffUrl(await demoToken('admin@beta'), '/agents?env=prod'))
    await page.getByRole('alertdialog').getByRole('button', { name: 'Switch' }).click()

    await expectBetaOnly(page)
  })
})

test.describe('a slow environment answering after the user has moved on', () => {
  test.use({ mockSettings: { latencyByEnvironment: { staging: 2_000 } } })

  test('never paints its rows over the environment chosen after it', async ({ page, signInAs }) => {
    await signInAs('admin@acme', { path: '/agents?env=prod' })
    await expectRowsOf(page, 'acme', 'prod')
    await watchForIds(page, agentIdsOf('acme', 'staging'))

    const stagingAsked = page.waitForRequest((request) => {
      const url = new URL(request.url())
      // Not the header's alert bell, which asks every environment on its own clock.
      return (
        url.searchParams.get('environment') === 'staging' &&
        !url.pathname.endsWith('/alerts/summary')
      )
    })
    await environmentSelect(page).selectOption('staging')
    // Staging's request is on its way (and takes 2 s): now the user moves on.
    await stagingAsked
    await environmentSelect(page).selectOption('dev')

    // Deliberate: long enough for staging's late answer to arrive and be (wrongly) shown.
    await page.waitForTimeout(3_000)

    await expect(page).toHaveURL(/[?&]env=dev(&|$)/)
    await expect(environmentSelect(page)).toHaveValue('dev')
    await expectRowsOf(page, 'acme', 'dev')
    expect(await readPaintedIds(page)).toEqual([])
  })
})
