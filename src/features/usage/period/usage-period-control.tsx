import { Check } from 'lucide-react'
import { useId, useRef } from 'react'
import { AbsoluteRangeForm } from '@/components/time-range-popover'
import { useTimeZonePreference } from '@/lib/preferences-store'
import { relativeTimeRanges, type TimeRange } from '@/lib/time-range/time-range'
import type { Granularity } from '@/lib/resources/usage'
import type { ResolvedPeriod, UsagePeriod } from './usage-period'

const MONTHS: ReadonlyArray<{ value: 'this-month' | 'last-month'; label: string }> = [
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
]

/**
 * The usage page's own period control: the billing months first (what the platform bills),
 * then the shared relative ranges and the shared absolute-range form, and the bucket size.
 */
export function UsagePeriodControl({
  period,
  resolved,
  granularity,
  onPeriodChange,
  onGranularityChange,
}: {
  period: UsagePeriod
  resolved: ResolvedPeriod
  granularity: Granularity
  onPeriodChange: (period: UsagePeriod) => void
  onGranularityChange: (granularity: Granularity) => void
}) {
  const timeZone = useTimeZonePreference()
  const granularityId = useId()
  const customRef = useRef<HTMLDetailsElement>(null)
  const isMonth = (value: string) => 'month' in period && period.month === value
  const isRange = (from: string) =>
    'range' in period && period.range.from === from && period.range.to === 'now'
  const absolute = 'range' in period && !relativeTimeRanges.some((r) => isRange(r.from))
  const choose = (next: UsagePeriod) => {
    if (customRef.current) customRef.current.open = false
    onPeriodChange(next)
  }

  return (
    <div className="usage-period">
      <fieldset className="usage-period-group">
        <legend>Billing month (UTC)</legend>
        {MONTHS.map((month) => (
          <PeriodButton
            key={month.value}
            label={month.label}
            selected={isMonth(month.value)}
            onClick={() => choose({ month: month.value })}
          />
        ))}
      </fieldset>
      <fieldset className="usage-period-group">
        <legend>Relative to now</legend>
        {relativeTimeRanges.map((preset) => (
          <PeriodButton
            key={preset.from}
            label={preset.label}
            selected={isRange(preset.from)}
            onClick={() => choose({ range: { from: preset.from, to: 'now' } })}
          />
        ))}
      </fieldset>
      <details className="usage-period-custom" ref={customRef}>
        <summary>
          Absolute range{absolute ? <span className="visually-hidden"> (selected)</span> : null}
        </summary>
        <AbsoluteRangeForm
          // A new form per period, so it starts from the instants now shown.
          key={`${resolved.from}/${resolved.to}`}
          range={resolved}
          timeZone={timeZone}
          onApply={(range: TimeRange) => choose({ range })}
          onCancel={() => {
            if (customRef.current) customRef.current.open = false
          }}
        />
      </details>
      <div className="usage-granularity">
        <label htmlFor={granularityId}>Granularity</label>
        <select
          id={granularityId}
          value={granularity}
          onChange={(event) => onGranularityChange(event.target.value as Granularity)}
        >
          <option value="hour">Hour (UTC)</option>
          <option value="day">Day (UTC)</option>
        </select>
      </div>
    </div>
  )
}

function PeriodButton({
  label,
  selected,
  onClick,
}: {
  label: string
  selected: boolean
  onClick: () => void
}) {
  return (
    <button type="button" className="button" aria-pressed={selected} onClick={onClick}>
      {selected ? <Check size={14} aria-hidden="true" /> : null}
      {label}
    </button>
  )
}
