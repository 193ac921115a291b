import { scopedGet } from '@/lib/api/api-client'
import { assertAnswersFor } from '@/lib/api/response-validation'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { routeDiagramSchema } from '@/lib/api/generated/response-schemas/route-diagram'

/** Route diagrams: a route's shape, which changes only when it is redeployed. */
export const diagramResources = {
  route: (scope: Scope, applicationId: string, routeId: string) =>
    scopedQuery(
      scopedKey(scope, 'diagrams', 'route', { applicationId, routeId }),
      async (key, signal) => {
        const diagram = await scopedGet('/diagrams/{applicationId}/{routeId}', {
          scope: key,
          schema: routeDiagramSchema,
          path: { applicationId: key.applicationId, routeId: key.routeId },
          signal,
        })
        return assertAnswersFor(
          diagram,
          { applicationId: key.applicationId, routeId: key.routeId },
          '/diagrams/{applicationId}/{routeId}',
        )
      },
    ),
}
