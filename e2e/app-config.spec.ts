import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { switchEnvironmentFromHistory } from './support/safe-path'

/**
 * Issue 20, part 3: an application's configuration per environment, changed through the one
 * safe path, its push to the live agents followed until all have it, a concurrent save (412)
 * resolved, and settings copied between environments. Each test starts from the mock's seeded
 * state (a new browser context has empty storage).
 */

const outcome = (page: Page) => page.locator('.write-outcome[role="status"]')
const configuration = (page: Page) => page.getByRole('region', { name: 'Configuration' })

/** Light and dark: the section (and an open dialog) pass axe in both themes. */
async function scanBothThemes(page: Page) {
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expectNoSeriousA11yViolations(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expectNoSeriousA11yViolations(page)
  await page.emulateMedia({ colorScheme: 'light' })
}

test('an operator saves a configuration in dev and follows it until every live agent has it', async ({
  page,
  signInAs,
}) => {
  await signInAs('ops@acme', { path: '/overview/order-service?env=dev' })
  const section = configuration(page)
  await expect(section.getByText('Defaults, never changed')).toBeVisible()
  await expect(section.getByText(/Applied on all \d+ live agents?\./)).toBeVisible()
  await section.getByLabel('Tracing').selectOption('SAMPLED')
  await section.getByLabel('Sampling rate').fill('50')
  await section.getByLabel('Maximum payload size', { exact: true }).fill('2')
  await section.getByLabel('Unit of the maximum payload size').selectOption('MB')
  await section.getByRole('button', { name: 'Add masked key' }).click()
  await section.getByLabel('Masked key 3').fill('apiKey')
  await scanBothThemes(page)

  await section.getByRole('button', { name: 'Save configuration', exact: true }).click()
  const dialog = page.getByRole('alertdialog', {
    name: 'Save configuration of order-service in Development',
  })
  const changes = dialog.getByRole('table', { name: 'Changes to save' })
  await expect(changes.getByRole('row', { name: /Tracing All exchanges Sampled/ })).toBeVisible()
  await expect(changes.getByRole('row', { name: /Maximum payload size 64 KB 2 MB/ })).toBeVisible()
  // Not production: no id to type.
  await expect(dialog.getByLabel(/to confirm/)).toHaveCount(0)
  await scanBothThemes(page)
  await dialog
    .getByRole('button', { name: 'Save configuration of order-service in Development' })
    .click()
  await expect(dialog).toBeHidden()
  await expect(outcome(page)).toContainText(
    'Configuration of order-service saved in Development (version 2).',
  )
  await expect(section.getByText(/Changed by Otto Ops/)).toBeVisible()
  // The agents acknowledge within about 2 s; the count is read again until all have.
  await expect(section.getByText(/Applied on all \d+ live agents?\./)).toBeVisible({
    timeout: 10_000,
  })
  await expect(section.getByLabel('Tracing')).toHaveValue('SAMPLED')
  await expect(section.getByLabel('Masked key 3')).toHaveValue('apiKey')
})

test('a save from another tab in between: theirs shown beside mine, mine reapplied on top', async ({
  page,
  context,
  signInAs,
}) => {
  const url = '/overview/payment-gateway?env=staging'
  await signInAs('ops@acme', { path: url })
  const mine = configuration(page)
  await mine.getByLabel('Log level').selectOption('TRACE')

  // A second tab of the same session saves first.
  const other = await context.newPage()
  await other.goto(url)
  const theirs = configuration(other)
  await theirs.getByLabel('Tracing').selectOption('OFF')
  await theirs.getByRole('button', { name: 'Save configuration', exact: true }).click()
  const otherDialog = other.getByRole('alertdialog', {
    name: 'Save configuration of payment-gateway in Staging',
  })
  await otherDialog
    .getByRole('button', { name: 'Save configuration of payment-gateway in Staging' })
    .click()
  await expect(outcome(other)).toContainText('(version 2)')
  await other.close()

  await mine.getByRole('button', { name: 'Save configuration', exact: true }).click()
  const dialog = page.getByRole('alertdialog', {
    name: 'Save configuration of payment-gateway in Staging',
  })
  await dialog
    .getByRole('button', { name: 'Save configuration of payment-gateway in Staging' })
    .click()
  const conflict = dialog.getByRole('table', { name: 'Your changes and theirs' })
  await expect(conflict.getByRole('row', { name: /Tracing Off All exchanges They/ })).toBeVisible()
  await expect(conflict.getByRole('row', { name: /Log level INFO TRACE You/ })).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Discard my changes' })).toBeVisible()
  await scanBothThemes(page)
  await dialog.getByRole('button', { name: 'Reapply my changes' }).click()
  await expect(dialog.getByText('Now (version 2)')).toBeVisible()
  await dialog
    .getByRole('button', { name: 'Save configuration of payment-gateway in Staging' })
    .click()
  await expect(outcome(page)).toContainText(
    'Configuration of payment-gateway saved in Staging (version 3).',
  )
  // Their change kept, mine on top.
  await expect(mine.getByLabel('Tracing')).toHaveValue('OFF')
  await expect(mine.getByLabel('Log level')).toHaveValue('TRACE')
})

test('a viewer sees the settings read-only, with the reason and no Save button', async ({
  page,
  signInAs,
}) => {
  // ops@acme is operator in dev and staging but only a viewer in prod.
  await signInAs('ops@acme', { path: '/overview/order-service?env=prod' })
  const section = configuration(page)
  await expect(section.getByText(/Changed by Ada Admin/)).toBeVisible()
  await expect(
    section.getByText('Read only: Requires the operator role in Production to change it.'),
  ).toBeVisible()
  await expect(section.getByLabel('Tracing')).toBeDisabled()
  await expect(section.getByRole('button', { name: 'Save configuration' })).toHaveCount(0)
  await scanBothThemes(page)
})

test("an admin copies staging's settings to prod, typing prod, and finds it in the audit log", async ({
  page,
  signInAs,
}) => {
  // As admin@acme: ops@acme is only a viewer in prod, so the copy would be refused there.
  await signInAs('admin@acme', { path: '/overview/inventory-sync?env=prod' })
  const section = configuration(page)
  await section.getByLabel('Compare with…').selectOption('staging')
  const table = section.getByRole('table', { name: 'Configuration in Staging and Production' })
  await expect(
    table.getByRole('row', { name: /Tracing All exchanges Failed exchanges only Different/ }),
  ).toBeVisible()
  await scanBothThemes(page)

  await section.getByRole('button', { name: 'Copy Staging settings to Production' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Copy Staging settings to Production' })
  const confirm = dialog.getByRole('button', {
    name: 'Copy settings of inventory-sync to Production',
  })
  await expect(confirm).toBeDisabled()
  await dialog.getByLabel('Type prod to confirm').fill('prod')
  await scanBothThemes(page)
  await confirm.click()
  await expect(dialog).toBeHidden()
  await expect(outcome(page)).toContainText(
    'Staging settings of inventory-sync copied to Production (version 2).',
  )
  await expect(section.getByLabel('Tracing')).toHaveValue('ALL')
  await expect(
    section.getByText('inventory-sync has the same settings in Staging and Production.'),
  ).toBeVisible()

  await page.goto('/admin/audit?env=prod')
  const audit = page.getByRole('table', { name: 'Audit log' })
  const entry = audit
    .getByRole('row')
    .filter({ hasText: 'Changed an application’s configuration' })
    .first()
  await expect(entry).toContainText('inventory-sync')
  await expect(entry).toContainText('Ada Admin')
  await expect(entry).toContainText('Done')
})

test('the comparison page lists the applications whose configuration differs, each linking to its comparison', async ({
  page,
  signInAs,
}) => {
  await signInAs('ops@acme', { path: '/compare?env=prod&with=staging' })
  const heading = page.getByRole('heading', { name: 'Configuration differences' })
  // Read only once the section is in view.
  await heading.scrollIntoViewIfNeeded()
  const table = page.getByRole('table', { name: 'Configuration differences' })
  const row = table.getByRole('row').filter({ hasText: 'order-service' })
  await expect(row).toContainText('Tracing, Maximum payload size, Log level, Masked keys')
  await row.getByRole('link', { name: 'Compare the configuration of order-service' }).click()
  await expect(page).toHaveURL(/\/overview\/order-service\?.*configWith=staging/)
  const section = configuration(page)
  await expect(
    section.getByRole('table', { name: 'Configuration in Staging and Production' }),
  ).toBeVisible()
  // A viewer in prod may still copy prod's settings to staging, where ops@acme operates.
  await expect(
    section.getByRole('button', { name: 'Copy Staging settings to Production' }),
  ).toBeDisabled()
  await expect(
    section.getByRole('button', { name: 'Copy Production settings to Staging' }),
  ).toBeEnabled()
})

test('a switch of environment closes the save dialog without sending it', async ({
  page,
  signInAs,
}) => {
  await signInAs('ops@acme', { path: '/overview/order-service?env=dev' })
  const writes: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/config') && request.method() !== 'GET') writes.push(request.url())
  })
  const section = configuration(page)
  await section.getByLabel('Log level').selectOption('ERROR')
  await section.getByRole('button', { name: 'Save configuration', exact: true }).click()
  const dialog = page.getByRole('alertdialog', {
    name: 'Save configuration of order-service in Development',
  })
  await expect(dialog).toBeVisible()
  await switchEnvironmentFromHistory(page, 'staging')
  await expect(dialog).toBeHidden()
  // Staging's own settings (someone set DEBUG there), nothing of the edit made in dev.
  await expect(section.getByLabel('Log level')).toHaveValue('DEBUG')
  await page.goBack()
  await expect(section.getByText('Defaults, never changed')).toBeVisible()
  await expect(section.getByLabel('Log level')).toHaveValue('DEBUG')
  expect(writes).toEqual([])
})
