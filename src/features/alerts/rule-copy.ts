import { conditionSentence, SEVERITY_WORDS } from '@/lib/alert-conditions'
import type { Schemas } from '@/lib/api/types'

/**
 * Copying a rule to another environment: what is sent (the rule's own members, none of the
 * server's), the rule of that name already there (names compare as the server compares them,
 * ignoring case), and how the two differ, in words.
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
