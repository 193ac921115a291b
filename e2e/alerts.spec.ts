import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

/**
 * Alerting: the bell that watches every environment from any page, the four views of one
 * environment's alerting, and a rule's preview on history before it is saved.
 */

const bell = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Alerts: / })

test('the bell on a staging page names production’s alerts, and opens them explicitly', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/agents?env=staging' })
  // Production first, whichever environment the page shows (its display name, or its id).
  await expect(bell(page)).toHaveAccessibleName(
    /^Alerts: \d+ firing in (Production|prod), \d+ in (Staging|staging)$/,
  )
  await bell(page).click()
  const dialog = page.getByRole('dialog', { name: 'Open alerts' })
  await expect(dialog).toBeVisible()
  const production = dialog.getByRole('region', { name: /^(Production|prod)$/ })
  await expect(production.getByText('Payment gateway agents dead')).toBeVisible()
  await expect(dialog.getByRole('region', { name: /^(Development|dev)$/ })).toContainText(
    'Nothing open.',
  )
  await expectNoSeriousA11yViolations(page)

  // Another environment's alert says that it switches, and the switch is announced.
  await production.getByRole('link', { name: /^Payment gateway agents dead \(switches to/ }).click()
  await expect(page).toHaveURL(/\/alerts\?env=prod$/)
  await expect(page.getByRole('alert')).toContainText('This link opened')
  await expect(page.getByRole('table', { name: 'Open alerts' })).toBeVisible()
})

test('Alerts: g then n, the four tabs and their tables, each passing axe', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/agents?env=prod' })
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('g')
  await page.keyboard.press('n')
  await expect(page).toHaveURL(/\/alerts\?env=prod$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible()

  const open = page.getByRole('table', { name: 'Open alerts' })
  const dead = open.getByRole('row', { name: /Payment gateway agents dead/ })
  await expect(dead).toContainText('Critical')
  await expect(open.getByRole('row', { name: /Stale agents/ })).toContainText('Ada Admin')
  await expect(dead.getByRole('link', { name: 'DEAD agents of payment-gateway' })).toHaveAttribute(
    'href',
    /\/agents\?status=DEAD&app=payment-gateway&env=prod/,
  )
  await expectNoSeriousA11yViolations(page)

  const tabs = page.getByRole('navigation', { name: 'Alert views' })
  await tabs.getByRole('link', { name: 'History' }).click()
  await expect(page).toHaveURL(/\/alerts\/history\?env=prod$/)
  await expect(page.getByRole('table', { name: 'History' })).toBeVisible()
  await page.getByLabel('Severity').selectOption('CRITICAL')
  await expect(page).toHaveURL(/severity=CRITICAL/)
  for (const row of await page.getByRole('table', { name: 'History' }).getByRole('row').all()) {
    const text = await row.textContent()
    if (text?.startsWith('Severity')) continue
    expect(text).toContain('Critical')
  }
  await expectNoSeriousA11yViolations(page)

  await tabs.getByRole('link', { name: 'Rules' }).click()
  const rules = page.getByRole('table', { name: 'Alert rules' })
  await expect(rules.getByRole('row', { name: /Order errors/ })).toContainText(
    'Error rate of order-service above 8 % over 5 min, for 2 min',
  )
  await expect(rules.getByRole('row', { name: /Payment gateway agents dead/ })).toContainText('Yes')
  await expectNoSeriousA11yViolations(page)

  await tabs.getByRole('link', { name: 'Silences' }).click()
  await expect(page).toHaveURL(/\/alerts\/silences\?env=prod$/)
  await expect(page.getByText('No silences in prod')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('a new rule is previewed on history before it is saved', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/alerts/rules?env=staging' })
  await page.getByRole('link', { name: 'New rule' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New alert rule' })).toBeVisible()
  await page.getByLabel('Name', { exact: true }).fill('Stale staging agents')
  await page.getByRole('radio', { name: 'Agent state' }).check()
  await page.getByLabel('State', { exact: true }).selectOption('STALE')
  await page.getByLabel('For', { exact: true }).fill('1')
  await expect(page.getByText(/^Would have fired once in the last 24 hours, for \d/)).toBeVisible()
  const chart = page.getByRole('figure', { name: 'STALE agents and threshold' })
  await chart.scrollIntoViewIfNeeded()
  await expect(chart.locator('svg .chart-line path[d*="L"]').first()).toBeAttached()
  // The interval it would have fired in is shaded.
  await expect(chart.locator('svg .chart-band').first()).toBeAttached()
  // A threshold nobody reaches: it would not have fired.
  await page.getByLabel('Agents', { exact: true }).fill('50')
  await expect(page.getByText('Would not have fired in the last 24 hours')).toBeVisible()
  // Limits are checked before anything is sent.
  await page.getByLabel('For', { exact: true }).fill('90')
  await expect(page.getByText('For is at most 60 minutes.')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('an operator creates a rule in staging, and may copy it only where they operate', async ({
  page,
  signInAs,
}) => {
  await signInAs('ops@acme', { path: '/alerts/rules/new?env=staging' })
  await page.getByLabel('Name', { exact: true }).fill('Stale agents, copied')
  await page.getByRole('radio', { name: 'Agent state' }).check()
  await page.getByLabel('State', { exact: true }).selectOption('STALE')
  await expect(page.getByText(/^Would have fired once in the last 24 hours/)).toBeVisible()
  await page.getByRole('button', { name: 'Save rule' }).click()
  const create = page.getByRole('alertdialog', { name: 'Create alert rule Stale agents, copied' })
  await expectNoSeriousA11yViolations(page)
  await create.getByRole('button', { name: 'Create rule Stale agents, copied in Staging' }).click()
  await expect(page.getByText('Rule Stale agents, copied created in Staging.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Stale agents, copied' })).toBeVisible()
  // Operator in dev and staging only: production is not offered.
  await page.getByRole('button', { name: 'Copy to environment…' }).click()
  const offered = page.getByRole('alertdialog').getByLabel('Environment')
  await expect(offered.getByRole('option')).toHaveText(['Development (dev)'])
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
})

test('copying staging’s rule to production shows how the two differ, and needs prod typed', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/alerts/rules?env=staging' })
  await page
    .getByRole('table', { name: 'Alert rules' })
    .getByRole('link', { name: 'Stale agents' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Stale agents' })).toBeVisible()
  await page.getByRole('button', { name: 'Copy to environment…' }).click()
  const copy = page.getByRole('alertdialog', { name: /^Copy alert rule Stale agents/ })
  await copy.getByLabel('Environment').selectOption('prod')
  await expect(copy.getByRole('list', { name: 'How Production’s rule differs' })).toHaveText(
    'Condition: At least 3 agents of every application STALE, for 1 min → At least 1 agent of every application STALE, for 1 min',
  )
  const confirm = copy.getByRole('button', { name: 'Update rule Stale agents in Production' })
  await expect(confirm).toBeDisabled()
  await expectNoSeriousA11yViolations(page)
  await copy.getByLabel('Type prod to confirm').fill('prod')
  await confirm.click()
  await expect(page.getByText('Rule Stale agents updated in Production.')).toBeVisible()

  await page.getByRole('link', { name: 'Rules of Production' }).click()
  await expect(page).toHaveURL(/\/alerts\/rules\?env=prod$/)
  await expect(
    page.getByRole('table', { name: 'Alert rules' }).getByRole('row', { name: /Stale agents/ }),
  ).toContainText('At least 1 agent of every application STALE, for 1 min')
})

test('acknowledging and silencing an alert in production', async ({ page, signInAs }) => {
  await signInAs('admin@acme', { path: '/alerts?env=prod' })
  const open = page.getByRole('table', { name: 'Open alerts' })
  const dead = open.getByRole('row', { name: /Payment gateway agents dead/ })
  await dead.getByRole('button', { name: 'Acknowledge Payment gateway agents dead' }).click()
  const ack = page.getByRole('alertdialog', { name: 'Acknowledge Payment gateway agents dead' })
  await ack.getByLabel('Type prod to confirm').fill('prod')
  await ack
    .getByRole('button', { name: 'Acknowledge Payment gateway agents dead in Production' })
    .click()
  await expect(dead).toContainText('Ada Admin')
  await expect(dead.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0)

  await dead.getByRole('button', { name: 'Payment gateway agents dead: Silence…' }).click()
  const silence = page.getByRole('alertdialog', { name: 'New silence' })
  await expect(silence.getByLabel('Rule', { exact: true })).toHaveValue(/.+/)
  await silence.getByLabel('Duration').selectOption('4h')
  await silence.getByLabel('Comment').fill('Vendor outage, ticket 4711')
  await silence.getByLabel('Type prod to confirm').fill('prod')
  await expectNoSeriousA11yViolations(page)
  await silence
    .getByRole('button', { name: 'Silence rule Payment gateway agents dead in Production' })
    .click()
  await expect(dead).toContainText('Silenced')
  await page
    .getByRole('navigation', { name: 'Alert views' })
    .getByRole('link', { name: 'Silences' })
    .click()
  const silences = page.getByRole('table', { name: 'Silences' })
  await expect(silences).toContainText('Vendor outage, ticket 4711')
  await silences.getByRole('button', { name: /^End now/ }).click()
  const end = page.getByRole('alertdialog', {
    name: /^End the silence of Rule Payment gateway agents dead/,
  })
  await end.getByLabel('Type prod to confirm').fill('prod')
  await end.getByRole('button', { name: /now$/ }).click()
  await expect(page.getByText('No silences in prod')).toBeVisible()
})

test('a viewer sees rules and alerts but no action', async ({ page, signInAs }) => {
  await signInAs('dev@acme', { path: '/alerts?env=staging' })
  await expect(page.getByRole('table', { name: 'Open alerts' }).getByRole('row')).not.toHaveCount(1)
  await expect(page.getByRole('button', { name: /^Acknowledge|Silence…/ })).toHaveCount(0)
  await page
    .getByRole('navigation', { name: 'Alert views' })
    .getByRole('link', { name: 'Rules' })
    .click()
  await expect(page.getByRole('table', { name: 'Alert rules' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'New rule' })).toHaveCount(0)
  await page.getByRole('table', { name: 'Alert rules' }).getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(
    page.getByRole('button', { name: /Save rule|Delete|Copy to environment/ }),
  ).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click()
  await page
    .getByRole('navigation', { name: 'Alert views' })
    .getByRole('link', { name: 'Silences' })
    .click()
  await expect(page.getByRole('button', { name: 'New silence' })).toHaveCount(0)
})

test('comparing two environments lists the rules in one only, and those that differ', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin@acme', { path: '/compare?env=staging&with=prod' })
  const rules = page
    .getByRole('region', { name: 'Alert rules' })
    .getByRole('list', { name: 'Alert rules that differ' })
  await expect(rules).toContainText('Order errors: only in prod')
  await expect(rules).toContainText(
    'Stale agents differs (prod → staging):Condition: At least 3 agents of every application STALE, for 1 min → At least 1 agent of every application STALE, for 1 min',
  )
  await expectNoSeriousA11yViolations(page)
})
