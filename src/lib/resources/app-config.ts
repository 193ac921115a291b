import { scopedUrl, send } from '@/lib/api/api-client'
import { checkAnswer } from '@/lib/api/checked-answer'
import { appConfigSchema } from '@/lib/api/generated/response-schemas/app-config'
import { assertAnswersFor } from '@/lib/api/response-validation'
import type { Schemas } from '@/lib/api/types'
import { parseEtag, sendWrite } from '@/lib/api/write'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'

/**
 * An application's configuration in one environment (`app-config/detail`), and the one way to
 * change it: `PUT` with `If-Match` through `sendWrite` (views call it from the safe path,
 * environment/write-dialog). `version` is what `If-Match` must send: the answer's `ETag` when it
 * has one, else the body's `version`.
 */

export type AppConfig = Schemas['AppConfig']
export type AppSettings = Schemas['AppSettings']

const PATH = '/apps/{applicationId}/config'

/** The ETag's version over the body's (the tag is what the server compares `If-Match` with). */
function withVersion(config: AppConfig, etag: string | null): AppConfig {
  const version = parseEtag(etag)
  return version === null ? config : { ...config, version }
}

export const appConfigResources = {
  detail: (scope: Scope, applicationId: string) =>
    scopedQuery(
      scopedKey(scope, 'app-config', 'detail', { applicationId }),
      async (key, signal): Promise<AppConfig> => {
        let etag: string | null = null
        const options = {
          scope: key,
          schema: appConfigSchema,
          signal,
          path: { applicationId: key.applicationId },
        }
        const body = await send(PATH, {
          url: scopedUrl(PATH, options),
          signal,
          onResponse: (response) => {
            etag = response.headers.get('ETag')
          },
        })
        const config = await checkAnswer(body, appConfigSchema, key, PATH)
        assertAnswersFor(config, { applicationId: key.applicationId }, PATH)
        return withVersion(config, etag)
      },
    ),
}

/** Replaces every setting; rejects with the API's error (400, 403, 404, 412 with `current`…). */
export async function saveAppConfig(request: {
  scope: Scope
  applicationId: string
  settings: AppSettings
  /** The version the change was made against. */
  version: number
  signal?: AbortSignal
}): Promise<AppConfig> {
  const { data, version } = await sendWrite({
    method: 'PUT',
    path: PATH,
    params: { path: { applicationId: request.applicationId } },
    tenant: request.scope.tenant,
    env: request.scope.env,
    body: { settings: request.settings },
    ifMatch: request.version,
    schema: appConfigSchema,
    signal: request.signal,
  })
  assertAnswersFor(data, { applicationId: request.applicationId }, PATH)
  return version === null ? data : { ...data, version }
}
