/**
 * Where usage takes its log-line and metric-point counts from: the logs and metrics domains,
 * so the usage page meters exactly what those views show.
 *
 * NOT WIRED YET: the logs and metrics domains (branches `logs` and `metrics`) have not
 * committed `src/mocks/logs/log-volume.ts` (`countLogLines`) and
 * `src/mocks/metrics/metric-volume.ts` (`countMetricPoints`). Until they land, usage reports
 * no log lines and no metric points rather than made-up numbers that would disagree with
 * those views.
 */
export function countLogLinesIn(
  _tenant: string,
  _environment: string,
  _from: number,
  _to: number,
): number {
  return 0
}

export function countMetricPointsIn(
  _tenant: string,
  _environment: string,
  _from: number,
  _to: number,
): number {
  return 0
}
