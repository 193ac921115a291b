import { formatChangePercent } from '@/lib/format'

export type UsageChange =
  | { kind: 'change'; ratio: number; text: string }
  /** Nothing before, something now: a percentage would be infinite. */
  | { kind: 'new'; text: string }
  | { kind: 'none'; text: string }

/**
 * The change of a total against the previous period of the same length, as text a user reads
 * ("+12 %"), never only as a colour or an arrow.
 */
export function compareWithPrevious(current: number, previous: number): UsageChange {
  if (previous === 0) {
    return current === 0 ? { kind: 'none', text: 'none' } : { kind: 'new', text: 'new' }
  }
  const ratio = (current - previous) / previous
  return { kind: 'change', ratio, text: formatChangePercent(ratio) }
}
