import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useSearchParams } from 'react-router'
import { TimeRangeControls } from '@/components/time-range-controls'
import {
  environmentLabel,
  environmentLabelMarkingProduction,
  isProduction,
  productionFirst,
} from '@/environment/environment-info'
import { useEnvironmentLookup } from '@/environment/use-environment-info'
import { resolveComparison, type ComparisonResolution } from '@/environment/resolve-comparison'
import { useAvailableEnvironments } from '@/environment/use-available-environments'
import { usePageTitle } from '@/environment/use-page-title'
import { useScope } from '@/environment/use-scope'
import { polling } from '@/lib/query/retry-policy'
import { keepPreviousInScope, type Scope } from '@/lib/query/query-scope'
import { useAutoRefresh, useAutoRefreshPause, useTimeRange } from '@/lib/time-range/use-time-range'
import { compareQueries, isCompareKeyOf } from './compare-queries'
import { IgnoredLinkValues } from '@/components/ignored-link-values'
import { useUrlState } from '@/lib/url-state/use-url-state'
import { useViewRefresh } from '@/lib/query/use-view-refresh'
import { compareView, type CompareViewState } from './compare-url-state'
import { FleetDriftSection } from './fleet-drift-section'
import { OverlaySection } from './overlay-section'
import { RoutePerformanceSection } from './route-performance-section'
import type { SideView } from './side-view'
import './compare.css'

// The last sections, the rule sets and the configurations compared: loaded beside the sides'
// data, not before the page's first paint.
const AlertRulesSection = lazy(async () => ({
  default: (await import('./alert-rules-section')).AlertRulesSection,
}))
const ConfigDifferencesSection = lazy(async () => ({
  default: (await import('./config-differences-section')).ConfigDifferencesSection,
}))

/** A key no query is ever made for: the second side's queries while it has no environment. */
const NO_ENVIRONMENT = ''

/**
 * `/compare?env=<a>&with=<b>`: two environments side by side — fleet drift, route
 * performance over the shared range, and overlay charts. The one page with two scopes: side A
 * is the page's environment (resolved by the environment gate), side B is `?with=`, checked
 * by the same rules; each side's queries are built from its own scope only.
 */
export function ComparePage() {
  usePageTitle('Compare')
  const scope = useScope()
  const queryClient = useQueryClient()
  const available = useAvailableEnvironments()
  const lookup = useEnvironmentLookup()
  const [searchParams, setSearchParams] = useSearchParams()
  const fromUrl = searchParams.get('with')
  const { range, problem: rangeProblem } = useTimeRange()
  const { intervalMs } = useAutoRefresh()
  const pause = useAutoRefreshPause()
  const refetchInterval = pause ? false : intervalMs

  const resolution = useMemo<ComparisonResolution | null>(
    () =>
      available.isPending
        ? null
        : resolveComparison({
            fromUrl,
            active: scope.env,
            available: available.ids,
            production: new Set(
              available.items.filter((item) => item.production).map((item) => item.id),
            ),
          }),
    [available.isPending, available.ids, available.items, fromUrl, scope.env],
  )

  // The refused value leaves the URL below, so what to tell the user is remembered here
  // (React's "adjust state when a prop changes" pattern, as the environment gate does).
  const [notice, setNotice] = useState<NonNullable<ComparisonResolution['rejected']> | null>(null)
  const rejected = resolution?.rejected ?? null
  if (rejected && rejected.why !== 'same' && notice?.value !== rejected.value) setNotice(rejected)

  // Before paint: a missing `with` gets the default, a refused one its replacement, so the
  // URL always says what is compared (a refused value is never requested, only replaced).
  useLayoutEffect(() => {
    if (!resolution?.env || fromUrl === resolution.env) return
    if (resolution.rejected?.why === 'same') return
    setSearchParams(
      (params) => {
        params.set('with', resolution.env as string)
        return params
      },
      { replace: true },
    )
  }, [resolution, fromUrl, setSearchParams])

  const withEnv =
    resolution?.env && resolution.env === fromUrl && !resolution.rejected ? resolution.env : null
  const sideBScope = useMemo<Scope | null>(
    () => (withEnv ? { tenant: scope.tenant, env: withEnv } : null),
    [scope.tenant, withEnv],
  )

  // Changing side B: its old environment's requests are of no use any more. Cancel them, and
  // only them (never the page's own environment, which side A may now be showing).
  const previousWith = useRef<string | null>(withEnv)
  useEffect(() => {
    const previous = previousWith.current
    previousWith.current = withEnv
    if (previous && previous !== withEnv && previous !== scope.env) {
      void queryClient.cancelQueries({
        predicate: (query) => isCompareKeyOf(query.queryKey, previous),
      })
    }
  }, [withEnv, scope.env, queryClient])

  const { values: state, ignored, set } = useUrlState(compareView)
  const onChange = useCallback(
    (patch: Partial<CompareViewState>, options: { replace?: boolean } = {}) =>
      set(patch, { replace: options.replace ?? false }),
    [set],
  )

  const sideA = useSideData(scope, range, refetchInterval)
  const sideB = useSideData(sideBScope, range, refetchInterval, scope.tenant)

  const ofThisView = (query: { queryKey: readonly unknown[] }) =>
    isCompareKeyOf(query.queryKey, scope.env) ||
    (withEnv !== null && isCompareKeyOf(query.queryKey, withEnv))
  const { refresh, refreshing } = useViewRefresh(ofThisView)

  const chooseA = (env: string) =>
    setSearchParams((params) => {
      params.set('env', env)
      return params
    })
  const chooseB = (env: string) =>
    setSearchParams((params) => {
      params.set('with', env)
      return params
    })

  return (
    <div className="compare-page">
      <header className="page-header">
        <h1>Compare environments</h1>
        <TimeRangeControls onRefresh={refresh} refreshing={refreshing} />
      </header>
      <EnvironmentPickers
        ids={productionFirst(available.items).map((item) => item.id)}
        a={scope.env}
        b={withEnv ?? (rejected?.why === 'same' ? null : (resolution?.env ?? null))}
        onChooseA={chooseA}
        onChooseB={chooseB}
      />
      {notice && withEnv === resolution?.env ? (
        <div className="notice" role="alert">
          <span>
            The link’s environment to compare with, “{shorten(notice.value)}”,{' '}
            {notice.why === 'malformed'
              ? 'is not a valid environment id'
              : 'is not an environment you can see in this tenant'}
            : it was not loaded. Comparing with <strong>{withEnv}</strong> instead.
          </span>
          <button type="button" className="button button-quiet" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {rejected?.why === 'same' ? (
        <div className="notice" role="alert">
          <span>
            <strong>{shorten(rejected.value)}</strong> cannot be compared with itself: choose
            another environment to compare with.
          </span>
        </div>
      ) : null}
      {resolution && !resolution.env && !rejected ? (
        <div className="notice" role="status">
          You may see only one environment ({environmentLabel(lookup(scope.env), scope.env)}), so
          there is nothing to compare it with.
        </div>
      ) : null}
      <IgnoredLinkValues rangeProblem={rangeProblem} problems={ignored} />

      <div className="compare-sides">
        <SideHeading side={sideA} index={0} />
        {sideB.env ? <SideHeading side={sideB} index={1} /> : null}
      </div>

      <FleetDriftSection a={sideA} b={sideB} state={state} onChange={onChange} />
      <RoutePerformanceSection
        a={sideA}
        b={sideB}
        range={range}
        state={state}
        onChange={onChange}
      />
      <OverlaySection
        a={sideA}
        b={sideB}
        range={range}
        state={state}
        refetchInterval={refetchInterval}
        onChange={onChange}
      />
      <Suspense fallback={null}>
        <AlertRulesSection a={sideA} b={sideB} />
        <ConfigDifferencesSection a={sideA} b={sideB} />
      </Suspense>
    </div>
  )
}

const shorten = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value)

/**
 * One side's fleet and route statistics. `side` null: no environment chosen (yet); the
 * queries are then disabled and nothing of theirs is returned.
 */
function useSideData(
  side: Scope | null,
  range: ReturnType<typeof useTimeRange>['range'],
  refetchInterval: number | false,
  tenant = side?.tenant ?? '',
): SideView {
  const keyScope = side ?? { tenant, env: NO_ENVIRONMENT }
  const agents = useQuery({
    ...compareQueries.agents(keyScope),
    enabled: side !== null,
    refetchInterval: polling(refetchInterval),
  })
  const stats = useQuery({
    ...compareQueries.routeStats(keyScope, range),
    enabled: side !== null,
    refetchInterval: polling(refetchInterval),
    // Keeps the table while the range changes, never across environments.
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, keyScope),
  })
  return {
    scope: side,
    env: side?.env ?? null,
    agents: side ? agents : null,
    stats: side ? stats : null,
  }
}

function SideHeading({ side, index }: { side: SideView; index: 0 | 1 }) {
  const lookup = useEnvironmentLookup()
  if (!side.env) return null
  const facts = lookup(side.env)
  const production = isProduction(facts)
  const label = environmentLabel(facts, side.env)
  const data = side.agents?.data
  return (
    <section
      className={`compare-side compare-side-${index === 0 ? 'a' : 'b'}${production ? ' is-prod' : ''}`}
      aria-label={`Environment ${label}`}
    >
      <h2 className="compare-side-title">
        {label}
        {production ? <strong className="prod-label">PRODUCTION</strong> : null}
      </h2>
      <p className="compare-side-line">
        {index === 0 ? 'Solid lines' : 'Dashed lines'} in the charts ·{' '}
        {data
          ? `${data.items.length} agents, ${data.items.filter((agent) => agent.status === 'LIVE').length} live`
          : side.agents?.isError
            ? 'agents could not be loaded'
            : 'loading agents…'}
      </p>
    </section>
  )
}

function EnvironmentPickers({
  ids,
  a,
  b,
  onChooseA,
  onChooseB,
}: {
  ids: readonly string[]
  a: string
  b: string | null
  onChooseA: (env: string) => void
  onChooseB: (env: string) => void
}) {
  const idA = useId()
  const idB = useId()
  const lookup = useEnvironmentLookup()
  const label = (env: string) => environmentLabelMarkingProduction(lookup(env), env)
  return (
    <div className="compare-pickers">
      <label htmlFor={idA}>
        Compare<span className="visually-hidden"> environment</span>
      </label>
      <select id={idA} value={a} onChange={(event) => onChooseA(event.target.value)}>
        {ids.map((env) => (
          <option key={env} value={env} disabled={env === b}>
            {label(env)}
          </option>
        ))}
      </select>
      <label htmlFor={idB}>
        with<span className="visually-hidden"> environment</span>
      </label>
      <select id={idB} value={b ?? ''} onChange={(event) => onChooseB(event.target.value)}>
        {b === null ? <option value="">Choose an environment…</option> : null}
        {ids.map((env) => (
          <option key={env} value={env} disabled={env === a}>
            {label(env)}
          </option>
        ))}
      </select>
    </div>
  )
}
