import { badTokens, demoToken, expect, handoffUrl, test } from './support/fixtures'

test.describe('signing in with the form', () => {
  test('lands on the overview with the tenant and user in the banner', async ({ page }) => {
    await page.goto('/login')
    await page.getByRole('textbox', { name: 'Username' }).fill('admin@acme')
    await page.getByLabel('Password').fill('demo')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()

    // No environment chosen before and no `default` one: the first of the tenant's (sorted).
    await expect(page).toHaveURL(/\/overview\?(.*&)?env=dev(&|$)/)
    const banner = page.getByRole('banner')
    await expect(banner).toContainText('acme')
    await expect(banner).toContainText('Ada Admin')
    await expect(
      page.getByRole('table', { name: 'Applications' }).getByRole('link').first(),
    ).toBeVisible()
  })

  test('the mock lists its demo users, and choosing one fills the form', async ({ page }) => {
    await page.goto('/login')
    await page.getByRole('button', { name: 'dev@acme' }).click()
    await expect(page.getByRole('textbox', { name: 'Username' })).toHaveValue('dev@acme')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page.getByRole('banner')).toContainText('Dev Eloper')
  })

  test('a wrong password is refused with a message, and nobody is signed in', async ({ page }) => {
    await page.goto('/login')
    await page.getByRole('textbox', { name: 'Username' }).fill('admin@acme')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()

    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.')
    await expect(page).toHaveURL(/\/login/)
    await expect(page.getByRole('banner')).toHaveCount(0)
  })
})

test.describe('the SaaS hand-off (#access_token=)', () => {
  test('signs in and leaves the token neither in the address bar nor in history', async ({
    page,
  }) => {
    await page.goto('/login')
    const lengthBefore = await page.evaluate(() => history.length)
    const token = await demoToken('admin@acme')

    await page.goto(handoffUrl(token))
    await expect(page.getByRole('banner')).toContainText('Ada Admin')
    await expect(page).toHaveURL(/\/agents\?env=dev$/)
    expect(page.url()).not.toContain('access_token')
    expect(page.url()).not.toContain(token)
    // The hand-off navigation itself is one entry; taking the token out must not add another.
    expect(await page.evaluate(() => history.length)).toBe(lengthBefore + 1)

    await page.goBack()
    expect(page.url()).not.toContain('access_token')
    await page.goForward()
    expect(page.url()).not.toContain('access_token')
    await expect(page.getByRole('banner')).toContainText('Ada Admin')
  })

  test('a link pasted into an open tab (fragment change only) signs in too', async ({ page }) => {
    await page.goto('/login')
    const token = await demoToken('admin@acme')
    await page.evaluate((value) => {
      location.hash = `access_token=${value}`
    }, token)

    await expect(page.getByRole('banner')).toContainText('Ada Admin')
    expect(page.url()).not.toContain('access_token')
  })

  const badCases = [
    { name: 'a malformed token', token: async () => badTokens.malformed(), says: 'malformed' },
    { name: 'an expired token', token: () => badTokens.expired(), says: 'expired' },
    {
      name: 'a token without a tenant',
      token: () => badTokens.noTenant(),
      says: 'names no tenant',
    },
  ]
  for (const bad of badCases) {
    test(`${bad.name} leads to the sign-in page saying so`, async ({ page }) => {
      await page.goto(handoffUrl(await bad.token()))

      await expect(page).toHaveURL(/\/login/)
      await expect(page.getByRole('alert')).toContainText(bad.says)
      await expect(page.getByRole('banner')).toHaveCount(0)
      expect(page.url()).not.toContain('access_token')
    })
  }
})

test.describe('the end of a session', () => {
  test('a token that expires while the user works signs out with "Your session expired"', async ({
    page,
  }) => {
    // The app is loaded first and the token handed over by a fragment change, so the token's
    // few seconds of life are not spent loading the page on a busy machine.
    await page.goto('/login')
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
    const token = await demoToken('admin@acme', { expiresInSeconds: 5 })
    const signedAt = Date.now()
    await page.evaluate((value) => {
      location.hash = `access_token=${value}`
    }, token)
    await expect(page.getByRole('banner')).toContainText('Ada Admin')
    await expect(
      page.getByRole('table', { name: 'Applications' }).getByRole('link').first(),
    ).toBeVisible()
    const workingAt = new URL(page.url())

    // Deliberately long: the token lives about five seconds.
    await expect(page).toHaveURL(/\/login/, { timeout: 15_000 })
    expect(Date.now() - signedAt).toBeGreaterThanOrEqual(3_500)
    await expect(page.getByRole('alert')).toContainText('Your session expired')
    // Signing in again returns to where the user was.
    expect(new URL(page.url()).searchParams.get('next')).toBe(
      `${workingAt.pathname}${workingAt.search}`,
    )
    await expect(page.getByRole('banner')).toHaveCount(0)
  })

  test('any 401 from the server signs out with "Your session expired"', async ({ page }) => {
    // Valid-looking and not expired, but signed with another secret: only the server can tell.
    await page.goto(handoffUrl(await badTokens.wrongSecret()))

    await expect(page).toHaveURL(/\/login/)
    await expect(page.getByRole('alert')).toContainText('Your session expired')
    await expect(page.getByRole('banner')).toHaveCount(0)
  })

  test('signing out returns to the sign-in page and a reload does not bring the session back', async ({
    page,
    signInAs,
  }) => {
    await signInAs('admin@acme')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/login/)
    await expect(page.getByRole('alert')).toContainText('You signed out.')
    await page.reload()
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
    await expect(page.getByRole('banner')).toHaveCount(0)
  })
})
