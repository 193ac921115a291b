import type { UsagePoint } from '@/lib/api/types'
import { escapeCsvField } from '@/lib/csv'
import { MEASURE_KEYS } from '../usage-measures'

/**
 * The export finance asks for: one row per bucket and environment, numbers unformatted (a
 * spreadsheet sums them), bucket starts in ISO-8601 UTC. RFC 4180: comma-separated, CRLF line
 * ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled.
 */
export const CSV_HEADER = ['tenant', 'environment', 'bucket_start_utc', ...MEASURE_KEYS] as const

export interface CsvSeries {
  tenant: string
  environment: string
  points: readonly UsagePoint[]
}

export function buildUsageCsv(series: readonly CsvSeries[]): string {
  const lines = [CSV_HEADER.join(',')]
  for (const { tenant, environment, points } of series) {
    for (const point of points) {
      lines.push(
        [
          escapeCsvField(tenant),
          escapeCsvField(environment),
          new Date(point.t).toISOString(),
          ...MEASURE_KEYS.map((key) => String(point[key])),
        ].join(','),
      )
    }
  }
  return `${lines.join('\r\n')}\r\n`
}

/** `usage-acme-2026-11-day.csv`: tenant, period and granularity, safe on every file system. */
export function usageCsvFileName(tenant: string, periodSlug: string, granularity: string): string {
  const safe = (part: string) => part.replace(/[^A-Za-z0-9_.-]+/g, '_')
  return `usage-${safe(tenant)}-${safe(periodSlug)}-${safe(granularity)}.csv`
}
