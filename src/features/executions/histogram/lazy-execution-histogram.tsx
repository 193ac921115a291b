import { lazy, Suspense } from 'react'
import { LoadingState } from '@/components/query-states'
import type { ExecutionHistogramProps } from './execution-histogram'

// A chart: loaded beside its data, not before the search page's first paint (its drawing code
// is fetched one step later, when there are bars to draw).
const ExecutionHistogram = lazy(async () => ({
  default: (await import('./execution-histogram')).ExecutionHistogram,
}))

/** The histogram, with the words it shows while its data loads until its code is in. */
export function LazyHistogram(props: ExecutionHistogramProps) {
  return (
    <Suspense fallback={<LoadingState label="Loading the histogram…" />}>
      <ExecutionHistogram {...props} />
    </Suspense>
  )
}
