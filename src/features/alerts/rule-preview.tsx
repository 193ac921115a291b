import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import type { ChartSeries } from '@/components/charts/chart-series'
import { TimeSeriesFigure, useChartView } from '@/components/charts/time-series-figure'
import { describeError } from '@/components/query-states'
import { ExactTime } from '@/components/time-display'
import { useScope } from '@/environment/use-scope'
import { conditionThreshold, METRIC_WORDS, type AlertCondition } from '@/lib/alert-conditions'
import { keepPreviousInScope } from '@/lib/query/query-scope'
import { alertResources } from '@/lib/resources/alerts'
import { summarizeValues } from '@/lib/series-summary'
import { previewSentence } from './rule-form-model'

export const PREVIEW_RANGES = [
  { value: 'now-6h', label: 'Last 6 hours', words: 'the last 6 hours' },
  { value: 'now-24h', label: 'Last 24 hours', words: 'the last 24 hours' },
  { value: 'now-7d', label: 'Last 7 days', words: 'the last 7 days' },
] as const
export type PreviewRange = (typeof PREVIEW_RANGES)[number]['value']

/** Edits settle for this long before the preview asks again. */
export const PREVIEW_DEBOUNCE_MS = 400

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

function unitOf(condition: AlertCondition): string {
  if (condition.kind === 'route-metric') {
    if (condition.metric === 'errorRate') return 'ratio'
    if (condition.metric === 'p99Ms') return 'ms'
  }
  return 'count'
}

function valueName(condition: AlertCondition): string {
  switch (condition.kind) {
    case 'route-metric':
      return METRIC_WORDS[condition.metric]
    case 'agent-state':
      return `${condition.state} agents`
    case 'log-pattern':
      return 'Matching lines'
  }
}

/**
 * The condition over history before the rule is saved: its value (the chart family), the
 * threshold as a dashed line, the intervals in which the rule would have fired shaded, and the
 * same in words. Asks once the edits have settled; each answer is keyed by the condition it
 * answers, so a late answer to an older condition lands in that condition's cache entry and
 * is never painted over the newer one.
 */
export function RulePreview({
  condition,
  forSeconds,
  range,
}: {
  condition: AlertCondition | null
  forSeconds: number | null
  range: PreviewRange
}) {
  const scope = useScope()
  const view = useChartView()
  const asked = useDebounced(
    useMemo(
      () => (condition && forSeconds !== null ? { condition, forSeconds } : null),
      [condition, forSeconds],
    ),
    PREVIEW_DEBOUNCE_MS,
  )
  // About one point per pixel of the plot, asked once the plot is measured (not twice).
  const buckets = Math.max(60, Math.min(720, view.plotWidth))
  const preview = useQuery({
    ...alertResources.preview(
      scope,
      { from: range, to: 'now' },
      asked?.condition ?? { kind: 'agent-state', applicationId: null, state: 'DEAD', minAgents: 1 },
      asked?.forSeconds ?? 0,
      buckets,
    ),
    enabled: asked !== null && view.plotWidth > 0,
    staleTime: 60_000,
    // While a new condition is computed the last answer stays, marked as updating.
    placeholderData: (previous, previousQuery) =>
      keepPreviousInScope(previous, previousQuery, scope),
  })
  const words = PREVIEW_RANGES.find((candidate) => candidate.value === range)?.words ?? 'the range'
  const shown = asked ? preview.data : undefined
  // Everything drawn comes from one answer and the condition it answers.
  const answered = shown?.asked.condition
  const { series, bands, domain, stepMs } = useMemo(() => {
    if (!shown || !answered) {
      return { series: [], bands: [], domain: { from: 0, to: 1 }, stepMs: 60_000 }
    }
    const times = shown.points.map((point) => Date.parse(point.t))
    const values = shown.points.map((point) => point.value)
    const threshold = conditionThreshold(answered)
    const thresholds = times.map(() => threshold)
    const made: ChartSeries[] = [
      {
        id: 'value',
        key: valueName(answered),
        label: valueName(answered),
        primary: true,
        times,
        values,
        summary: summarizeValues(values),
      },
      {
        id: 'threshold',
        key: 'Threshold',
        label: 'Threshold',
        primary: true,
        dashed: true,
        times,
        values: thresholds,
        summary: summarizeValues(thresholds),
      },
    ]
    return {
      series: made,
      bands: shown.firings.map((f) => ({ from: Date.parse(f.from), to: Date.parse(f.to) })),
      domain: { from: Date.parse(shown.resolved.from), to: Date.parse(shown.resolved.to) },
      stepMs: shown.step * 1000,
    }
  }, [shown, answered])
  const colourKeys = useMemo(() => series.map((one) => one.key), [series])
  const updating = preview.isFetching || preview.isPlaceholderData || asked?.condition !== condition
  return (
    <section className="alert-preview" aria-labelledby="alert-preview-heading" aria-busy={updating}>
      <h2 id="alert-preview-heading">Preview on history</h2>
      {!condition ? (
        <p>Complete the condition to see how it would have fired.</p>
      ) : (
        <p className="alert-preview-sentence" role="status">
          {shown ? previewSentence(shown.firings, words) : 'Computing the preview…'}
          {shown && updating ? ' (updating…)' : ''}
        </p>
      )}
      <TimeSeriesFigure
        view={view}
        title={answered ? `${valueName(answered)} and threshold` : 'Condition and threshold'}
        subtitle="Shaded: when the rule would have fired"
        unit={answered ? unitOf(answered) : 'count'}
        series={series}
        domain={domain}
        stepMs={stepMs}
        colourKeys={colourKeys}
        noun="series"
        pending={asked !== null && !shown}
        problem={
          preview.isError && !preview.data ? (
            <p role="alert">{describeError(preview.error).title}</p>
          ) : undefined
        }
        emptyText="No data in this range."
        bands={bands}
      />
      {shown && shown.firings.length > 0 ? (
        <details>
          <summary>When it would have fired</summary>
          <ul>
            {shown.firings.map((firing) => (
              <li key={firing.from}>
                <ExactTime iso={firing.from} /> – <ExactTime iso={firing.to} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
