import { scopedGet } from '@/lib/api/api-client'
import { commandSchema } from '@/lib/api/generated/response-schemas/command'
import { commandPageSchema } from '@/lib/api/generated/response-schemas/command-page'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'

export const routeCommandQueries = {
  detail: (scope: Scope, commandId: string) =>
    scopedQuery(scopedKey(scope, 'commands', 'detail', { commandId }), (key, signal) =>
      scopedGet('/commands/{commandId}', {
        scope: key,
        schema: commandSchema,
        path: { commandId: key.commandId },
        signal,
      }),
    ),
  list: (scope: Scope, applicationId: string) =>
    scopedQuery(scopedKey(scope, 'commands', 'list', { applicationId }), (key, signal) =>
      scopedGet('/commands', {
        scope: key,
        schema: commandPageSchema,
        query: { applicationId: key.applicationId, limit: 50 },
        signal,
      }),
    ),
}
