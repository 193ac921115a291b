import { useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { Link } from 'react-router'
import { withEnvironment } from '@/environment/scoped-link'
import { compareRuleSets } from '@/lib/alert-rule-diff'
import { pluralize } from '@/lib/format'
import { alertResources } from '@/lib/resources/alerts'
import { sideStatus, type SideView } from './side-view'

const ruleHref = (env: string, ruleId: string) =>
  withEnvironment(`/alerts/rules/${encodeURIComponent(ruleId)}`, env)

/**
 * Alert rules of the two sides: those that exist in one environment and not the other, and
 * those of one name that differ, member by member. Each side's rules come from its own scope.
 */
export function AlertRulesSection({ a, b }: { a: SideView; b: SideView }) {
  const headingId = useId()
  const rulesA = useQuery({
    ...alertResources.rules(a.scope ?? { tenant: '', env: '' }),
    enabled: a.scope !== null,
  })
  const rulesB = useQuery({
    ...alertResources.rules(b.scope ?? { tenant: '', env: '' }),
    enabled: b.scope !== null,
  })
  const comparison = useMemo(
    () =>
      rulesA.data && rulesB.data ? compareRuleSets(rulesA.data.items, rulesB.data.items) : null,
    [rulesA.data, rulesB.data],
  )
  const status =
    sideStatus(a.env, a.scope ? rulesA : null) ?? sideStatus(b.env, b.scope ? rulesB : null)
  const envA = a.env ?? ''
  const envB = b.env ?? ''
  return (
    <section className="compare-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Alert rules</h2>
      {!comparison ? (
        <p className="muted">Alert rules: {status ?? 'loading…'}</p>
      ) : comparison.onlyA.length + comparison.onlyB.length + comparison.differing.length === 0 ? (
        <p>
          The same {pluralize(comparison.same, 'rule')} in {envA} and {envB}.
        </p>
      ) : (
        <ul className="compare-rule-list" aria-label="Alert rules that differ">
          {comparison.onlyA.map((rule) => (
            <li key={`a-${rule.ruleId}`}>
              <Link to={ruleHref(envA, rule.ruleId)}>{rule.name}</Link>: only in {envA}
            </li>
          ))}
          {comparison.onlyB.map((rule) => (
            <li key={`b-${rule.ruleId}`}>
              <Link to={ruleHref(envB, rule.ruleId)}>{rule.name}</Link>: only in {envB}
            </li>
          ))}
          {comparison.differing.map(({ a: ruleA, differences }) => (
            <li key={`d-${ruleA.ruleId}`}>
              <Link to={ruleHref(envA, ruleA.ruleId)}>{ruleA.name}</Link> differs ({envB} → {envA}):
              <ul>
                {differences.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </li>
          ))}
          {comparison.same > 0 ? (
            <li className="muted">{pluralize(comparison.same, 'rule')} the same in both</li>
          ) : null}
        </ul>
      )}
    </section>
  )
}
