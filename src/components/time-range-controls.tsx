import { Check, Clock, Copy, RefreshCw } from 'lucide-react'
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react'
import { useHref, useLocation } from 'react-router'
import { pluralize } from '@/lib/format'
import { useTimeZonePreference, type TimeZonePreference } from '@/lib/preferences-store'
import { shareableUrl } from '@/lib/shareable-url'
import { formatInstant } from '@/lib/time-format'
import {
  freezeTimeRange,
  isRelativeExpression,
  isRelativeRange,
  relativeRangeLabel,
  writeTimeRange,
  type TimeRange,
} from '@/lib/time-range/time-range'
import {
  autoRefreshIntervals,
  useAutoRefresh,
  useAutoRefreshPause,
  useTimeRange,
} from '@/lib/time-range/use-time-range'
import './time-range-controls.css'

export interface TimeRangeControlsProps {
  /**
   * Why the view holds auto-refresh back (e.g. "you scrolled into the results"), or null. A
   * hidden tab pauses it anyway; both show as "Paused".
   */
  pausedReason?: string | null
  /** When given, a "Refresh" button refetches the view now. */
  onRefresh?: () => void
  /** Whether the view is fetching (the refresh button says so). */
  refreshing?: boolean
}

/**
 * The time range picker, auto-refresh and link copying for every time-bound view. All three
 * live in the URL (`from`, `to`, `refresh`), so a copied link opens the same view.
 */
export function TimeRangeControls({
  pausedReason = null,
  onRefresh,
  refreshing = false,
}: TimeRangeControlsProps) {
  return (
    <div className="time-range-controls">
      <TimeRangePicker />
      <AutoRefreshControl pausedReason={pausedReason} />
      {onRefresh ? (
        <button
          type="button"
          className="button"
          onClick={onRefresh}
          disabled={refreshing}
          aria-keyshortcuts="r"
          title="Refresh (r)"
        >
          <RefreshCw size={14} aria-hidden="true" className={refreshing ? 'trc-spin' : undefined} />
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      ) : null}
      <CopyLinkControls />
    </div>
  )
}

// ---------------------------------------------------------------------------- range picker

// The presets and the absolute-range form: no view shows them until the picker is opened.
// Pointing at or focusing the trigger starts the download, so the popover is usually there by
// the click, and is then rendered directly: a lazy component suspends even when its code is
// in, and React holds a suspended boundary's reveal back for up to 300 ms. (Errors are left to
// the lazy component, which loads again on the next opening.)
type PopoverModule = typeof import('./time-range-popover')
let popoverModule: PopoverModule | null = null
const loadPopover = () => import('./time-range-popover').then((module) => (popoverModule = module))
const preloadPopover = () => void loadPopover().catch(() => undefined)
const LazyPopover = lazy(async () => ({ default: (await loadPopover()).TimeRangePopover }))

function TimeRangePopover(props: Parameters<PopoverModule['TimeRangePopover']>[0]) {
  const Loaded = popoverModule?.TimeRangePopover
  if (Loaded) return <Loaded {...props} />
  return (
    <Suspense fallback={null}>
      <LazyPopover {...props} />
    </Suspense>
  )
}

const UNIT_NAMES: Record<string, [string, string]> = {
  s: ['second', 'seconds'],
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
}

/** "Last 1 hour", "Last 90 minutes", or the instants in the user's time zone. */
export function describeTimeRange(range: TimeRange, timeZone: TimeZonePreference): string {
  const preset = relativeRangeLabel(range)
  if (preset) return preset
  const relative = /^now-(\d+)([smhdw])$/.exec(range.from)
  if (relative && range.to === 'now') {
    const amount = Number(relative[1])
    const names = UNIT_NAMES[relative[2] ?? ''] ?? ['', '']
    return `Last ${pluralize(amount, names[0], names[1])}`
  }
  const show = (expression: string) =>
    isRelativeExpression(expression) ? expression : formatInstant(expression, timeZone)
  return `${show(range.from)} – ${show(range.to)}`
}

function TimeRangePicker() {
  const { range, setRange } = useTimeRange()
  const timeZone = useTimeZonePreference()
  const [open, setOpen] = useState(false)
  const triggerRef = useRef<HTMLButtonElement>(null)
  const dialogId = useId()
  const label = describeTimeRange(range, timeZone)

  const close = (restoreFocus: boolean) => {
    setOpen(false)
    if (restoreFocus) triggerRef.current?.focus()
  }

  return (
    <div className="trc-picker">
      <button
        ref={triggerRef}
        type="button"
        className="button trc-trigger"
        aria-haspopup="dialog"
        aria-keyshortcuts="t"
        title="Time range (t)"
        aria-expanded={open}
        aria-controls={open ? dialogId : undefined}
        onClick={() => setOpen((value) => !value)}
        onPointerOver={preloadPopover}
        onFocus={preloadPopover}
      >
        <Clock size={14} aria-hidden="true" />
        <span>
          Time range: <strong>{label}</strong>
        </span>
      </button>
      {open ? (
        <TimeRangePopover
          id={dialogId}
          range={range}
          timeZone={timeZone}
          triggerRef={triggerRef}
          onChoose={(next) => {
            setRange(next)
            close(true)
          }}
          onClose={close}
        />
      ) : null}
    </div>
  )
}

// ---------------------------------------------------------------------------- auto-refresh

const OFF = { value: 'off', label: 'Off', ms: false } as const

function AutoRefreshControl({ pausedReason }: { pausedReason: string | null }) {
  const { intervalMs, setIntervalMs } = useAutoRefresh()
  const pause = useAutoRefreshPause(pausedReason)
  const selectId = useId()
  const current = autoRefreshIntervals.find((option) => option.ms === intervalMs) ?? OFF
  let status: { text: string; title?: string; tone: string }
  if (intervalMs === false) status = { text: 'Off', tone: 'neutral' }
  else if (pause) status = { text: 'Paused', title: `Paused while ${pause}`, tone: 'warn' }
  else status = { text: `Every ${current.label}`, tone: 'ok' }

  return (
    <div className="trc-refresh">
      <label htmlFor={selectId}>Auto-refresh</label>
      <select
        id={selectId}
        value={current.value}
        onChange={(event) => {
          const option = autoRefreshIntervals.find(
            (candidate) => candidate.value === event.target.value,
          )
          setIntervalMs(option ? option.ms : false)
        }}
      >
        {autoRefreshIntervals.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <span className={`badge badge-${status.tone}`} role="status" title={status.title}>
        {status.text}
        {pause && intervalMs !== false ? (
          <span className="visually-hidden"> while {pause}</span>
        ) : null}
      </span>
    </div>
  )
}

// ---------------------------------------------------------------------------- copy link

function CopyLinkControls() {
  const location = useLocation()
  const { range } = useTimeRange()
  // Path and query only: the fragment is where a hand-off token travels (see shareableUrl).
  const href = useHref(`${location.pathname}${location.search}`)
  const [copied, setCopied] = useState<{ ok: boolean; text: string; url: string } | null>(null)

  useEffect(() => {
    if (!copied?.ok) return
    const timer = setTimeout(() => setCopied(null), 4_000)
    return () => clearTimeout(timer)
  }, [copied])

  const copy = async (absolute: boolean) => {
    const url = new URL(shareableUrl(href))
    if (absolute) {
      url.search = writeTimeRange(
        new URLSearchParams(url.search),
        freezeTimeRange(range),
      ).toString()
    }
    const text = url.toString()
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      setCopied({
        ok: true,
        text: absolute ? 'Link with absolute time copied' : 'Link copied',
        url: text,
      })
    } catch {
      setCopied({ ok: false, text: 'Could not copy; select and copy the link:', url: text })
    }
  }

  return (
    <div className="trc-copy">
      <button type="button" className="button" onClick={() => void copy(false)}>
        <Copy size={14} aria-hidden="true" />
        Copy link
      </button>
      {isRelativeRange(range) ? (
        <button type="button" className="button" onClick={() => void copy(true)}>
          Copy link with absolute time
        </button>
      ) : null}
      <span role="status" className="trc-copy-status">
        {copied ? (
          <>
            {copied.ok ? <Check size={14} aria-hidden="true" /> : null}
            {copied.text}
          </>
        ) : null}
      </span>
      {copied && !copied.ok ? (
        <input
          className="trc-copy-fallback"
          readOnly
          aria-label="Link to this view"
          value={copied.url}
          onFocus={(event) => event.currentTarget.select()}
        />
      ) : null}
    </div>
  )
}
