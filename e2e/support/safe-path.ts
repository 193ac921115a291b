import type { Page } from '@playwright/test'

/**
 * What the safe-path specs share: a switch of environment that does not go through the
 * switcher, and the command writes a page sends.
 */

/**
 * Switches the page to `env` from outside the page, as a link opened in another tab does: a
 * modal dialog keeps the environment switcher out of reach, so the URL changes through history.
 */
export async function switchEnvironmentFromHistory(page: Page, env: string): Promise<void> {
  await page.evaluate((to) => {
    const url = new URL(location.href)
    url.searchParams.set('env', to)
    history.pushState(null, '', url)
    dispatchEvent(new PopStateEvent('popstate'))
  }, env)
}

/** The body of every `POST /commands` the page sends from now on, in order. */
export function recordCommandPosts(page: Page): string[] {
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/commands')) {
      posts.push(request.postData() ?? '')
    }
  })
  return posts
}
