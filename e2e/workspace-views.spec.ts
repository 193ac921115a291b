import { agentsTable } from './support/agents'
import { expect, test } from './support/fixtures'

/** Saved views, and shared links that say where they lead. */

test('save a view, reopen it, rename it, delete it', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/executions?env=staging&from=now-6h&to=now' })
  await expect(page.getByRole('heading', { level: 1, name: 'Executions' })).toBeVisible()

  await page.getByRole('button', { name: 'Save view' }).click()
  const save = page.getByRole('dialog', { name: 'Save view' })
  await save.getByRole('textbox', { name: 'Name' }).fill('Staging, six hours')
  await save.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(save).toBeHidden()

  // Elsewhere, in another environment: the saved view brings everything back.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Environment' }).selectOption('dev')
  await expect(page).toHaveURL(/\/agents\?env=dev$/)
  await page.reload() // saved views survive a reload
  await page.getByRole('button', { name: 'Saved views' }).click()
  const list = page.getByRole('dialog', { name: 'Saved views' })
  await list.getByRole('link', { name: 'Staging, six hours' }).click()
  await expect(list).toBeHidden()
  await expect(page).toHaveURL(/\/executions\?env=staging&from=now-6h&to=now$/)
  await expect(page.getByRole('button', { name: /Time range: Last 6 hours/ })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Environment' })).toHaveValue('staging')
  // Opened like a link: it says it changed the environment.
  await expect(page.getByRole('alert')).toContainText(
    'This link opened Staging (staging). You were in Development (dev).',
  )

  await page.getByRole('button', { name: 'Saved views' }).click()
  await list.getByRole('button', { name: 'Rename “Staging, six hours”' }).click()
  await list.getByRole('textbox', { name: 'New name for “Staging, six hours”' }).fill('Staging 6 h')
  await list.getByRole('button', { name: 'Save name' }).click()
  await expect(list.getByRole('link', { name: 'Staging 6 h' })).toBeVisible()
  await expect(list.getByRole('status')).toHaveText('Renamed to “Staging 6 h”.')

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await list.getByRole('button', { name: 'Copy link to “Staging 6 h”' }).click()
  await expect(list.getByRole('status')).toHaveText('Link to “Staging 6 h” copied.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /^http:\/\/localhost:\d+\/executions\?env=staging&from=now-6h&to=now$/,
  )

  await list.getByRole('button', { name: 'Delete “Staging 6 h”' }).click()
  await expect(list.getByRole('link', { name: 'Staging 6 h' })).toHaveCount(0)
  await expect(list).toContainText('No saved views yet')
  await page.keyboard.press('Escape')
  await page.reload()
  await page.getByRole('button', { name: 'Saved views' }).click()
  await expect(list).toContainText('No saved views yet')
})

test('a saved view is the signed-in user’s: another user of the tenant does not see it', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  await page.getByRole('button', { name: 'Save view' }).click()
  await page.getByRole('textbox', { name: 'Name' }).fill('Admin’s agents')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()

  await signInAs('dev@acme', { path: '/agents?env=staging' })
  await page.getByRole('button', { name: 'Saved views' }).click()
  await expect(page.getByRole('dialog', { name: 'Saved views' })).toContainText(
    'No saved views yet',
  )
})

test('a saved view of an environment no longer available opens with the usual notice', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  await page.getByRole('button', { name: 'Save view' }).click()
  await page.getByRole('textbox', { name: 'Name' }).fill('Old QA')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  // The environment went away since (as if deleted, or the user lost access to it).
  await page.evaluate(() => {
    const key = 'cameleer3:tenant:acme:saved-views'
    localStorage.setItem(key, (localStorage.getItem(key) ?? '').replace('env=staging', 'env=qa'))
  })
  await page.reload()
  await page.getByRole('button', { name: 'Saved views' }).click()
  await page
    .getByRole('dialog', { name: 'Saved views' })
    .getByRole('link', { name: 'Old QA' })
    .click()
  await expect(page.getByRole('alert')).toContainText(
    'The link’s environment “qa” is not an environment you can see in this tenant. Showing Staging (staging) instead.',
  )
  await expect(page).toHaveURL(/env=staging/)
})

test('a shared link to prod after working in staging says so, once, with a way back', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  await expect(agentsTable(page).getByRole('link').first()).toBeVisible()

  await page.goto('/executions?env=prod')
  const notice = page.getByRole('alert').filter({ hasText: 'This link opened' })
  await expect(notice).toHaveText(
    /This link opened Production \(prod\)\. You were in Staging \(staging\)\./,
  )
  await expect(page.getByRole('banner')).toContainText('PRODUCTION')
  await notice.getByRole('button', { name: 'Back to Staging' }).click()
  await expect(page).toHaveURL(/\/executions\?env=staging/)
  await expect(notice).toHaveCount(0)
  await expect(page.getByRole('banner')).not.toContainText('PRODUCTION')

  // Once: moving around in the app, or reloading the link once it is taken, says nothing.
  await page.goto('/executions?env=prod')
  await expect(notice).toBeVisible()
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Executions' })).toBeVisible()
  await expect(notice).toHaveCount(0)
  await page.getByRole('combobox', { name: 'Environment' }).selectOption('dev')
  await expect(page).toHaveURL(/env=dev/)
  await expect(notice).toHaveCount(0)
})

test('a link with an absolute time range says it is fixed, and offers the relative one', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', {
    path: '/executions?env=staging&from=2026-01-05T10:00:00Z&to=2026-01-05T12:00:00Z',
  })
  const notice = page.getByRole('status').filter({ hasText: 'fixed time range' })
  await expect(notice).toContainText('This link shows a fixed time range')
  await expect(notice).toContainText('it does not move with time')
  await notice.getByRole('button', { name: 'Switch to the last 2 hours' }).click()
  await expect(page).toHaveURL(/from=now-2h&to=now/)
  await expect(page.getByRole('button', { name: /Time range: Last 2 hours/ })).toBeVisible()
  await expect(notice).toHaveCount(0)
})
