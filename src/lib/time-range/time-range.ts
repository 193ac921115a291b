import type { TimeZonePreference } from '@/lib/preferences-store'

/**
 * The time range of every time-bound view, as the URL holds it: relative expressions
 * (`now-1h` … `now`) or ISO instants. Query keys keep these expressions, and query functions
 * resolve them to instants when they fetch, so a relative range moves with time on every
 * refetch while one cache entry serves it.
 */
export interface TimeRange {
  from: string
  to: string
}

export const defaultTimeRange: TimeRange = { from: 'now-1h', to: 'now' }

/** The server refuses longer ranges (400), so the UI never asks for one. */
export const MAX_RANGE_MS = 31 * 24 * 3_600_000

export const relativeTimeRanges: ReadonlyArray<{ label: string; from: string }> = [
  { label: 'Last 15 minutes', from: 'now-15m' },
  { label: 'Last 1 hour', from: 'now-1h' },
  { label: 'Last 6 hours', from: 'now-6h' },
  { label: 'Last 24 hours', from: 'now-24h' },
  { label: 'Last 7 days', from: 'now-7d' },
]

// Longer than any legitimate expression or ISO instant; anything past this is refused before
// a regular expression ever looks at it (a 10 kB parameter costs nothing).
const MAX_EXPRESSION_LENGTH = 40
// An offset further back than this is a typo or an attack, not a time range anybody views.
const MAX_OFFSET_MS = 10 * 366 * 24 * 3_600_000
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const
const RELATIVE = /^now(?:-(\d{1,7})([smhdw]))?$/
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/
// Instants outside these years are not execution times; they are usually a mangled link.
const MIN_YEAR = 1970
const MAX_YEAR = 9999

/**
 * `now`, `now-15m`, `now-1h`, `now-24h`, `now-7d` (units s, m, h, d, w) or an ISO-8601
 * instant with a zone (`2026-11-28T07:00:00Z`, `…+01:00`). `null` for anything else.
 */
export function parseTimeExpression(expression: string, now: Date): Date | null {
  if (typeof expression !== 'string' || expression.length > MAX_EXPRESSION_LENGTH) return null
  const relative = RELATIVE.exec(expression)
  if (relative) {
    const [, amount, unit] = relative
    if (amount === undefined || unit === undefined) return new Date(now.getTime())
    const offset = Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS]
    if (offset > MAX_OFFSET_MS) return null
    return validDate(now.getTime() - offset)
  }
  return parseIsoInstant(expression)
}

function parseIsoInstant(value: string): Date | null {
  const match = ISO_INSTANT.exec(value)
  if (!match) return null
  const [, year, month, day, hour, minute, second = '0', , , offsetHours, offsetMinutes] = match
  const parts = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const [y, mo, d, h, mi, s] = parts
  // Date.parse quietly rolls 2026-02-31 over into March; a link with that date is broken.
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null
  if (d < 1 || d > daysInMonth(y, mo)) return null
  if (offsetHours !== undefined && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) {
    return null
  }
  return validDate(Date.parse(value))
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function validDate(time: number): Date | null {
  return Number.isFinite(time) ? new Date(time) : null
}

export function isRelativeExpression(expression: string): boolean {
  return RELATIVE.test(expression)
}

export function isRelativeRange(range: TimeRange): boolean {
  return isRelativeExpression(range.from) || isRelativeExpression(range.to)
}

/**
 * The instants to send to the API. Throws for an invalid range: ranges come from
 * `readTimeRange` or the picker, which only ever produce valid ones.
 */
export function resolveTimeRange(
  range: TimeRange,
  now: Date = new Date(),
): { from: string; to: string } {
  const from = parseTimeExpression(range.from, now)
  const to = parseTimeExpression(range.to, now)
  if (!from || !to) {
    throw new RangeError(
      `Invalid time range: ${describeRaw(range.from)} – ${describeRaw(range.to)}`,
    )
  }
  return { from: from.toISOString(), to: to.toISOString() }
}

/** A relative range as the instants it means right now (for "copy link with absolute time"). */
export function freezeTimeRange(range: TimeRange, now: Date = new Date()): TimeRange {
  if (!isRelativeRange(range)) return range
  return resolveTimeRange(range, now)
}

/** Why a range cannot be used, or `null` when it can. */
export function validateTimeRange(range: TimeRange, now: Date = new Date()): string | null {
  const from = parseTimeExpression(range.from, now)
  const to = parseTimeExpression(range.to, now)
  if (!from)
    return `The start of the time range (from=${describeRaw(range.from)}) is not a valid time.`
  if (!to) return `The end of the time range (to=${describeRaw(range.to)}) is not a valid time.`
  if (from.getTime() >= to.getTime()) return 'The start of the time range must be before its end.'
  const span = to.getTime() - from.getTime()
  if (span > MAX_RANGE_MS) {
    return `A time range may span at most 31 days; this one spans ${Math.ceil(span / 86_400_000)} days.`
  }
  return null
}

/**
 * The range a URL asks for. Anything unusable (garbage, hostile input, from ≥ to, over 31
 * days, half a range) falls back to the default range, with a message saying what was wrong.
 */
export function readTimeRange(
  params: URLSearchParams,
  now: Date = new Date(),
): { range: TimeRange; problem: string | null } {
  const from = params.get('from')
  const to = params.get('to')
  if (from === null && to === null) return { range: defaultTimeRange, problem: null }
  const fallback = 'Showing the last hour instead.'
  if (from === null || from === '') {
    return { range: defaultTimeRange, problem: `The time range has no start (from). ${fallback}` }
  }
  const range: TimeRange = { from, to: to === null || to === '' ? 'now' : to }
  const problem = validateTimeRange(range, now)
  if (problem) return { range: defaultTimeRange, problem: `${problem} ${fallback}` }
  return { range, problem: null }
}

/** Writes the range into `params` (mutating and returning them), leaving every other key. */
export function writeTimeRange(params: URLSearchParams, range: TimeRange): URLSearchParams {
  params.set('from', range.from)
  params.set('to', range.to)
  return params
}

/** For messages: hostile values are cut short, never echoed whole. */
function describeRaw(value: string): string {
  const text = String(value)
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`
}

/** "Last 1 hour" for a preset, `null` for any other range. */
export function relativeRangeLabel(range: TimeRange): string | null {
  if (range.to !== 'now') return null
  return relativeTimeRanges.find((preset) => preset.from === range.from)?.label ?? null
}

// Steps no more than 2× apart, so some step always yields between half the target and the
// target number of buckets. All divide a day, so buckets line up with clock times.
const STEPS_SECONDS = [
  10, 15, 30, 60, 120, 240, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
]

const LONGEST_STEP_SECONDS = 86400

/** The bucket size (seconds) giving at most `maxBuckets` buckets over the range (≥ 10 s). */
export function stepForRange(resolved: { from: string; to: string }, maxBuckets = 120): number {
  const spanSeconds = (Date.parse(resolved.to) - Date.parse(resolved.from)) / 1000
  const step = STEPS_SECONDS.find((candidate) => spanSeconds / candidate <= maxBuckets)
  return step ?? LONGEST_STEP_SECONDS
}

// ---- datetime-local inputs, in the user's time-zone preference ----

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** `YYYY-MM-DDTHH:mm:ss` for an `<input type="datetime-local">`, in UTC or the browser zone. */
export function toDateTimeLocalValue(instant: Date | string, timeZone: TimeZonePreference): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(date.getTime())) return ''
  const utc = timeZone === 'utc'
  const parts = utc
    ? [
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        date.getUTCHours(),
        date.getUTCMinutes(),
        date.getUTCSeconds(),
      ]
    : [
        date.getFullYear(),
        date.getMonth() + 1,
        date.getDate(),
        date.getHours(),
        date.getMinutes(),
        date.getSeconds(),
      ]
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number]
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`
}

const DATETIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/

/** The instant an `<input type="datetime-local">` value means; `null` if empty or invalid. */
export function fromDateTimeLocalValue(value: string, timeZone: TimeZonePreference): Date | null {
  const match = DATETIME_LOCAL.exec(value)
  if (!match) return null
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (
    y < MIN_YEAR ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > daysInMonth(y, mo) ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return null
  }
  const time =
    timeZone === 'utc'
      ? Date.UTC(y, mo - 1, d, h, mi, s)
      : new Date(y, mo - 1, d, h, mi, s).getTime()
  return validDate(time)
}
