/** What one step did to a header. */
export type HeaderChange = 'added' | 'removed' | 'changed' | 'unchanged'

export interface HeaderRow {
  name: string
  /** `null`: not there before (added) or after (removed). */
  before: string | null
  after: string | null
  change: HeaderChange
}

/**
 * The headers before and after a step, one row per name, in the order the message carried
 * them (the input's names first, then those the step added).
 */
export function diffHeaders(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): HeaderRow[] {
  const rows: HeaderRow[] = []
  for (const [name, value] of Object.entries(before)) {
    const next = Object.hasOwn(after, name) ? (after[name] ?? null) : null
    rows.push({
      name,
      before: value,
      after: next,
      change: next === null ? 'removed' : next === value ? 'unchanged' : 'changed',
    })
  }
  for (const [name, value] of Object.entries(after)) {
    if (!Object.hasOwn(before, name))
      rows.push({ name, before: null, after: value, change: 'added' })
  }
  return rows
}

export function countChanges(rows: readonly HeaderRow[]): Record<HeaderChange, number> {
  const counts: Record<HeaderChange, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 }
  for (const row of rows) counts[row.change]++
  return counts
}
