import { scopedGet } from '@/lib/api/api-client'
import { scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { alertSummarySchema } from '@/lib/api/generated/response-schemas/alert-summary'

/**
 * What the bell in every page's header polls: one environment's open, unsilenced counts. On its
 * own (not in alerts.ts), so the entry chunk carries this one schema and none of alerting's
 * others. Its key sits under the scope's `alerts` prefix, so an alerting write refreshes it.
 */
export const alertSummaryResources = {
  summary: (scope: Scope) =>
    scopedQuery(scopedKey(scope, 'alerts', 'summary'), (key, signal) =>
      scopedGet('/alerts/summary', { scope: key, schema: alertSummarySchema, signal }),
    ),
}
