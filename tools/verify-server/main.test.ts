// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from './main'

/** Usage errors end the run before any request: exit 2, the reason on stderr. */
describe('verify-server usage errors', () => {
  afterEach(() => vi.unstubAllEnvs())

  async function run(args: string[]) {
    const errors: string[] = []
    vi.spyOn(console, 'error').mockImplementation(
      (message: unknown) => void errors.push(String(message)),
    )
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const status = await main(args)
    return { status, stderr: errors.join('\n'), printed: log.mock.calls.length }
  }

  it('needs --url', async () => {
    const { status, stderr, printed } = await run([])
    expect(status).toBe(2)
    expect(stderr).toContain('--url <base> is required')
    expect(printed).toBe(0)
  })

  it('takes a password from the environment only: --login without CAMELEER_PASSWORD stops', async () => {
    vi.stubEnv('CAMELEER_PASSWORD', '')
    const { status, stderr } = await run(['--url', 'http://127.0.0.1:9', '--login', 'dev@acme'])
    expect(status).toBe(2)
    expect(stderr).toContain('needs the password in CAMELEER_PASSWORD')
  })

  it('rejects a bad timeout and unknown options', async () => {
    expect((await run(['--url', 'http://127.0.0.1:9', '--timeout-ms', '0'])).status).toBe(2)
    expect((await run(['--url', 'http://127.0.0.1:9', '--token', 'x'])).status).toBe(2)
  })
})
