import type { Page } from '@playwright/test'
import type { ExecutionDetail } from '@/lib/api/types'
import { searchExecutions } from '@/mocks/executions/execution-data'
import { executionPath, requireExecution, requireSample } from './support/executions'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

/** Inside an exchange: the message at every step, and every iteration of a split. */

type SignInAs = (username: string, options?: { path?: string }) => Promise<void>

const stepMessage = (page: Page) => page.getByRole('region', { name: /^Message at this step/ })

/** The failing processor: the failed record none of whose children failed. */
function failureCause(execution: ExecutionDetail) {
  const failed = execution.processors.filter((p) => p.status === 'FAILED')
  const cause = failed.find((p) => !failed.some((q) => q.parentProcessorId === p.processorId))
  if (!cause) throw new Error(`execution ${execution.executionId} has no failed processor`)
  return cause
}

test('a failed execution opens on the failing step; selecting another step shows its message and what it changed', async ({
  page,
  signInAs,
}: {
  page: Page
  signInAs: SignInAs
}) => {
  // dev captures every application's payloads.
  const execution = requireExecution(requireSample('failed', 'dev'), 'dev')
  const cause = failureCause(execution)
  expect(cause.snapshot).toBe(true)
  await signInAs('admin@acme', { path: executionPath(execution.executionId, 'dev') })

  const region = stepMessage(page)
  await expect(
    region.getByRole('heading', { name: `Message at this step (${cause.processorId})` }),
  ).toBeVisible()
  await expect(region.getByRole('table', { name: /^Headers at this step/ })).toBeVisible()
  await expect(region.getByRole('region', { name: 'Input body at this step' })).toBeVisible()
  // The failing step passed nothing on.
  await expect(region.getByRole('region', { name: 'Output body at this step' })).toContainText(
    'No body',
  )

  // The first processor, picked in the timeline, received the exchange's input.
  const first = execution.processors[0]
  await page
    .getByRole('treegrid', { name: 'Processor timeline' })
    .locator(`[role="row"][data-processor-id="${first?.processorId}"]`)
    .click()
  await expect(
    region.getByRole('heading', { name: `Message at this step (${first?.processorId})` }),
  ).toBeVisible()
  await expect(region.getByRole('region', { name: 'What changed' })).not.toContainText(
    'Comparing the bodies',
  )
  await expectNoSeriousA11yViolations(page)
})

test('steps through the iterations of a split, and a link opens the 7th', async ({
  page,
  signInAs,
}: {
  page: Page
  signInAs: SignInAs
}) => {
  const execution = requireExecution(requireSample('manyProcessors'))
  const index = execution.processors.findIndex((p) => p.iterations !== null && p.snapshot)
  const processor = execution.processors[index]
  const of = processor?.iterations ?? 0
  expect(of).toBeGreaterThan(7)
  await signInAs('admin@acme', { path: executionPath(execution.executionId) })

  await page
    .getByRole('treegrid', { name: 'Processor timeline' })
    .locator(`[role="row"][data-processor-id="${processor?.processorId}"]`)
    .click()
  const region = stepMessage(page)
  const stepper = region.getByRole('group', { name: 'Iterations' })
  await expect(stepper).toContainText(`Iteration 1 of ${of}`)
  const splitIndex = region.getByRole('row', { name: /^CamelSplitIndex/ })
  await expect(splitIndex).toContainText('0')

  await stepper.getByRole('button', { name: 'Next iteration' }).click()
  await expect(stepper).toContainText(`Iteration 2 of ${of}`)
  await expect(splitIndex).toContainText('1')
  await page.keyboard.press('ArrowRight')
  await expect(stepper).toContainText(`Iteration 3 of ${of}`)
  await expect(page).toHaveURL(new RegExp(`[?&]processor=${index}&iteration=3(&|$)`))

  // A link to the 7th iteration opens on it, in a new page.
  const link = `${executionPath(execution.executionId)}&processor=${index}&iteration=7`
  const other = await page.context().newPage()
  await other.goto(link)
  const otherRegion = stepMessage(other)
  await expect(otherRegion.getByRole('group', { name: 'Iterations' })).toContainText(
    `Iteration 7 of ${of}`,
  )
  await expect(otherRegion.getByRole('row', { name: /^CamelSplitIndex/ })).toContainText('6')
  await expectNoSeriousA11yViolations(other)
  await other.close()
})

test('Go to: a pasted exchange id of another environment is found there and opens with the link notice', async ({
  page,
  signInAs,
}: {
  page: Page
  signInAs: SignInAs
}) => {
  const now = Date.now()
  const [recent] = searchExecutions(
    'acme',
    'staging',
    { from: now - 20 * 60_000, to: now - 2 * 60_000, limit: 1, status: 'COMPLETED' },
    now,
  ).items
  if (!recent) throw new Error('no recent staging execution')
  await signInAs('admin@acme', { path: '/agents?env=prod' })
  await expect(page.getByRole('heading', { level: 1, name: 'Agents' })).toBeVisible()

  // The header's tools load beside the page: the shortcut works once its button shows.
  await expect(page.getByRole('button', { name: 'Go to' })).toBeVisible()
  await page.keyboard.press('Control+K')
  const dialog = page.getByRole('dialog', { name: 'Go to' })
  await expect(dialog).toBeVisible()
  const combobox = dialog.getByRole('combobox', { name: 'Go to' })
  await expect(combobox).toBeFocused()
  await expect(dialog.getByRole('option').first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await combobox.fill(recent.exchangeId)
  await expect(dialog.getByRole('status')).toContainText(
    'No execution with this id in Production (prod)',
    {
      timeout: 20_000,
    },
  )
  const elsewhere = dialog.getByRole('option', { name: /Search the other environments/ })
  await expect(elsewhere).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  const found = dialog.getByRole('option', { name: /found in Staging \(staging\)/ })
  await expect(found).toBeVisible({ timeout: 20_000 })
  await expect(dialog.getByRole('status')).toContainText('found in Staging (staging)')
  await expect(found).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(
    new RegExp(`/executions/${encodeURIComponent(recent.executionId)}\\?env=staging`),
  )
  await expect(page.getByRole('alert')).toContainText(
    'This link opened Staging (staging). You were in Production (prod).',
  )
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText(recent.exchangeId)
})

test('Go to: typed names are ranked, the keyboard picks one, and / opens it where a page has no search box', async ({
  page,
  signInAs,
}: {
  page: Page
  signInAs: SignInAs
}) => {
  await signInAs('admin@acme', { path: '/usage?env=prod' })
  await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible()
  // The header's tools load beside the page: the shortcut works once its button shows.
  await expect(page.getByRole('button', { name: 'Go to' })).toBeVisible()
  await page.keyboard.press('/')
  const dialog = page.getByRole('dialog', { name: 'Go to' })
  const combobox = dialog.getByRole('combobox', { name: 'Go to' })
  await expect(combobox).toBeFocused()
  await combobox.fill('exec')
  await expect(dialog.getByRole('option').first()).toContainText('Executions')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/executions\?env=prod/)
  await expect(dialog).toHaveCount(0)

  // Recently opened comes first next time.
  await page.keyboard.press('Control+K')
  await expect(dialog.getByRole('option').first()).toContainText('Executions')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
})
