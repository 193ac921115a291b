/**
 * The replay's headers as an editable list of rows, and back to the map the command sends.
 * Header names are compared without case (as Camel and HTTP do): two rows naming the same
 * header, or a value without a name, are problems the form shows, never guesses about.
 */

export interface HeaderRow {
  /** Stable across edits, for React keys and focus. */
  id: number
  name: string
  value: string
}

let nextRowId = 1

export const newHeaderRow = (name = '', value = ''): HeaderRow => ({ id: nextRowId++, name, value })

export function rowsFromHeaders(headers: Readonly<Record<string, string>>): HeaderRow[] {
  return Object.entries(headers).map(([name, value]) => newHeaderRow(name, value))
}

export type HeadersResult =
  { ok: true; headers: Record<string, string> } | { ok: false; problems: string[] }

export function headersFromRows(rows: readonly HeaderRow[]): HeadersResult {
  const problems: string[] = []
  const headers: Record<string, string> = {}
  const seen = new Map<string, string>()
  rows.forEach((row, index) => {
    const name = row.name.trim()
    if (!name) {
      // A row left empty is nothing; a value without a name is a mistake.
      if (row.value !== '') problems.push(`Header row ${index + 1} has a value but no name.`)
      return
    }
    const key = name.toLowerCase()
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push(`Header ${name} is named twice (also as ${earlier}).`)
      return
    }
    seen.set(key, name)
    headers[name] = row.value
  })
  return problems.length ? { ok: false, problems } : { ok: true, headers }
}
