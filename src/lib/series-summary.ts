/** What the text alternative of a chart says of each series, over all of its points. */
export interface SeriesSummary {
  latest: number | null
  min: number | null
  max: number | null
  mean: number | null
}

export function summarizeValues(values: ArrayLike<number>): SeriesSummary {
  if (values.length === 0) return { latest: null, min: null, max: null, mean: null }
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let sum = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number
    if (value < min) min = value
    if (value > max) max = value
    sum += value
  }
  return { latest: values[values.length - 1] as number, min, max, mean: sum / values.length }
}
