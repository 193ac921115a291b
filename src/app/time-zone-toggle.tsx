import { useId } from 'react'
import { usePreferencesStore } from '@/lib/preferences-store'

/** Browser zone or UTC, applied to every time the UI shows. */
export function TimeZoneToggle() {
  const id = useId()
  const timeZone = usePreferencesStore((state) => state.timeZone)
  const setTimeZone = usePreferencesStore((state) => state.setTimeZone)
  return (
    <span className="tz-toggle">
      <label htmlFor={id}>Times</label>
      <select
        id={id}
        value={timeZone}
        onChange={(event) => setTimeZone(event.target.value === 'utc' ? 'utc' : 'local')}
      >
        <option value="local">Browser zone</option>
        <option value="utc">UTC</option>
      </select>
    </span>
  )
}
