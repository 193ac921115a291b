import { useSearchParams } from 'react-router'
import { describeTimeRange } from '@/components/time-range-controls'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { isRelativeRange, readTimeRange, writeTimeRange } from '@/lib/time-range/time-range'
import { environmentLabel, environmentName, isProduction } from './environment-info'
import { useEnvironmentLookup } from './use-environment-info'

// The notices a just-opened link may get (see link-arrival.ts): loaded by the environment gate
// only when there is one to show, not on the first paint of every page.

const RELATIVE_UNITS: Array<[number, string]> = [
  [604_800_000, 'w'],
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'm'],
]

/** The relative range as long as a fixed one: 2 h fixed → `now-2h`. */
export function relativeRangeLike(range: { from: string; to: string }): {
  from: string
  to: string
} {
  const span = Math.max(60_000, Date.parse(range.to) - Date.parse(range.from))
  const [unit, suffix] = RELATIVE_UNITS.find(([ms]) => span % ms === 0) ?? [60_000, 'm']
  return { from: `now-${Math.round(span / unit)}${suffix}`, to: 'now' }
}

export function LinkEnvironmentNotice({
  opened,
  previous,
  onDismiss,
}: {
  opened: string
  previous: string
  onDismiss: () => void
}) {
  const [, setSearchParams] = useSearchParams()
  const lookup = useEnvironmentLookup()
  const production = isProduction(lookup(opened))
  return (
    <div className={`notice link-notice${production ? ' link-notice-prod' : ''}`} role="alert">
      <span>
        This link opened <strong>{environmentLabel(lookup(opened), opened)}</strong>. You were in{' '}
        <strong>{environmentLabel(lookup(previous), previous)}</strong>.
      </span>
      <span className="notice-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            setSearchParams((params) => {
              params.set('env', previous)
              params.delete('cursor')
              return params
            })
            onDismiss()
          }}
        >
          Back to {environmentName(lookup(previous), previous)}
        </button>
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </span>
    </div>
  )
}

export function FixedRangeNotice({
  range,
  onDismiss,
}: {
  range: { from: string; to: string }
  onDismiss: () => void
}) {
  const timeZone = useTimeZonePreference()
  const [searchParams, setSearchParams] = useSearchParams()
  // Only while the page still shows the link's range: once the user picks another, it is moot.
  if (searchParams.get('from') !== range.from || searchParams.get('to') !== range.to) return null
  // The gate only checked that neither end is relative; an invalid range gets the page's own
  // "showing the last hour instead" message, not this one.
  const { range: read, problem } = readTimeRange(searchParams)
  if (problem || isRelativeRange(read)) return null
  const relative = relativeRangeLike(range)
  return (
    <div className="notice notice-quiet" role="status">
      <span>
        This link shows a fixed time range, {describeTimeRange(range, timeZone)}: it does not move
        with time.
      </span>
      <span className="notice-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            setSearchParams((params) => writeTimeRange(params, relative))
            onDismiss()
          }}
        >
          Switch to {describeTimeRange(relative, timeZone).replace(/^Last/, 'the last')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </span>
    </div>
  )
}
