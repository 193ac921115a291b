/**
 * The probe's findings and how they are printed: one line per check (passed; failed with the
 * evidence; skipped with the reason), a summary `N passed, N failed, N skipped`, or the same
 * as JSON for machines. Every string goes through `redact()` before it is printed, so a token
 * or password can never reach the output, even if a server echoes one back.
 */

export type CheckStatus = 'passed' | 'failed' | 'skipped'

export type CheckGroup =
  'auth' | 'shape' | 'scope' | 'environment' | 'isolation' | 'range' | 'paging' | 'tail' | 'refusal'

export interface CheckResult {
  /** Stable id, e.g. `shape /agents @dev`; what tests and `--json` consumers match on. */
  id: string
  group: CheckGroup
  /** The contract path the check is about (`/agents/{agentId}`), or `null` for several. */
  endpoint: string | null
  /** The environment it ran in, if one. */
  environment: string | null
  /** What is checked, in words. */
  title: string
  status: CheckStatus
  /** Failed: the evidence (request, status, offending field and value). Skipped: the reason. */
  detail: string | null
}

export interface Summary {
  passed: number
  failed: number
  skipped: number
}

export function summarize(results: readonly CheckResult[]): Summary {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0 }
  for (const result of results) summary[result.status] += 1
  return summary
}

/** 0 only when nothing failed (skips do not fail a run: they are printed with their reason). */
export function exitStatus(results: readonly CheckResult[]): 0 | 1 {
  return results.some((result) => result.status === 'failed') ? 1 : 0
}

export function formatSummary(summary: Summary): string {
  return `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`
}

const LABELS: Record<CheckStatus, string> = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' }

export function formatLine(result: CheckResult, secrets: readonly string[] = []): string {
  const detail = result.detail ? ` — ${result.detail}` : ''
  return redact(`${LABELS[result.status]}  ${result.title}${detail}`, secrets)
}

export function formatText(results: readonly CheckResult[], secrets: readonly string[] = []) {
  return [
    ...results.map((result) => formatLine(result, secrets)),
    '',
    formatSummary(summarize(results)),
  ].join('\n')
}

export interface JsonReport {
  target: string
  checks: CheckResult[]
  summary: Summary
}

export function formatJson(
  target: string,
  results: readonly CheckResult[],
  secrets: readonly string[] = [],
): string {
  const report: JsonReport = { target, checks: [...results], summary: summarize(results) }
  return redact(JSON.stringify(report, null, 2), secrets)
}

/**
 * Replaces every secret (and, for tokens, each of its three JWT parts, since a server may
 * echo a header or a signature alone) with `[redacted]`.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const needles = new Set<string>()
  for (const secret of secrets) {
    if (!secret) continue
    needles.add(secret)
    for (const part of secret.split('.')) if (part.length >= 16) needles.add(part)
  }
  let out = text
  // Longest first, so a whole token is replaced before its parts.
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
    out = out.split(needle).join('[redacted]')
  }
  return out
}
