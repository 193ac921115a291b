import { useId } from 'react'

/** The message headers as captured, in the order the agent sent them, values in full. */
export function MessageHeaders({ headers }: { headers: Record<string, string> }) {
  const headingId = useId()
  const entries = Object.entries(headers)
  return (
    <section className="ed-headers-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Headers <span className="ed-muted">({entries.length})</span>
      </h3>
      {entries.length === 0 ? (
        <p className="ed-muted">No headers were captured.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table ed-headers" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {entries.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" className="mono">
                    {name}
                  </th>
                  <td className="mono">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
