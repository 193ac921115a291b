import type { UsageTotals } from '@/lib/api/types'
import { formatBinaryBytes, formatCompactCount, formatCount } from '@/lib/format'

/** The five metered measures, in the order the contract lists them (and the CSV columns). */
export type Measure = keyof UsageTotals

export interface MeasureDefinition {
  key: Measure
  label: string
  /** For totals at a glance: `1.2 M`, `3.4 GiB`. */
  short: (value: number) => string
  /** Exact, for tables. */
  exact: (value: number) => string
}

const exactBytes = (value: number) => `${formatCount(value)} B`

export const MEASURES: readonly MeasureDefinition[] = [
  { key: 'executions', label: 'Executions', short: formatCompactCount, exact: formatCount },
  {
    key: 'processorRecords',
    label: 'Processor records',
    short: formatCompactCount,
    exact: formatCount,
  },
  { key: 'logLines', label: 'Log lines', short: formatCompactCount, exact: formatCount },
  { key: 'metricPoints', label: 'Metric points', short: formatCompactCount, exact: formatCount },
  { key: 'bytesIngested', label: 'Bytes ingested', short: formatBinaryBytes, exact: exactBytes },
]

export const MEASURE_KEYS: readonly Measure[] = MEASURES.map((measure) => measure.key)

export function measureDefinition(key: Measure): MeasureDefinition {
  return MEASURES.find((measure) => measure.key === key) ?? (MEASURES[0] as MeasureDefinition)
}

export const zeroTotals = (): UsageTotals => ({
  executions: 0,
  processorRecords: 0,
  logLines: 0,
  metricPoints: 0,
  bytesIngested: 0,
})
