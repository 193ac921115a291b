/** What the text alternative of a chart says of each series, over all of its values. */
export interface SeriesSummary {
  latest: number | null
  min: number | null
  max: number | null
  mean: number | null
}

/**
 * Latest, min, max and mean of the values a chart fetched. Gaps (`null`, or NaN in a typed
 * array) are skipped: `latest` is the last value reported, the mean is over reported values.
 */
export function summarizeValues(values: ArrayLike<number | null>): SeriesSummary {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let sum = 0
  let count = 0
  let latest: number | null = null
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value === null || value === undefined || !Number.isFinite(value)) continue
    if (value < min) min = value
    if (value > max) max = value
    sum += value
    count++
    latest = value
  }
  if (count === 0) return { latest: null, min: null, max: null, mean: null }
  return { latest, min, max, mean: sum / count }
}
