/** The parameters a link from the Overview keeps besides `env` (added by ScopedLink). */
const KEPT = ['from', 'to', 'refresh'] as const

export function keptSearch(params: URLSearchParams, extra: Record<string, string> = {}): string {
  const next = new URLSearchParams()
  for (const [name, value] of Object.entries(extra)) next.set(name, value)
  for (const name of KEPT) {
    const value = params.get(name)
    if (value !== null) next.set(name, value)
  }
  return next.toString()
}
