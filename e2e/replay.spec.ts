import { cspViolationsOf } from './support/csp'
import { recordCommandPosts, switchEnvironmentFromHistory } from './support/safe-path'
import { executionPath, jsonExecutionInDev, requireSample } from './support/executions'
import {
  demoToken,
  demoUserName,
  expect,
  expectNoSeriousA11yViolations,
  test,
} from './support/fixtures'

/**
 * Replay (issue 20 §2) as users do it: an operator replays an execution with a changed body,
 * follows the command and opens the new execution; a viewer is told which role it needs; a
 * switch of environment with the dialog open sends nothing. The editor's behaviour under the
 * production policy is proven in content-security-policy.spec.ts; every test here runs under
 * that policy too (the fixture fails on any violation).
 */

test('an operator replays an execution with a changed body, follows it and opens the replay', async ({
  page,
  signInAs,
}) => {
  const original = jsonExecutionInDev()
  const sent = recordCommandPosts(page)
  await signInAs('ops@acme', { path: executionPath(original.executionId, 'dev') })
  await page.getByRole('button', { name: 'Replay…' }).click()
  const dialog = page.getByRole('alertdialog', {
    name: `Replay execution ${original.executionId}`,
  })
  await dialog.getByRole('radio', { name: 'With changes' }).check()
  const body = dialog.getByRole('textbox', { name: 'Input body' })
  await expect(body).toContainText(original.inputBody?.slice(0, 20) ?? '')
  await expect(dialog.getByRole('combobox', { name: 'Agent' })).toHaveValue(original.agentId)

  const confirm = dialog.getByRole('button', {
    name: `Replay execution ${original.executionId} on agent ${original.agentId} in Development`,
  })
  await body.click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('{"replayed": true,')
  await expect(dialog.getByText(/^Input body is not valid JSON: /)).toBeVisible()
  await expect(confirm).toBeDisabled()
  await page.keyboard.type(' "by": "e2e"}')
  await expect(dialog.getByText('Valid JSON.')).toBeVisible()
  await expect(confirm).toBeEnabled()
  await confirm.click()

  // The same dialog's name follows the command until the agent answers.
  const follow = page.getByRole('dialog', { name: `Replay execution ${original.executionId}` })
  await expect(follow.getByRole('status')).toHaveText('Acknowledged by 1 of 1 agent')
  await expect(
    follow.getByRole('table', { name: 'Progress' }).getByRole('row', { name: original.agentId }),
  ).toContainText('Acknowledged')
  await expectNoSeriousA11yViolations(page)
  expect(sent).toHaveLength(1)
  expect(JSON.parse(sent[0] ?? '')).toMatchObject({
    type: 'replay',
    executionId: original.executionId,
    agentId: original.agentId,
    inputBody: '{"replayed": true, "by": "e2e"}',
  })
  await follow.getByRole('link', { name: 'Open the replay' }).click()
  await expect(page).toHaveURL(/\/executions\/[^?]+\?env=dev/)
  const replayId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
  expect(replayId).not.toBe(original.executionId)
  await expect(page.getByRole('heading', { level: 1, name: replayId })).toBeVisible()
  await expect(page.getByText(`Replay of ${original.executionId}`)).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Summary' }).getByRole('link', { name: original.executionId }),
  ).toBeVisible()
  await expect(page.getByRole('region', { name: 'Input body' })).toContainText('"replayed"')

  // In the search results too, linking to the original.
  await page.goto('/executions?env=dev')
  const link = page
    .getByRole('region', { name: 'Results' })
    .getByRole('link', { name: `Replay of ${original.executionId}` })
    .first()
  await expect(link).toBeVisible()
  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: original.executionId })).toBeVisible()

  // Audited: a tenant admin finds it in the audit log (same browser, so the same mock state).
  const adminToken = await demoToken('admin@acme')
  await page.evaluate((value) => {
    location.hash = `access_token=${value}`
  }, adminToken)
  await page
    .getByRole('alertdialog', { name: 'Switch to another account?' })
    .getByRole('button', { name: 'Switch' })
    .click()
  await expect(page.getByRole('banner')).toContainText(demoUserName('admin@acme'))
  await page.goto('/admin/audit?env=dev')
  const entry = page
    .getByRole('table', { name: 'Audit log' })
    .getByRole('row')
    .filter({ hasText: 'Replayed an execution' })
    .first()
  await expect(entry).toContainText('ops@acme')
  await expect(entry).toContainText(original.executionId)
})

// ops@acme is an operator in dev and a viewer in prod; dev@acme a viewer in staging.
for (const [user, env, name] of [
  ['ops@acme', 'prod', 'Production'],
  ['dev@acme', 'staging', 'Staging'],
] as const) {
  test(`a viewer (${user} in ${env}) sees "Replay…" disabled, with the role it needs and where`, async ({
    page,
    signInAs,
  }) => {
    await signInAs(user, { path: executionPath(requireSample('failed', env), env) })
    const replay = page.getByRole('button', { name: 'Replay…' })
    await expect(replay).toHaveAccessibleDescription(`Replay needs the operator role in ${name}`)
    await expect(replay).toHaveAttribute('aria-disabled', 'true')
    await expect(page.getByText(`Replay needs the operator role in ${name}`)).toBeVisible()
    // Focusable, so the reason can be reached and read; pressing it opens nothing.
    await replay.focus()
    await expect(replay).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
  })
}

test('switching environment with the dialog open closes it and sends nothing', async ({
  page,
  signInAs,
}) => {
  const original = jsonExecutionInDev()
  const sent = recordCommandPosts(page)
  await signInAs('ops@acme', { path: executionPath(original.executionId, 'dev') })
  await page.getByRole('button', { name: 'Replay…' }).click()
  const dialog = page.getByRole('alertdialog', {
    name: `Replay execution ${original.executionId}`,
  })
  await dialog.getByRole('radio', { name: 'With changes' }).check()
  await expect(dialog.getByRole('textbox', { name: 'Input body' })).toBeVisible()
  await switchEnvironmentFromHistory(page, 'staging')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  expect(sent).toEqual([])
})

test('the replay dialog passes axe in both themes', async ({ page, signInAs }) => {
  const original = jsonExecutionInDev()
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await signInAs('ops@acme', { path: executionPath(original.executionId, 'dev') })
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await page.getByRole('button', { name: 'Replay…' }).click()
    const dialog = page.getByRole('alertdialog', {
      name: `Replay execution ${original.executionId}`,
    })
    await dialog.getByRole('radio', { name: 'With changes' }).check()
    const body = dialog.getByRole('textbox', { name: 'Input body' })
    await body.click()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('{"broken": ')
    await expect(dialog.getByText(/^Input body is not valid JSON: /)).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
  }
  expect(cspViolationsOf(page)).toEqual([])
})
