import type { Locator, Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { switchEnvironmentFromHistory } from './support/safe-path'

/**
 * Issue 19: roles per environment, administration for tenant admins, the safe path for every
 * change, and the audit log. Each test starts from the mock's seeded state (a new browser
 * context has empty storage).
 */

const banner = (page: Page) => page.getByRole('banner')
const switcher = (page: Page) => banner(page).getByRole('combobox', { name: 'Environment' })
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const outcome = (page: Page) => page.locator('.write-outcome[role="status"]')

function row(table: Locator, name: string | RegExp): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name }) })
}

test.describe('roles per environment, one user per role', () => {
  test('admin@acme is admin everywhere and administers the tenant', async ({ page, signInAs }) => {
    await signInAs('admin@acme', { path: '/agents?env=prod' })
    await expect(banner(page)).toContainText('Admin in Production')
    await expect(mainNav(page).getByRole('link', { name: 'Admin' })).toBeVisible()
    await mainNav(page).getByRole('link', { name: 'Admin' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Environments' })).toBeVisible()
    await expect(page).toHaveURL(/\/admin\/environments\?env=prod/)
  })

  test('ops@acme operates dev and staging, views prod, and cannot administer', async ({
    page,
    signInAs,
  }) => {
    await signInAs('ops@acme', { path: '/agents?env=dev' })
    await expect(banner(page)).toContainText('Operator in Development')
    await switcher(page).selectOption('staging')
    await expect(banner(page)).toContainText('Operator in Staging')
    await switcher(page).selectOption('prod')
    await expect(banner(page)).toContainText('Viewer in Production')
    await expect(banner(page)).toContainText('PRODUCTION')
    // Production first in the switcher.
    await expect(switcher(page).locator('option').first()).toHaveText(/^Production \(prod\)/)
    await expect(mainNav(page).getByRole('link', { name: 'Admin' })).toHaveCount(0)
    await page.goto('/admin/environments?env=prod')
    await expect(page.getByRole('alert')).toHaveText('Only tenant admins can open this page.')
    await expect(page.getByRole('table', { name: 'Environments' })).toHaveCount(0)
    await expectNoSeriousA11yViolations(page)
  })

  test('dev@acme operates dev, views staging, never sees prod', async ({ page, signInAs }) => {
    await signInAs('dev@acme', { path: '/agents?env=dev' })
    await expect(banner(page)).toContainText('Operator in Development')
    await expect(switcher(page).locator('option')).toHaveText([
      /^Development \(dev\)/,
      /^Staging \(staging\)/,
    ])
    await switcher(page).selectOption('staging')
    await expect(banner(page)).toContainText('Viewer in Staging')
    await expect(banner(page)).not.toContainText('PRODUCTION')
    await page.goto('/admin/people?env=staging')
    await expect(page.getByRole('alert')).toHaveText('Only tenant admins can open this page.')
  })
})

test.describe('production from the flag, never from the id', () => {
  test('beta’s eu-live is production; a prod-mirror created as a test copy is not', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@beta', { path: '/agents?env=eu-live' })
    await expect(banner(page)).toContainText('PRODUCTION')
    await expect(page.getByRole('note')).toHaveText(
      'You are looking at production: EU live (eu-live).',
    )
    await expect(page).toHaveTitle(/EU LIVE \(eu-live\) ⚠/)
    await switcher(page).selectOption('dev')
    await expect(banner(page)).not.toContainText('PRODUCTION')

    await page.goto('/admin/environments?env=dev')
    await page.getByRole('button', { name: 'New environment' }).click()
    const create = page.getByRole('alertdialog', { name: 'New environment' })
    await create.getByLabel('Id').fill('prod-mirror')
    await create.getByLabel('Display name').fill('Prod mirror')
    await create.getByRole('button', { name: 'Create environment prod-mirror' }).click()
    await expect(create).toBeHidden()
    await switcher(page).selectOption('prod-mirror')
    await expect(banner(page)).toContainText('Admin in Prod mirror')
    await expect(banner(page)).not.toContainText('PRODUCTION')
    await expect(page.getByRole('note')).toHaveCount(0)
  })
})

test.describe('environments', () => {
  test('create, rename and delete an environment; the switcher follows without a reload', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/admin/environments?env=staging' })
    const table = page.getByRole('table', { name: 'Environments' })
    await expect(row(table, 'prod')).toContainText('PRODUCTION')
    await expectNoSeriousA11yViolations(page)

    await page.getByRole('button', { name: 'New environment' }).click()
    const create = page.getByRole('alertdialog', { name: 'New environment' })
    // The id is checked before anything is sent.
    await create.getByLabel('Id').fill('QA!')
    await expect(create.getByText('Use 1–32 lowercase letters')).toBeVisible()
    await create.getByLabel('Id').fill('staging')
    await expect(create.getByText('There is an environment staging already.')).toBeVisible()
    await create.getByLabel('Id').fill('qa')
    await create.getByLabel('Display name').fill('QA')
    await create.getByLabel('Retention (days)').fill('14')
    await create.getByLabel('Description').fill('Manual testing')
    await expectNoSeriousA11yViolations(page)
    await create.getByRole('button', { name: 'Create environment qa' }).click()
    await expect(create).toBeHidden()
    await expect(outcome(page)).toContainText('Environment QA (qa) created.')
    await expect(outcome(page).getByRole('link', { name: 'Open QA' })).toBeVisible()
    await expect(row(table, 'qa')).toContainText('14 days')
    await expect(switcher(page).locator('option[value="qa"]')).toHaveText(
      'QA (qa) · 0/0 agents live',
    )

    await row(table, 'qa').getByRole('button', { name: 'Edit QA (qa)' }).click()
    const edit = page.getByRole('alertdialog', { name: 'Edit environment QA (qa)' })
    await expect(edit.getByLabel('Id')).toHaveCount(0)
    await edit.getByLabel('Display name').fill('Quality')
    await edit.getByRole('button', { name: 'Save environment QA (qa)' }).click()
    await expect(edit).toBeHidden()
    await expect(switcher(page).locator('option[value="qa"]')).toHaveText(
      'Quality (qa) · 0/0 agents live',
    )

    // In it when it is deleted: moved elsewhere, and told so.
    await switcher(page).selectOption('qa')
    await expect(banner(page)).toContainText('Admin in Quality')
    await row(table, 'qa').getByRole('button', { name: 'Delete Quality (qa)' }).click()
    const remove = page.getByRole('alertdialog', { name: 'Delete environment Quality (qa)' })
    await expect(remove).toContainText('all its data')
    const confirm = remove.getByRole('button', { name: 'Delete environment Quality (qa)' })
    await expect(confirm).toBeDisabled()
    await remove.getByLabel('Type qa to confirm').fill('qa')
    await confirm.click()
    await expect(remove).toBeHidden()
    await expect(outcome(page)).toContainText('Environment Quality (qa) and all its data deleted.')
    await expect(outcome(page)).toContainText('You were in it')
    await expect(page).not.toHaveURL(/[?&]env=qa(&|$)/)
    await expect(switcher(page).locator('option[value="qa"]')).toHaveCount(0)
    await expect(row(table, 'qa')).toHaveCount(0)
  })

  test('a production environment waits for its id; live agents refuse a deletion, explained in the dialog', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/admin/environments?env=dev' })
    const table = page.getByRole('table', { name: 'Environments' })
    await row(table, 'prod').getByRole('button', { name: 'Edit Production (prod)' }).click()
    const edit = page.getByRole('alertdialog', { name: 'Edit environment Production (prod)' })
    await edit.getByLabel('Retention (days)').fill('120')
    const save = edit.getByRole('button', { name: 'Save environment Production (prod)' })
    await expect(save).toBeDisabled()
    await edit.getByLabel('Type prod to confirm').fill('prod')
    await expect(save).toBeEnabled()
    await expectNoSeriousA11yViolations(page)
    await edit.getByRole('button', { name: 'Cancel' }).click()
    await expect(edit).toBeHidden()

    await row(table, 'staging').getByRole('button', { name: 'Delete Staging (staging)' }).click()
    const remove = page.getByRole('alertdialog', { name: 'Delete environment Staging (staging)' })
    await remove.getByLabel('Type staging to confirm').fill('staging')
    await remove.getByRole('button', { name: 'Delete environment Staging (staging)' }).click()
    const refusal = remove.getByRole('alert')
    await expect(refusal).toContainText('LIVE in staging')
    await expect(refusal).toContainText('Agents still report to Staging (staging)')
    // What was typed stays; nothing was deleted.
    await expect(remove.getByLabel('Type staging to confirm')).toHaveValue('staging')
    await expectNoSeriousA11yViolations(page)
    await remove.getByRole('button', { name: 'Cancel' }).click()
    await expect(row(table, 'staging')).toBeVisible()
  })

  test('a switch of environment closes an open dialog without sending it', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/admin/environments?env=dev' })
    const writes: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/admin/') && request.method() !== 'GET')
        writes.push(request.url())
    })
    await page.getByRole('button', { name: 'New environment' }).click()
    const create = page.getByRole('alertdialog', { name: 'New environment' })
    await create.getByLabel('Id').fill('qa')
    await page.keyboard.press('Escape')
    await expect(create).toBeHidden()
    await page.getByRole('button', { name: 'New environment' }).click()
    await expect(create).toBeVisible()
    await switchEnvironmentFromHistory(page, 'staging')
    await expect(create).toBeHidden()
    expect(writes).toEqual([])
  })
})

test.describe('people and the audit log', () => {
  test('change a user’s access and see it in the audit log', async ({ page, signInAs }) => {
    await signInAs('admin@acme', { path: '/admin/people?env=prod' })
    const people = page.getByRole('table', { name: 'People' })
    const otto = row(people, 'Otto Ops')
    await expect(otto).toContainText('ops@acme')
    // Cells: user id, tenant role, then Production, Development, Staging (production first).
    await expect(otto.getByRole('cell').nth(2)).toHaveText('Viewer')
    await expectNoSeriousA11yViolations(page)

    await page.getByLabel('Filter by name').fill('otto')
    await expect(page).toHaveURL(/[?&]name=otto/)
    await expect(people.getByRole('row')).toHaveCount(2)
    await otto.getByRole('button', { name: 'Edit access of Otto Ops' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Access for Otto Ops' })
    await expect(dialog.getByLabel('Tenant role')).toHaveValue('operator')
    await expect(dialog.getByLabel('Production')).toHaveValue('viewer')
    await dialog.getByLabel('Production').selectOption('operator')
    await dialog.getByLabel('Development').selectOption('none')
    await expectNoSeriousA11yViolations(page)
    await dialog.getByRole('button', { name: 'Save access for Otto Ops' }).click()
    await expect(dialog).toBeHidden()
    await expect(outcome(page)).toContainText('Access for Otto Ops saved.')
    await expect(otto).toContainText('No access')
    await expect(otto.getByRole('cell').nth(2)).toHaveText('Operator')

    await outcome(page).getByRole('link', { name: 'See it in the audit log' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
    const audit = page.getByRole('table', { name: 'Audit log' })
    const entry = audit.getByRole('row').filter({ hasText: 'ops@acme' }).first()
    await expect(entry).toContainText('Changed access')
    await expect(entry).toContainText('Tenant')
    await expect(entry).toContainText('Done')
    await expect(entry).toContainText('prod: operator')
    await expectNoSeriousA11yViolations(page)

    await page.getByLabel('Action').selectOption('access.update')
    await expect(page).toHaveURL(/[?&]action=access\.update/)
    await expect(audit.getByRole('row')).toHaveCount(2)
    await page.getByRole('main').getByLabel('Environment', { exact: true }).selectOption('prod')
    await expect(page).toHaveURL(/[?&]in=prod/)
    await expect(page.getByText('Nothing was done in this time range')).toBeVisible()
  })

  test('the last admin cannot be demoted: explained in the dialog, input kept, audited', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/admin/people?env=dev' })
    const people = page.getByRole('table', { name: 'People' })
    await row(people, 'Ada Admin').getByRole('button', { name: 'Edit access of Ada Admin' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Access for Ada Admin' })
    await dialog.getByLabel('Tenant role').selectOption('operator')
    await dialog.getByRole('button', { name: 'Save access for Ada Admin' }).click()
    const refusal = dialog.getByRole('alert')
    await expect(refusal).toContainText('last admin')
    await expect(refusal).toContainText('Make someone else an admin first')
    await expect(dialog.getByLabel('Tenant role')).toHaveValue('operator')
    await expectNoSeriousA11yViolations(page)
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await page.goto('/admin/audit?env=dev&actor=admin@acme')
    const entry = page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(1)
    await expect(entry).toContainText('Changed access')
    await expect(entry).toContainText('Failed')
    await expect(entry).toContainText('last admin')
  })

  test('the audit log pages to the end over a longer range', async ({ page, signInAs }) => {
    await signInAs('admin@acme', { path: '/admin/audit?env=prod&from=now-7d&to=now' })
    const audit = page.getByRole('table', { name: 'Audit log' })
    await expect(audit.getByRole('row').nth(1)).toBeVisible()
    await expect(audit).toContainText('Denied')
    await expect(audit).toContainText('Production (prod)')
    await expect(page.getByText(/^All \d+ entries shown\.$/)).toBeVisible()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download CSV' }).click()
    expect((await download).suggestedFilename()).toBe('audit-acme.csv')
  })
})
