/**
 * A time series as columns: the times (epoch ms, oldest first) and the values, one index per
 * point, `null` where nothing was reported (a `/metrics` answer's buckets as they come).
 */
export interface SeriesColumns {
  times: ArrayLike<number>
  values: ArrayLike<number | null>
}

/** The index of the point nearest to `t`, if one lies within `tolerance` ms of it. */
export function nearestIndex(times: ArrayLike<number>, t: number, tolerance: number): number {
  let low = 0
  let high = times.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if ((times[middle] as number) < t) low = middle + 1
    else high = middle
  }
  let best = -1
  for (const index of [low - 1, low]) {
    if (index < 0 || index >= times.length) continue
    if (
      best < 0 ||
      Math.abs((times[index] as number) - t) < Math.abs((times[best] as number) - t)
    ) {
      best = index
    }
  }
  return best >= 0 && Math.abs((times[best] as number) - t) <= tolerance ? best : -1
}
