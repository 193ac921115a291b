import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { APIRequestContext, APIResponse } from '@playwright/test'
import { CACHE_CONTROL, SECURITY_HEADERS } from '../deploy/security-headers'
import { expect, test } from './support/fixtures'
import {
  ensureProductionBuild,
  REPO_ROOT,
  startNginx,
  startUpstream,
  type RunningNginx,
} from './support/nginx'

/**
 * The example deploy config, deploy/nginx.conf, run by a real nginx in front of the deployable
 * bundle (dist/, no mock) and a stand-in Cameleer3 server: the production headers on every
 * response, the caching rules, the SPA fallback and the /api/v1 proxy, then the bundle itself
 * in Chromium under that config's policy.
 */

// One nginx for the file: its tests run one after another in one worker (the suite is
// otherwise fully parallel), each still passing or failing on its own.
test.describe.configure({ mode: 'default' })

let nginx: RunningNginx
let upstream: Awaited<ReturnType<typeof startUpstream>>
let http: APIRequestContext
let dist: string

test.beforeAll(async ({ playwright }) => {
  // A cold production build on a small machine, when dist/ is not there yet.
  test.setTimeout(240_000)
  dist = ensureProductionBuild()
  upstream = await startUpstream()
  nginx = await startNginx(dist, upstream.port)
  http = await playwright.request.newContext({ baseURL: nginx.baseURL })
})

test.afterAll(async () => {
  await http?.dispose()
  await nginx?.stop()
  await upstream?.close()
})

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers()
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(headers[name.toLowerCase()], `${name} on ${what}`).toBe(value)
  }
}

async function hashedAssets(): Promise<{ script: string; stylesheet: string }> {
  const html = await readFile(join(dist, 'index.html'), 'utf8')
  const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
  const stylesheet = /<link rel="stylesheet" crossorigin href="(\/assets\/[^"]+\.css)"/.exec(
    html,
  )?.[1]
  if (!script || !stylesheet) throw new Error(`dist/index.html names no hashed assets:\n${html}`)
  return { script, stylesheet }
}

test('the root and every deep link get index.html, revalidated, with the production headers', async () => {
  const indexHtml = await readFile(join(dist, 'index.html'), 'utf8')
  for (const path of [
    '/',
    '/index.html',
    '/executions?env=prod',
    '/agents/orders-7f9c.eu-west-1?env=staging',
    '/no/such/page',
  ]) {
    const response = await http.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['content-type'], path).toMatch(/^text\/html/)
    expect(await response.text(), `${path} is the SPA fallback`).toBe(indexHtml)
    expect(response.headers()['cache-control'], path).toBe(CACHE_CONTROL.document)
    expectSecurityHeaders(response, path)
  }
})

test('hashed assets are cached for a year, as immutable, with the production headers', async () => {
  const { script, stylesheet } = await hashedAssets()
  for (const [path, type] of [
    [script, /^(text|application)\/javascript/],
    [stylesheet, /^text\/css/],
  ] as const) {
    const response = await http.get(path)
    expect(response.status(), path).toBe(200)
    // Module scripts are refused under any other type, all the more with nosniff.
    expect(response.headers()['content-type'], path).toMatch(type)
    expect(response.headers()['cache-control'], path).toBe(CACHE_CONTROL.hashedAsset)
    expectSecurityHeaders(response, path)
  }
})

test('a missing asset is a 404, neither index.html nor cached', async () => {
  const response = await http.get('/assets/index-0ld0ld0ld.js')
  expect(response.status()).toBe(404)
  expect(response.headers()['content-type']).not.toMatch(/javascript/)
  expect(response.headers()['cache-control']).toBeUndefined()
  expectSecurityHeaders(response, 'a 404')
})

test('/api/v1 is proxied to the server on the same origin, untouched', async () => {
  const path = '/api/v1/agents?environment=prod&status=DEAD&q=a%20b'
  const before = upstream.requests.length
  const response = await http.get(path, { headers: { Authorization: 'Bearer header.payload.sig' } })

  expect(response.status()).toBe(200)
  expect(await response.json()).toEqual({ items: [], nextCursor: null })
  expect(response.headers()['x-stand-in-server']).toBe('cameleer3')
  // The server's own caching, with nothing added by the proxy.
  expect(response.headers()['cache-control']).toBe('private, no-store')
  expectSecurityHeaders(response, path)

  const received = upstream.requests.slice(before)
  expect(received).toHaveLength(1)
  expect(received[0]?.method).toBe('GET')
  expect(received[0]?.url).toBe(path)
  expect(received[0]?.headers.authorization).toBe('Bearer header.payload.sig')
  expect(received[0]?.headers.host).toBe(new URL(nginx.baseURL).host)
})

test('docs/deploy.md lists exactly the headers the config sends', async () => {
  const docs = await readFile(join(REPO_ROOT, 'docs/deploy.md'), 'utf8')
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(docs).toContain(`${name}: ${value}`)
  }
  expect(docs).toContain(`Cache-Control: ${CACHE_CONTROL.hashedAsset}`)
  expect(docs).toContain(`Cache-Control: ${CACHE_CONTROL.document}`)
})

test('the deployable bundle runs under the config: sign-in page, deep link, login through the proxy', async ({
  page,
}) => {
  // The shared fixture fails this test on any policy violation the page reports.
  const before = upstream.requests.length
  const login = await page.goto(`${nginx.baseURL}/login`)
  expect(login?.headers()['content-security-policy']).toBe(
    SECURITY_HEADERS['Content-Security-Policy'],
  )
  await page.getByRole('textbox', { name: 'Username' }).fill('admin@acme')
  await page.getByLabel('Password').fill('wrong')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.')

  const logins = upstream.requests.slice(before).filter((r) => r.url === '/api/v1/auth/login')
  expect(logins).toHaveLength(1)
  expect(logins[0]?.method).toBe('POST')
  expect(JSON.parse(logins[0]?.body ?? '{}')).toMatchObject({ username: 'admin@acme' })
})
