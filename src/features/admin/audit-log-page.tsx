import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { Download } from 'lucide-react'
import { useId, useMemo, useState } from 'react'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { ErrorState, LoadingState } from '@/components/query-states'
import { ExactTime } from '@/components/time-display'
import { TimeRangeControls } from '@/components/time-range-controls'
import { environmentLabel, productionFirst } from '@/environment/environment-info'
import { environmentQueries } from '@/environment/environment-queries'
import { useEnvironmentLookup } from '@/environment/use-environment-info'
import { usePageTitle } from '@/environment/use-page-title'
import type { AuditAction, AuditEntry } from '@/lib/api/types'
import { adminResources, AUDIT_PAGE_SIZE, type AuditFilters } from '@/lib/resources/admin'
import { resolveTimeRange } from '@/lib/time-range/time-range'
import { useTimeRange } from '@/lib/time-range/use-time-range'
import { choice, defineUrlState, id, param } from '@/lib/url-state/url-state'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { useClaims } from '@/session/session-store'
import { buildAuditCsv } from './audit-csv'

/** Every action of the contract, in words. */
export const ACTION_WORDS: Readonly<Record<AuditAction, string>> = {
  'environment.create': 'Created an environment',
  'environment.update': 'Changed an environment',
  'environment.delete': 'Deleted an environment',
  'access.update': 'Changed access',
  'route.start': 'Started a route',
  'route.stop': 'Stopped a route',
  'route.suspend': 'Suspended a route',
  'route.resume': 'Resumed a route',
  'execution.replay': 'Replayed an execution',
  'config.update': 'Changed an application’s configuration',
  'alert-rule.create': 'Created an alert rule',
  'alert-rule.update': 'Changed an alert rule',
  'alert-rule.delete': 'Deleted an alert rule',
  'silence.create': 'Created a silence',
  'silence.delete': 'Ended a silence',
  'alert.ack': 'Acknowledged an alert',
}
const ACTIONS = Object.keys(ACTION_WORDS) as AuditAction[]

const OUTCOME_WORDS: Readonly<Record<AuditEntry['outcome'], string>> = {
  success: 'Done',
  denied: 'Denied',
  failed: 'Failed',
}

/** 20,000 entries: more than a spreadsheet is read for; narrow the filters beyond that. */
const MAX_CSV_PAGES = 200

const ENVIRONMENT_FILTER = /^(tenant|[a-z0-9][a-z0-9-]{0,31})$/

/** The audit log's filters in the URL (the time range is the app's own `from`/`to`). */
const auditUrlState = defineUrlState({
  environment: param<string | null>('in', {
    fallback: null,
    parse: (raw) =>
      raw === ''
        ? { value: null }
        : ENVIRONMENT_FILTER.test(raw)
          ? { value: raw }
          : { ignored: `The environment filter “${raw.slice(0, 40)}” is not an environment id.` },
    serialize: (value) => value,
  }),
  actor: id('actor', 'actor filter'),
  action: choice('action', ACTIONS, { label: 'action' }),
})

/** `/admin/audit`: every write, allowed or refused, newest first. */
export function AuditLogPage() {
  usePageTitle('Audit log')
  const tenant = useClaims()?.tenant ?? ''
  const queryClient = useQueryClient()
  const lookup = useEnvironmentLookup()
  const environments = useQuery(environmentQueries.list(tenant))
  const users = useQuery(adminResources.users(tenant))
  const { values, ignored, set } = useUrlState(auditUrlState)
  const { range, problem } = useTimeRange()
  const filters: AuditFilters = useMemo(
    () => ({ ...values, from: range.from, to: range.to }),
    [values, range.from, range.to],
  )
  const resolve = (written: { from: string; to: string }) => resolveTimeRange(written)
  const audit = useInfiniteQuery(adminResources.audit(tenant, filters, resolve))
  const entries = useMemo(() => audit.data?.pages.flatMap((page) => page.items) ?? [], [audit.data])
  const fieldIds = { environment: useId(), actor: useId(), action: useId() }
  const [download, setDownload] = useState<string | null>(null)

  const whereOf = (entry: AuditEntry) =>
    entry.environment === null
      ? 'Tenant'
      : environmentLabel(lookup(entry.environment), entry.environment)

  const downloadCsv = async () => {
    setDownload('Preparing the CSV…')
    try {
      // Every page the filters select (paged to the end), not only those on screen.
      const data = await queryClient.fetchInfiniteQuery({
        ...adminResources.audit(tenant, filters, resolve),
        pages: MAX_CSV_PAGES,
      })
      const rows = data.pages.flatMap((page) => page.items)
      const csv = buildAuditCsv(rows, (entry) => ({ action: ACTION_WORDS[entry.action] }))
      const name = `audit-${tenant}.csv`
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
      const link = document.createElement('a')
      link.href = url
      link.download = name
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 0)
      setDownload(`Downloaded ${name} (${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}).`)
    } catch (error) {
      setDownload(`The CSV could not be prepared: ${(error as Error).message}`)
    }
  }

  return (
    <section className="admin-page">
      <div className="admin-page-head">
        <h1>Audit log</h1>
        <TimeRangeControls onRefresh={() => void audit.refetch()} refreshing={audit.isRefetching} />
      </div>
      <IgnoredLinkValues rangeProblem={problem} problems={ignored} />
      <div className="admin-filters" role="group" aria-label="Filters">
        <div className="admin-field">
          <label htmlFor={fieldIds.environment}>Environment</label>
          <select
            id={fieldIds.environment}
            value={values.environment ?? ''}
            onChange={(event) => set({ environment: event.target.value || null })}
          >
            <option value="">All, and tenant-wide</option>
            <option value="tenant">Tenant-wide only</option>
            {productionFirst(environments.data?.items ?? []).map((environment) => (
              <option key={environment.id} value={environment.id}>
                {environmentLabel(environment, environment.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor={fieldIds.actor}>Actor</label>
          <select
            id={fieldIds.actor}
            value={values.actor ?? ''}
            onChange={(event) => set({ actor: event.target.value || null })}
          >
            <option value="">Anyone</option>
            {(users.data?.items ?? []).map((user) => (
              <option key={user.userId} value={user.userId}>
                {user.name} ({user.userId})
              </option>
            ))}
            {values.actor && !users.data?.items.some((user) => user.userId === values.actor) ? (
              <option value={values.actor}>{values.actor}</option>
            ) : null}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor={fieldIds.action}>Action</label>
          <select
            id={fieldIds.action}
            value={values.action ?? ''}
            onChange={(event) =>
              set({ action: (event.target.value || null) as AuditAction | null })
            }
          >
            <option value="">Any action</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {ACTION_WORDS[action]}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-export">
          <button type="button" className="button" onClick={() => void downloadCsv()}>
            <Download size={14} aria-hidden="true" />
            Download CSV
          </button>
          <span role="status" className="admin-hint">
            {download}
          </span>
        </div>
      </div>
      {audit.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : audit.isError && !audit.data ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <>
          <AuditTable entries={entries} whereOf={whereOf} />
          <p className="admin-hint" role="status">
            {entries.length === 0
              ? 'Nothing was done in this time range with these filters.'
              : audit.hasNextPage
                ? `Showing the newest ${entries.length} entries.`
                : `All ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} shown.`}
          </p>
          {audit.hasNextPage ? (
            <button
              type="button"
              className="button"
              disabled={audit.isFetchingNextPage}
              onClick={() => void audit.fetchNextPage()}
            >
              {audit.isFetchingNextPage ? 'Loading…' : `Load ${AUDIT_PAGE_SIZE} more`}
            </button>
          ) : null}
        </>
      )}
    </section>
  )
}

function AuditTable({
  entries,
  whereOf,
}: {
  entries: readonly AuditEntry[]
  whereOf: (entry: AuditEntry) => string
}) {
  return (
    <div className="table-scroll">
      <table className="data-table admin-table" aria-label="Audit log">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Environment</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Outcome</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.auditId} className={`audit-${entry.outcome}`}>
              <td>
                <ExactTime iso={entry.at} />
              </td>
              <td>
                {entry.actor.name} <span className="admin-hint">({entry.actor.userId})</span>
              </td>
              <td>{whereOf(entry)}</td>
              <td>{ACTION_WORDS[entry.action] ?? entry.action}</td>
              <td>
                <code>{entry.target}</code>
              </td>
              <td>
                <span className={`audit-outcome audit-outcome-${entry.outcome}`}>
                  {OUTCOME_WORDS[entry.outcome]}
                </span>
              </td>
              <td>{entry.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
