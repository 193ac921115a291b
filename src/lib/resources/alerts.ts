import { apiUrl, scopedGet, send } from '@/lib/api/api-client'
import { checkAnswer } from '@/lib/api/checked-answer'
import type { Schemas } from '@/lib/api/types'
import { scopedInfiniteQuery, scopedKey, scopedQuery, type Scope } from '@/lib/query/query-scope'
import { resolveTimeRange, stepForRange, type TimeRange } from '@/lib/time-range/time-range'
import { alertPageSchema } from '@/lib/api/generated/response-schemas/alert-page'
import { alertPreviewSchema } from '@/lib/api/generated/response-schemas/alert-preview'
import { alertRuleListSchema } from '@/lib/api/generated/response-schemas/alert-rule-list'
import { alertRuleSchema } from '@/lib/api/generated/response-schemas/alert-rule'
import { silenceListSchema } from '@/lib/api/generated/response-schemas/silence-list'
import { rangeParams, type Resolved } from './range'

/**
 * Alerting, per environment: rules, alerts (open ones, the history), silences and the preview
 * of a condition over history (the bell's summary is in alert-summary.ts). Every key starts with the scope, so
 * the bell's one summary per environment never shares an entry with another environment's.
 */

/** The answer, with the condition it answers (the key's), so a view never mixes the two. */
export type AlertPreview = Schemas['AlertPreview'] &
  Resolved & { asked: { condition: Schemas['AlertCondition']; forSeconds: number } }

/** The API's alert filters, only those set. */
export interface AlertFilters {
  state?: Schemas['AlertState']
  ruleId?: string
  severity?: Schemas['AlertSeverity']
}

export const ALERT_PAGE_SIZE = 50
/** Open alerts are few; one page holds them (the server pages, we ask for its maximum). */
const OPEN_ALERTS_LIMIT = 500

export const alertResources = {
  /** The open alerts (FIRING and ACKNOWLEDGED), newest first. */
  open: (scope: Scope) =>
    scopedQuery(scopedKey(scope, 'alerts', 'open'), (key, signal) =>
      scopedGet('/alerts', {
        scope: key,
        schema: alertPageSchema,
        signal,
        query: { limit: OPEN_ALERTS_LIMIT },
      }),
    ),

  /** Alerts by state, rule and severity, cursor-paged (the history). */
  list: (scope: Scope, filters: AlertFilters) =>
    scopedInfiniteQuery(scopedKey(scope, 'alerts', 'list', filters), {
      fetch: (key, cursor: string | null, signal) =>
        scopedGet('/alerts', {
          scope: key,
          schema: alertPageSchema,
          signal,
          query: {
            state: key.state,
            ruleId: key.ruleId,
            severity: key.severity,
            limit: ALERT_PAGE_SIZE,
            cursor: cursor ?? undefined,
          },
        }),
      initialPageParam: null,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),

  rules: (scope: Scope) =>
    scopedQuery(scopedKey(scope, 'alerts', 'rules'), (key, signal) =>
      scopedGet('/alerts/rules', { scope: key, schema: alertRuleListSchema, signal }),
    ),

  rule: (scope: Scope, ruleId: string) =>
    scopedQuery(scopedKey(scope, 'alerts', 'rule', { ruleId }), (key, signal) =>
      scopedGet('/alerts/rules/{ruleId}', {
        scope: key,
        schema: alertRuleSchema,
        signal,
        path: { ruleId: key.ruleId },
      }),
    ),

  silences: (scope: Scope) =>
    scopedQuery(scopedKey(scope, 'alerts', 'silences'), (key, signal) =>
      scopedGet('/alerts/silences', { scope: key, schema: silenceListSchema, signal }),
    ),

  /**
   * The condition's value over the range and when the rule would have fired (a read: a POST
   * only because a condition does not fit a query string). About `buckets` points.
   */
  preview: (
    scope: Scope,
    range: TimeRange,
    condition: Schemas['AlertCondition'],
    forSeconds: number,
    buckets: number,
  ) =>
    scopedQuery(
      scopedKey(scope, 'alerts', 'preview', {
        ...rangeParams(range),
        condition,
        forSeconds,
        buckets,
      }),
      async (key, signal): Promise<AlertPreview> => {
        const resolved = resolveTimeRange({ from: key.from, to: key.to })
        const path = '/alerts/rules/preview'
        const url = apiUrl(path, {
          query: {
            environment: key.env,
            ...resolved,
            step: stepForRange(resolved, key.buckets),
          },
        })
        const body = await send(path, {
          url,
          signal,
          json: { condition: key.condition, forSeconds: key.forSeconds },
        })
        const answer = await checkAnswer(body, alertPreviewSchema, key, path)
        return {
          ...answer,
          resolved,
          asked: { condition: key.condition, forSeconds: key.forSeconds },
        }
      },
    ),
}

/** The key prefix of everything alerting in one scope: what a write invalidates. */
export const alertScopeKey = (scope: Scope) =>
  [{ tenant: scope.tenant, env: scope.env, resource: 'alerts' }] as const
