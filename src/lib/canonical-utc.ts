/**
 * Reads the form servers send timestamps in, `2026-11-28T07:00:00.000Z` (UTC, `Z`, 0–9
 * fraction digits), with charCodeAt: no regular expression, no substrings, no allocation. An
 * answer of forty agents' metrics holds 300,000 of them; a regex with six captures allocated
 * seven objects for each (~2 M per answer), and the garbage collector's work cost more than
 * the reading. The fields land in `canonicalUtc`, overwritten by the next call.
 */
export const canonicalUtc = {
  year: 0,
  /** 1–12, as written (not checked against the calendar here). */
  month: 0,
  day: 0,
  hour: 0,
  minute: 0,
  second: 0,
  /** How many fraction digits there were (0–9), and the milliseconds they start with. */
  fractionDigits: 0,
  millisecond: 0,
}

const ZERO = 48
const NINE = 57

/** The number the `count` digits at `at` spell, or -1 if one is not a digit. */
function digitsAt(value: string, at: number, count: number): number {
  let result = 0
  for (let i = at; i < at + count; i++) {
    const code = value.charCodeAt(i)
    if (code < ZERO || code > NINE) return -1
    result = result * 10 + (code - ZERO)
  }
  return result
}

/** Whether `value` has the canonical form; if so its fields are in `canonicalUtc`. */
export function readCanonicalUtc(value: string): boolean {
  const length = value.length
  // `YYYY-MM-DDTHH:MM:SSZ` is 20 characters; nine fraction digits and the dot make 30.
  if (length < 20 || length > 30 || length === 21 || value.charCodeAt(length - 1) !== 90) {
    return false // 90: Z
  }
  if (
    value.charCodeAt(4) !== 45 || // -
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 84 || // T
    value.charCodeAt(13) !== 58 || // :
    value.charCodeAt(16) !== 58
  ) {
    return false
  }
  const year = digitsAt(value, 0, 4)
  const month = digitsAt(value, 5, 2)
  const day = digitsAt(value, 8, 2)
  const hour = digitsAt(value, 11, 2)
  const minute = digitsAt(value, 14, 2)
  const second = digitsAt(value, 17, 2)
  if ((year | month | day | hour | minute | second) < 0) return false
  let fractionDigits = 0
  let millisecond = 0
  if (length > 20) {
    if (value.charCodeAt(19) !== 46) return false // .
    fractionDigits = length - 21
    const fraction = digitsAt(value, 20, fractionDigits)
    if (fraction < 0) return false
    millisecond = Math.floor(fraction / 10 ** Math.max(0, fractionDigits - 3))
    if (fractionDigits < 3) millisecond *= 10 ** (3 - fractionDigits)
  }
  canonicalUtc.year = year
  canonicalUtc.month = month
  canonicalUtc.day = day
  canonicalUtc.hour = hour
  canonicalUtc.minute = minute
  canonicalUtc.second = second
  canonicalUtc.fractionDigits = fractionDigits
  canonicalUtc.millisecond = millisecond
  return true
}

/**
 * Epoch ms of a contract timestamp. The canonical form (`2026-11-28T07:00:00.000Z`) is read
 * by hand (canonical-utc.ts): several times faster than Date.parse, and allocation-free,
 * which matters over 300,000 points. Other forms go to Date.parse.
 */
export function instantMs(iso: string): number {
  if (!readCanonicalUtc(iso)) return Date.parse(iso)
  const { year, month, day, hour, minute, second, fractionDigits, millisecond } = canonicalUtc
  // Date.parse's own reading of more digits, of out-of-range fields and of years before 100
  // is left to it.
  if (fractionDigits > 3 || year < 100 || month < 1 || month > 12 || day < 1 || day > 31) {
    return Date.parse(iso)
  }
  if (hour > 23 || minute > 59 || second > 59) return Date.parse(iso)
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond)
}
