import { Download } from 'lucide-react'
import { useState } from 'react'
import type { UsagePoint } from '@/lib/api/types'
import { buildUsageCsv, usageCsvFileName } from './usage-csv'

/**
 * "Download CSV" of what the page shows: every bucket of every environment that has loaded.
 * Built in the browser from the answers on screen, so the file and the page agree.
 */
export function DownloadCsvButton({
  tenant,
  series,
  missing,
  periodSlug,
  granularity,
}: {
  tenant: string
  series: ReadonlyArray<{ environment: string; points: readonly UsagePoint[] }>
  /** Environments that are not in the file (still loading or failed). */
  missing: readonly string[]
  periodSlug: string
  granularity: string
}) {
  const [status, setStatus] = useState<string | null>(null)
  const download = () => {
    const csv = buildUsageCsv(series.map((entry) => ({ tenant, ...entry })))
    const name = usageCsvFileName(tenant, periodSlug, granularity)
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = name
    link.click()
    // The click has started the download; the URL is not needed after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0)
    const rows = series.reduce((sum, entry) => sum + entry.points.length, 0)
    setStatus(`Downloaded ${name} (${rows} ${rows === 1 ? 'row' : 'rows'}).`)
  }
  return (
    <div className="usage-export">
      <button type="button" className="button" onClick={download} disabled={series.length === 0}>
        <Download size={14} aria-hidden="true" />
        Download CSV
      </button>
      <span role="status" className="usage-note">
        {status ??
          (missing.length > 0 && series.length > 0
            ? `Without ${missing.join(', ')} (not loaded).`
            : null)}
      </span>
    </div>
  )
}
