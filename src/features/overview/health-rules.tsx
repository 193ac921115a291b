import { HealthBadge } from './health-badge'
import { HEALTH_RULES } from './health'

/** "How health is decided": the rule of health.ts, in words, from the same constants. */
export function HealthRules() {
  return (
    <details className="overview-health-rules">
      <summary>How health is decided</summary>
      <p>
        Each application is judged over the time range, the first rule that applies deciding; the
        table lists the worst first.
      </p>
      <dl>
        {HEALTH_RULES.map(({ health, rule }) => (
          <div key={health}>
            <dt>
              <HealthBadge health={health} />
            </dt>
            <dd>{rule}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
