import { ExactTime, RelativeTime } from '@/components/time-display'
import { ScopedLink } from '@/environment/scoped-link'
import { formatConditionValue, SEVERITY_WORDS } from '@/lib/alert-conditions'
import type { Schemas } from '@/lib/api/types'
import { explainLinks } from './alert-links'

/** Cells the alert tables share: severity in words and colour, times, value, the explaining links. */

export function SeverityBadge({ severity }: { severity: Schemas['AlertSeverity'] }) {
  return (
    <span className={`severity severity-${severity.toLowerCase()}`}>
      {SEVERITY_WORDS[severity]}
    </span>
  )
}

export function StartedCell({ iso }: { iso: string }) {
  return (
    <>
      <RelativeTime iso={iso} />
      <br />
      <span className="muted">
        <ExactTime iso={iso} />
      </span>
    </>
  )
}

export function AlertValue({
  alert,
  rule,
}: {
  alert: Schemas['Alert']
  rule: Schemas['AlertRule'] | undefined
}) {
  if (alert.value === null) return <>—</>
  return <>{rule ? formatConditionValue(rule.condition, alert.value) : String(alert.value)}</>
}

export function ExplainLinks({
  alert,
  rule,
}: {
  alert: Schemas['Alert']
  rule: Schemas['AlertRule'] | undefined
}) {
  return (
    <ul className="alert-explain">
      {explainLinks(alert, rule).map((link) => (
        <li key={link.to}>
          <ScopedLink to={link.to}>{link.label}</ScopedLink>
        </li>
      ))}
    </ul>
  )
}
