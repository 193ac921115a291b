import { Check } from 'lucide-react'
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import type { TimeZonePreference } from '@/lib/preferences-store'
import {
  fromDateTimeLocalValue,
  relativeTimeRanges,
  resolveTimeRange,
  toDateTimeLocalValue,
  validateTimeRange,
  type TimeRange,
} from '@/lib/time-range/time-range'

/**
 * The time range picker's popover (time-range-controls.tsx loads it when first opened): the
 * ranges relative to now, and an absolute range. Opens with the current choice (or the first
 * one) focused, so the keyboard starts where the user is; Escape, or a pointer outside it and
 * its trigger, closes it.
 */
export function TimeRangePopover({
  id,
  range,
  timeZone,
  triggerRef,
  onChoose,
  onClose,
}: {
  id: string
  range: TimeRange
  timeZone: TimeZonePreference
  triggerRef: RefObject<HTMLButtonElement | null>
  onChoose: (range: TimeRange) => void
  /** `true`: focus goes back to the trigger. */
  onClose: (restoreFocus: boolean) => void
}) {
  const popoverRef = useRef<HTMLDivElement>(null)
  // The latest onClose for the listener below, which is added once.
  const close = useRef(onClose)
  useEffect(() => {
    close.current = onClose
  })

  useEffect(() => {
    const popover = popoverRef.current
    const current = popover?.querySelector<HTMLElement>('[aria-pressed="true"]')
    ;(current ?? popover?.querySelector<HTMLElement>('button, input'))?.focus()

    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node
      if (popoverRef.current?.contains(target) || triggerRef.current?.contains(target)) return
      close.current(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [triggerRef])

  return (
    <div
      ref={popoverRef}
      id={id}
      role="dialog"
      aria-label="Time range"
      className="trc-popover"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          onClose(true)
        }
      }}
    >
      <fieldset className="trc-presets">
        <legend>Relative to now</legend>
        {relativeTimeRanges.map((preset) => {
          const selected = range.from === preset.from && range.to === 'now'
          return (
            <button
              key={preset.from}
              type="button"
              className="button trc-preset"
              aria-pressed={selected}
              onClick={() => onChoose({ from: preset.from, to: 'now' })}
            >
              {selected ? <Check size={14} aria-hidden="true" /> : null}
              {preset.label}
            </button>
          )
        })}
      </fieldset>
      <AbsoluteRangeForm
        range={range}
        timeZone={timeZone}
        onApply={onChoose}
        onCancel={() => onClose(true)}
      />
    </div>
  )
}

function browserZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'browser zone'
}

export function AbsoluteRangeForm({
  range,
  timeZone,
  onApply,
  onCancel,
}: {
  range: TimeRange
  timeZone: TimeZonePreference
  onApply: (range: TimeRange) => void
  onCancel: () => void
}) {
  const fromId = useId()
  const toId = useId()
  const errorId = useId()
  const hintId = useId()
  // Start from the instants the current range means now, so the user edits rather than types.
  const [initial] = useState(() => resolveTimeRange(range))
  const [from, setFrom] = useState(() => toDateTimeLocalValue(initial.from, timeZone))
  const [to, setTo] = useState(() => toDateTimeLocalValue(initial.to, timeZone))
  const [error, setError] = useState<string | null>(null)
  const zone = timeZone === 'utc' ? 'UTC' : `your browser's zone (${browserZoneName()})`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const fromDate = fromDateTimeLocalValue(from, timeZone)
    const toDate = fromDateTimeLocalValue(to, timeZone)
    if (!fromDate || !toDate) {
      setError(`Enter both a start and an end date and time (in ${zone}).`)
      return
    }
    const next = { from: fromDate.toISOString(), to: toDate.toISOString() }
    const problem = validateTimeRange(next)
    if (problem) {
      setError(problem)
      return
    }
    setError(null)
    onApply(next)
  }

  const describedBy = error ? `${hintId} ${errorId}` : hintId
  return (
    <form className="trc-absolute" onSubmit={submit} noValidate aria-label="Absolute time range">
      <p className="trc-legend">Absolute</p>
      <p id={hintId} className="trc-hint">
        Times in {zone}; at most 31 days.
      </p>
      <div className="trc-absolute-fields">
        <div className="field">
          <label htmlFor={fromId}>From</label>
          <input
            id={fromId}
            type="datetime-local"
            step={1}
            value={from}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => setFrom(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={toId}>To</label>
          <input
            id={toId}
            type="datetime-local"
            step={1}
            value={to}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => setTo(event.target.value)}
          />
        </div>
      </div>
      {error ? (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="trc-actions">
        <button type="submit" className="button button-primary">
          Apply time range
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
