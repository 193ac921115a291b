import { useId } from 'react'
import { newHeaderRow, type HeaderRow } from './replay-headers'

/**
 * The headers as an editable table: a name and a value per row, rows added and removed. Each
 * input is named by its row ("Header name 2", "Value of header 2"), and a removal by the header
 * it removes.
 */
export function ReplayHeadersTable({
  rows,
  onChange,
}: {
  rows: readonly HeaderRow[]
  onChange: (rows: HeaderRow[]) => void
}) {
  const captionId = useId()
  const update = (id: number, patch: Partial<Pick<HeaderRow, 'name' | 'value'>>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)))
  return (
    <div className="replay-headers">
      <table className="replay-headers-table" aria-labelledby={captionId}>
        <caption id={captionId}>Headers</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={3} className="ed-muted">
                No headers.
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={row.id}>
                <td>
                  <input
                    aria-label={`Header name ${index + 1}`}
                    autoComplete="off"
                    spellCheck={false}
                    value={row.name}
                    onChange={(event) => update(row.id, { name: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Value of header ${index + 1}`}
                    autoComplete="off"
                    spellCheck={false}
                    value={row.value}
                    onChange={(event) => update(row.id, { value: event.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Remove header ${row.name.trim() || index + 1}`}
                    onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => onChange([...rows, newHeaderRow()])}>
        Add header
      </button>
    </div>
  )
}
