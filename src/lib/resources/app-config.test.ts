import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { HttpError } from '@/lib/api/errors'
import type { Schemas } from '@/lib/api/types'
import { signDemoToken } from '@/mocks/auth/auth-tokens'
import { server } from '@/mocks/node'
import { startSession } from '@/session/session-store'
import { appConfigResources, saveAppConfig } from './app-config'

const scope = { tenant: 'acme', env: 'dev' }

beforeEach(async () => startSession(await signDemoToken('ops@acme'), 'login'))

const read = () => new QueryClient().fetchQuery(appConfigResources.detail(scope, 'order-service'))

describe('app-config/detail', () => {
  it('is keyed by scope and application', () => {
    expect(appConfigResources.detail(scope, 'order-service').queryKey).toEqual([
      {
        tenant: 'acme',
        env: 'dev',
        resource: 'app-config',
        entity: 'detail',
        applicationId: 'order-service',
      },
    ])
  })

  it('takes the version If-Match must send from the ETag, else from the body', async () => {
    const config = await read()
    expect(config.version).toBe(1)
    server.use(
      http.get('*/api/v1/apps/:app/config', () =>
        HttpResponse.json({ ...config, version: 1 }, { headers: { ETag: '"7"' } }),
      ),
    )
    expect((await read()).version).toBe(7)
  })

  it('refuses a configuration of another application than asked for', async () => {
    const config = await read()
    server.use(
      http.get('*/api/v1/apps/:app/config', () =>
        HttpResponse.json({ ...config, applicationId: 'payment-gateway' }),
      ),
    )
    await expect(read()).rejects.toThrow(/another applicationId/)
  })
})

describe('saveAppConfig', () => {
  it('sends If-Match with the version and answers the new one', async () => {
    const config = await read()
    const saved = await saveAppConfig({
      scope,
      applicationId: 'order-service',
      settings: { ...config.settings, logLevel: 'WARN' },
      version: config.version,
    })
    expect(saved).toMatchObject({ version: 2, settings: { logLevel: 'WARN' } })
    const stale = saveAppConfig({
      scope,
      applicationId: 'order-service',
      settings: config.settings,
      version: config.version,
    })
    await expect(stale).rejects.toBeInstanceOf(HttpError)
    const error = (await stale.catch((failure: unknown) => failure)) as HttpError
    expect(error.status).toBe(412)
    expect((error.problem?.current as Schemas['AppConfig'] | undefined)?.version).toBe(2)
  })
})
