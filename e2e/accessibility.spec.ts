import { agentIdsOf, agentsTable } from './support/agents'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

/** Every view, scanned by axe once its content is on screen (not its loading state). */

// axe walks the whole DOM (colour contrast of every text node): slow on a busy two-core machine.
test.describe.configure({ timeout: 120_000 })

test('the sign-in page', async ({ page }) => {
  await page.goto('/login')
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('the sign-in page with a message and a wrong password', async ({ page }) => {
  await page.goto('/login')
  await page.getByRole('textbox', { name: 'Username' }).fill('admin@acme')
  await page.getByLabel('Password').fill('wrong')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.')
  await expectNoSeriousA11yViolations(page)
})

test('the agents list (production, with its banner)', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/agents?env=prod' })
  await expect(agentsTable(page).getByRole('link').first()).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('PRODUCTION')
  await expectNoSeriousA11yViolations(page)
})

test('an agent', async ({ page, signInAs }) => {
  const [agentId] = agentIdsOf('acme', 'prod', 'DEAD')
  if (!agentId) throw new Error('the mock has no DEAD agent in prod')
  await signInAs('admin@acme', { path: `/agents/${agentId}?env=prod` })
  await expect(page.getByRole('heading', { level: 1, name: agentId })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Lifecycle events' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('the executions search', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/executions?env=prod' })
  await expect(page.getByRole('heading', { level: 1, name: 'Executions' })).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Results' }).getByRole('link').first(),
  ).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('an execution', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/executions?env=prod' })
  const firstExecution = page.getByRole('region', { name: 'Results' }).getByRole('link').first()
  await expect(firstExecution).toBeVisible()
  await firstExecution.click()
  await expect(page).toHaveURL(/\/executions\/[^/?]+\?(.*&)?env=prod/)
  await expect(page.getByRole('treegrid', { name: 'Processor timeline' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
