import { useSearchParams } from 'react-router'
import { describeTimeRange } from '@/components/time-range-controls'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { isRelativeRange, readTimeRange, writeTimeRange } from '@/lib/time-range/time-range'
import { isProductionEnvironment } from './environment-store'

/**
 * What a link that was just opened says about where it leads, computed once per link by the
 * environment gate (before it makes the link's environment the "last chosen" one):
 * - it opened another environment than the one the user last worked in;
 * - its time range is absolute, so it will not move with time.
 */
export interface LinkArrival {
  /** The environment the link opened, and the one the user was in before it. */
  environment: { opened: string; previous: string } | null
  /** The link's fixed range (ISO instants), when it has one. */
  fixedRange: { from: string; to: string } | null
}

export function readLinkArrival(input: {
  fromUrl: string | null
  resolved: string
  rejected: boolean
  lastChosen: string | null
  available: readonly string[]
  search: URLSearchParams
}): LinkArrival | null {
  const { fromUrl, resolved, rejected, lastChosen, available, search } = input
  const environment =
    !rejected &&
    fromUrl === resolved &&
    lastChosen &&
    lastChosen !== resolved &&
    available.includes(lastChosen)
      ? { opened: resolved, previous: lastChosen }
      : null
  const hasRange = search.get('from') !== null || search.get('to') !== null
  const { range, problem } = readTimeRange(search)
  const fixedRange = hasRange && !problem && !isRelativeRange(range) ? range : null
  return environment || fixedRange ? { environment, fixedRange } : null
}

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
  const production = isProductionEnvironment(opened)
  return (
    <div className={`notice link-notice${production ? ' link-notice-prod' : ''}`} role="alert">
      <span>
        This link opened <strong>{opened}</strong>. You were in <strong>{previous}</strong>.
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
          Back to {previous}
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
