import { conditionSentence, SEVERITY_WORDS } from '@/lib/alert-conditions'
import type { Schemas } from '@/lib/api/types'

/**
 * One rule in two environments: what is sent when copying it (the rule's own members, none of
 * the server's), the rule of that name in the other environment (names compare as the server
 * compares them, ignoring case), and how the two differ, in words. Shared by "Copy to
 * environment…" and the comparison of two environments.
 */

type Rule = Schemas['AlertRule']
type RuleInput = Schemas['AlertRuleInput']

export function ruleInputOf(rule: Rule): RuleInput {
  return {
    name: rule.name,
    enabled: rule.enabled,
    severity: rule.severity,
    condition: rule.condition,
    forSeconds: rule.forSeconds,
    webhookUrl: rule.webhookUrl,
  }
}

export function sameNamed(rules: readonly Rule[], name: string): Rule | undefined {
  const wanted = name.toLowerCase()
  return rules.find((rule) => rule.name.toLowerCase() === wanted)
}

/** "Severity: Warning → Critical", one line per member that differs (there → this one). */
export function ruleDifferences(there: RuleInput, here: RuleInput): string[] {
  const out: string[] = []
  if (there.severity !== here.severity) {
    out.push(`Severity: ${SEVERITY_WORDS[there.severity]} → ${SEVERITY_WORDS[here.severity]}`)
  }
  const thereSentence = conditionSentence(there.condition, there.forSeconds)
  const hereSentence = conditionSentence(here.condition, here.forSeconds)
  if (thereSentence !== hereSentence) out.push(`Condition: ${thereSentence} → ${hereSentence}`)
  if (there.enabled !== here.enabled) {
    out.push(`Enabled: ${there.enabled ? 'yes' : 'no'} → ${here.enabled ? 'yes' : 'no'}`)
  }
  if (there.webhookUrl !== here.webhookUrl) {
    out.push(`Webhook URL: ${there.webhookUrl ?? 'none'} → ${here.webhookUrl ?? 'none'}`)
  }
  return out
}

export interface RuleSetComparison {
  /** Rules only the first environment has, by name. */
  onlyA: Rule[]
  onlyB: Rule[]
  /** Rules both have under one name that differ, and how (B's → A's). */
  differing: Array<{ a: Rule; b: Rule; differences: string[] }>
  /** How many rules are the same in both. */
  same: number
}

/** Two environments' rules side by side: what exists in one only, and what differs. */
export function compareRuleSets(a: readonly Rule[], b: readonly Rule[]): RuleSetComparison {
  const byName = (x: Rule, y: Rule) => x.name.localeCompare(y.name)
  const onlyA = a.filter((rule) => !sameNamed(b, rule.name)).sort(byName)
  const onlyB = b.filter((rule) => !sameNamed(a, rule.name)).sort(byName)
  const differing: RuleSetComparison['differing'] = []
  let same = 0
  for (const rule of [...a].sort(byName)) {
    const other = sameNamed(b, rule.name)
    if (!other) continue
    const differences = ruleDifferences(ruleInputOf(other), ruleInputOf(rule))
    if (differences.length) differing.push({ a: rule, b: other, differences })
    else same += 1
  }
  return { onlyA, onlyB, differing, same }
}
