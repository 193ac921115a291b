import { formatDuration } from '@/lib/format'
import type { TimelineRow } from './processor-timeline-layout'

/**
 * A timeline row as text: its title, its endpoint, its accessible name, and offsets and
 * durations as the timeline writes them. Shared by the timeline and the selected processor.
 */

/** `to kafka:orders` when the label does not already start with its type. */
export function rowTitle(row: TimelineRow): string {
  const processor = row.processor
  if (!processor) return row.label
  return processor.label.startsWith(processor.processorType)
    ? processor.label
    : `${processor.processorType} ${processor.label}`
}

/**
 * The endpoint, when the label does not already name it (labels carry the URI without its
 * options; the full URI is in the row's tooltip and the selected processor's details).
 */
export function rowEndpoint(row: TimelineRow): string | null {
  const uri = row.processor?.endpointUri
  if (!uri) return null
  const withoutOptions = uri.split('?')[0] ?? uri
  return row.label.includes(withoutOptions.slice(0, 40)) ? null : uri
}

/** Accessible name of a row, e.g. "to http://payments/authorize, FAILED: Connection refused, at 12 ms, took 340 ms". */
export function rowAccessibleName(row: TimelineRow): string {
  const endpoint = rowEndpoint(row)
  const status =
    row.status === 'COMPLETED'
      ? ''
      : `, ${row.status}${row.isFailureCause && row.errorMessage ? `: ${row.errorMessage}` : ''}`
  const iterations =
    row.processor?.iterations != null ? `, ${iterationsText(row.processor.iterations)}` : ''
  return `${rowTitle(row)}${endpoint ? ` (${endpoint})` : ''}${iterations}${status}, at ${formatOffset(row.startMs)}, took ${formatOffset(row.durationMs)}`
}

/** `formatDuration`, but a plain "0 ms" for zero (instead of "0.00 ms"). */
export function formatOffset(ms: number): string {
  return ms === 0 ? '0 ms' : formatDuration(ms)
}

/** A processor inside a split or loop: "ran 12 times" (the timeline shows "×12"). */
export function iterationsText(iterations: number): string {
  return iterations === 1 ? 'ran once (1 iteration)' : `ran ${iterations} times`
}
