import type { Page } from '@playwright/test'
import { demoToken, demoUserName, expect, handoffUrl, test } from './support/fixtures'

/**
 * The session token never leaves the app, the tabs of one browser agree on one session, and a
 * hand-off of another account never replaces a session without asking.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

async function copiedLink(page: Page, button: 'Copy link' | 'Copy link with absolute time') {
  await page.getByRole('button', { name: button, exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /copied/ })).toBeVisible()
  return page.evaluate(() => navigator.clipboard.readText())
}

function banner(page: Page) {
  return page.getByRole('banner')
}

test.describe('the token never leaves the app', () => {
  test('a hand-off straight to a deep link: copied links hold no token', async ({ page }) => {
    const token = await demoToken('admin@acme')
    await page.goto(handoffUrl(token, '/executions?env=prod'))
    await expect(banner(page)).toContainText(demoUserName('admin@acme'))

    for (const button of ['Copy link', 'Copy link with absolute time'] as const) {
      const link = await copiedLink(page, button)
      expect(link).toMatch(/\/executions\?/)
      expect(new URL(link).searchParams.get('env')).toBe('prod')
      expect(link).not.toContain(token)
      expect(link).not.toContain('access_token')
      expect(link).not.toContain('#')
    }
    expect(page.url()).not.toContain(token)
  })

  test('a hand-off pasted into an open tab: copied links hold no token either', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/executions?env=prod' })
    const renewed = await demoToken('admin@acme', { expiresInSeconds: 7200 })
    await page.evaluate((value) => {
      location.hash = `access_token=${value}`
    }, renewed)
    await expect.poll(() => page.url()).not.toContain('access_token')

    const link = await copiedLink(page, 'Copy link')
    expect(link).not.toContain(renewed)
    expect(link).not.toContain('access_token')
    // Whatever the app navigates to next keeps the token out of history too.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Agents' })
      .click()
    await page.goBack()
    expect(page.url()).not.toContain('access_token')
  })
})

test.describe('one session across the tabs of a browser', () => {
  test('signing out in one tab signs out the others, saying so', async ({ page, signInAs }) => {
    await signInAs('admin@acme')
    const other = await page.context().newPage()
    await other.goto('/agents?env=dev')
    await expect(banner(other)).toContainText(demoUserName('admin@acme'))

    await page.getByRole('button', { name: 'Sign out' }).click()

    await expect(other).toHaveURL(/\/login/, { timeout: 1_000 })
    await expect(other.getByRole('alert')).toContainText('You signed out.')
    await expect(banner(other)).toHaveCount(0)
  })

  test('another tenant signed in in one tab: the others stop showing the old one and offer to continue', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/agents?env=prod' })
    const other = await page.context().newPage()
    await other.goto('/login')
    await expect(banner(other)).toContainText(demoUserName('admin@acme'))
    // The second tab, signed in as acme, signs in as beta through a hand-off and confirms.
    await other.goto(handoffUrl(await demoToken('admin@beta'), '/agents?env=prod'))
    await other.getByRole('alertdialog').getByRole('button', { name: 'Switch' }).click()
    await expect(banner(other)).toContainText(demoUserName('admin@beta'))

    const notice = page.getByRole('alert')
    await expect(notice).toContainText('Signed in as someone else', { timeout: 1_000 })
    await expect(notice).toContainText('beta')
    await expect(banner(page)).toHaveCount(0)
    const acmeKeys = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('cameleer3:tenant:acme:')),
    )
    expect(acmeKeys).toEqual([])

    await page.getByRole('button', { name: `Continue as ${demoUserName('admin@beta')}` }).click()
    await expect(banner(page)).toContainText(demoUserName('admin@beta'))
  })

  test('a link opened in a new tab stays signed in', async ({ page, signInAs }) => {
    await signInAs('admin@acme')
    const other = await page.context().newPage()
    await other.goto('/executions?env=staging')
    await expect(banner(other)).toContainText(demoUserName('admin@acme'))
  })
})

test.describe('a hand-off of another account while signed in', () => {
  test('asks first, naming both; Cancel keeps the session and removes the fragment', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme', { path: '/agents?env=prod' })
    const betaToken = await demoToken('admin@beta')
    await page.evaluate((value) => {
      location.hash = `access_token=${value}`
    }, betaToken)

    const dialog = page.getByRole('alertdialog', { name: 'Switch to another account?' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('acme')
    await expect(dialog).toContainText('beta')
    await expect(dialog).toContainText(demoUserName('admin@acme'))
    await expect(dialog).toContainText(demoUserName('admin@beta'))
    expect(page.url()).not.toContain('access_token')

    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(banner(page)).toContainText(demoUserName('admin@acme'))
    await expect(banner(page)).toContainText('acme')
    await page.reload()
    await expect(banner(page)).toContainText(demoUserName('admin@acme'))
  })

  test('Escape cancels too', async ({ page, signInAs }) => {
    await signInAs('admin@acme')
    await page.goto(handoffUrl(await demoToken('dev@acme')))
    const dialog = page.getByRole('alertdialog', { name: 'Switch to another account?' })
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(banner(page)).toContainText(demoUserName('admin@acme'))
  })

  test('a renewed token of the same user is taken without asking', async ({ page, signInAs }) => {
    await signInAs('admin@acme')
    await page.goto(handoffUrl(await demoToken('admin@acme', { expiresInSeconds: 7200 })))
    await expect(banner(page)).toContainText(demoUserName('admin@acme'))
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
  })
})
