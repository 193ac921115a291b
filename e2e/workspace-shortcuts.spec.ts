import { agentsTable } from './support/agents'
import { expect, test } from './support/fixtures'

/** Every keyboard shortcut, and that none fires while the user types. */

test('? lists every shortcut in a dialog; Escape closes it', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  await expect(agentsTable(page).getByRole('link').first()).toBeVisible()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  for (const text of [
    'Go to Agents',
    'Go to Executions',
    'Go to Logs',
    'Go to Metrics',
    'Go to Usage',
    'search box',
    'environment switcher',
    'time range picker',
    'Refresh',
    'Leave a field',
  ]) {
    await expect(dialog).toContainText(text)
  }
  // The page behind does not take keys while the dialog is open.
  await page.keyboard.press('g')
  await page.keyboard.press('e')
  await expect(page).toHaveURL(/\/agents\?/)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // The header button opens it too, and says its key.
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' })
  await expect(button).toHaveAttribute('title', 'Keyboard shortcuts (?)')
  await button.click()
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
})

test('g then a letter goes to each view, keeping the environment and the time range', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/executions?env=staging&from=now-6h&to=now' })
  await expect(page.getByRole('heading', { level: 1, name: 'Executions' })).toBeVisible()
  const go = async (letter: string) => {
    // Keys go to the page, not to whatever was focused last.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('g')
    await page.keyboard.press(letter)
  }
  await go('a')
  await expect(page).toHaveURL(/\/agents\?env=staging&from=now-6h&to=now$/)
  await expect(agentsTable(page)).toBeVisible()
  await go('e')
  await expect(page).toHaveURL(/\/executions\?env=staging&from=now-6h&to=now$/)
  await expect(page.getByRole('button', { name: /Time range: Last 6 hours/ })).toBeVisible()
  for (const [letter, path] of [
    ['l', '/logs'],
    ['m', '/metrics'],
    ['u', '/usage'],
  ] as const) {
    await go(letter)
    await expect(page).toHaveURL(new RegExp(`${path}\\?env=staging&from=now-6h&to=now$`))
  }
  // Shown in the links' tooltips.
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Agents' })).toHaveAttribute(
    'title',
    'Go to Agents (g then a)',
  )
  await expect(nav.getByRole('link', { name: 'Executions' })).toHaveAttribute(
    'title',
    'Go to Executions (g then e)',
  )
})

test('/ focuses the search box; typed keys are text, not shortcuts; Escape leaves the field', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/executions?env=staging' })
  const search = page.getByRole('searchbox', { name: 'Search executions' })
  await expect(search).toBeVisible()
  await expect(search).toHaveAttribute('title', 'Search executions (/)')
  await page.keyboard.press('/')
  await expect(search).toBeFocused()
  await page.keyboard.type('ga?tr/')
  await expect(search).toHaveValue('ga?tr/')
  await expect(page).toHaveURL(/\/executions\?/)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(search).not.toBeFocused()

  await page.keyboard.press('g')
  await page.keyboard.press('a')
  await expect(page).toHaveURL(/\/agents\?env=staging/)
  // The URL changes before the (lazily loaded) page has drawn its search box: press `/` once
  // it is there, as a user who sees it would.
  const agentsSearch = page.getByRole('searchbox', { name: 'Search agents' })
  await expect(agentsSearch).toBeVisible()
  await page.keyboard.press('/')
  await expect(agentsSearch).toBeFocused()
})

test('Shift+E opens the environment switcher, t the time range picker', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/executions?env=staging' })
  await expect(page.getByRole('heading', { level: 1, name: 'Executions' })).toBeVisible()
  const environment = page.getByRole('combobox', { name: 'Environment' })
  await expect(environment).toHaveAttribute('title', 'Environment (Shift+E)')
  await page.keyboard.press('Shift+E')
  await expect(environment).toBeFocused()
  await page.keyboard.press('Escape')

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const trigger = page.getByRole('button', { name: /Time range:/ })
  await expect(trigger).toHaveAttribute('title', 'Time range (t)')
  await page.keyboard.press('t')
  const picker = page.getByRole('dialog', { name: 'Time range' })
  await expect(picker).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(picker).toBeHidden()
  await expect(trigger).toBeFocused()
})

test('r refreshes the page’s data; shortcuts with Ctrl or Alt are left to the browser', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/executions?env=staging' })
  await expect(
    page.getByRole('region', { name: 'Results' }).getByRole('link').first(),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toHaveAttribute(
    'title',
    'Refresh (r)',
  )
  const refetch = page.waitForRequest((request) => /\/api\/v1\/executions\?/.test(request.url()))
  await page.keyboard.press('r')
  await refetch

  await page.keyboard.press('Alt+t')
  await page.keyboard.press('Control+/')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // On the agents page r is its own Refresh button.
  await page.keyboard.press('g')
  await page.keyboard.press('a')
  await expect(agentsTable(page).getByRole('link').first()).toBeVisible()
  const agents = page.waitForRequest((request) => /\/api\/v1\/agents\?/.test(request.url()))
  await page.keyboard.press('r')
  await agents
})
