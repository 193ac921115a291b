import { useQuery } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { environmentLabel, environmentName, isProduction } from '@/environment/environment-info'
import { can } from '@/environment/permissions'
import { withEnvironment } from '@/environment/scoped-link'
import { useAvailableEnvironments } from '@/environment/use-available-environments'
import { useMe } from '@/environment/use-permissions'
import { WriteDialog } from '@/environment/write-dialog'
import { alertRuleSchema } from '@/lib/api/generated/response-schemas/alert-rule'
import type { Schemas } from '@/lib/api/types'
import { sendWrite } from '@/lib/api/write'
import { ruleDifferences, ruleInputOf, sameNamed } from '@/lib/alert-rule-diff'
import { alertResources } from '@/lib/resources/alerts'
import { useInvalidateAlerting, useWriteTarget } from './alert-writes'
import { draftToInput, type RuleDraft } from './rule-form-model'

type Rule = Schemas['AlertRule']

/** "Save rule": create, or change with If-Match (a 412 shows what changed and can reapply). */
export function SaveRuleDialog({
  draft,
  base,
  onReapply,
  onClose,
}: {
  draft: RuleDraft
  base: Rule | null
  onReapply: (current: Rule) => void
  onClose: () => void
}) {
  const { scope, where, typed } = useWriteTarget()
  const invalidate = useInvalidateAlerting()
  const navigate = useNavigate()
  const saved = useRef<Rule | null>(null)
  const { input } = draftToInput(draft)
  const name = input?.name ?? draft.name
  return (
    <WriteDialog
      title={base ? `Save alert rule ${name}` : `Create alert rule ${name}`}
      confirmLabel={`${base ? 'Save' : 'Create'} rule ${name} in ${where}`}
      typedConfirmation={typed}
      ready={input !== null}
      base={base ?? undefined}
      onReapply={(current) => onReapply(current as unknown as Rule)}
      explain={(kind) =>
        kind === 'rule-name-taken' ? <p>Choose another name: each rule’s name is its own.</p> : null
      }
      onClose={(reason) => {
        onClose()
        if (reason === 'sent' && saved.current) {
          void navigate(
            withEnvironment(`/alerts/rules/${encodeURIComponent(saved.current.ruleId)}`, scope.env),
          )
        }
      }}
      send={async ({ signal }) => {
        const { data } = await sendWrite({
          method: base ? 'PUT' : 'POST',
          path: base ? '/alerts/rules/{ruleId}' : '/alerts/rules',
          params: base ? { path: { ruleId: base.ruleId } } : undefined,
          tenant: scope.tenant,
          env: scope.env,
          body: input,
          ifMatch: base?.version ?? null,
          schema: alertRuleSchema,
          signal,
        })
        saved.current = data
        await invalidate(scope)
        return {
          message: `Rule ${data.name} ${base ? 'saved' : 'created'} in ${where}.`,
          link: { to: withEnvironment('/alerts/rules', scope.env), text: 'All rules' },
          scope,
        }
      }}
    />
  )
}

export function DeleteRuleDialog({ rule, onClose }: { rule: Rule; onClose: () => void }) {
  const { scope, where, typed } = useWriteTarget()
  const invalidate = useInvalidateAlerting()
  const navigate = useNavigate()
  return (
    <WriteDialog
      title={`Delete alert rule ${rule.name}`}
      confirmLabel={`Delete rule ${rule.name} in ${where}`}
      typedConfirmation={typed}
      description={<p>Its open alerts resolve; its history stays.</p>}
      base={rule}
      onClose={(reason) => {
        onClose()
        if (reason === 'sent') void navigate(withEnvironment('/alerts/rules', scope.env))
      }}
      send={async ({ signal }) => {
        await sendWrite({
          method: 'DELETE',
          path: '/alerts/rules/{ruleId}',
          params: { path: { ruleId: rule.ruleId } },
          tenant: scope.tenant,
          env: scope.env,
          ifMatch: rule.version,
          schema: null,
          signal,
        })
        await invalidate(scope)
        return { message: `Rule ${rule.name} deleted from ${where}.`, scope }
      }}
    />
  )
}

/**
 * "Copy to environment…": the saved rule sent to another environment the user may operate in.
 * It says whether that environment has a rule of that name and how the two differ, then
 * creates or updates it there (typed confirmation when that environment is production).
 */
export function CopyRuleDialog({
  draft,
  rule,
  onClose,
}: {
  draft: RuleDraft
  rule: Rule
  onClose: () => void
}) {
  const { scope } = useWriteTarget()
  const me = useMe().data
  const invalidate = useInvalidateAlerting()
  const { items } = useAvailableEnvironments()
  const targets = items.filter(
    (env) => env.id !== scope.env && can(me, 'alert-rules.change', env.id),
  )
  const [targetId, setTargetId] = useState(targets[0]?.id ?? '')
  const target = items.find((env) => env.id === targetId)
  const targetScope = { tenant: scope.tenant, env: targetId }
  const there = useQuery({ ...alertResources.rules(targetScope), enabled: targetId !== '' })
  const fieldId = useId()
  const existing = there.data ? sameNamed(there.data.items, rule.name) : undefined
  const input = ruleInputOf(rule)
  const differences = existing ? ruleDifferences(ruleInputOf(existing), input) : []
  const where = target ? environmentName(target, target.id) : targetId
  const unsaved = draftToInput(draft).input
  const edited = unsaved !== null && ruleDifferences(input, unsaved).length > 0
  return (
    <WriteDialog
      title={`Copy alert rule ${rule.name} to another environment`}
      confirmLabel={
        !target
          ? 'Copy rule'
          : existing
            ? `Update rule ${rule.name} in ${where}`
            : `Create rule ${rule.name} in ${where}`
      }
      typedConfirmation={target && isProduction(target) ? target.id : null}
      ready={target !== undefined && there.isSuccess && (!existing || differences.length > 0)}
      explain={(kind) =>
        kind === 'rule-name-taken' ? (
          <p>A rule of that name appeared there meanwhile; open the dialog again to compare.</p>
        ) : null
      }
      onClose={onClose}
      send={async ({ signal }) => {
        await sendWrite({
          method: existing ? 'PUT' : 'POST',
          path: existing ? '/alerts/rules/{ruleId}' : '/alerts/rules',
          params: existing ? { path: { ruleId: existing.ruleId } } : undefined,
          tenant: scope.tenant,
          env: targetId,
          body: input,
          ifMatch: existing?.version ?? null,
          schema: alertRuleSchema,
          signal,
        })
        await invalidate(targetScope)
        return {
          message: `Rule ${rule.name} ${existing ? 'updated' : 'created'} in ${where}.`,
          link: { to: withEnvironment('/alerts/rules', targetId), text: `Rules of ${where}` },
          scope,
        }
      }}
    >
      {targets.length === 0 ? (
        <p>There is no other environment where your role lets you change alert rules.</p>
      ) : (
        <div className="field">
          <label htmlFor={fieldId}>Environment</label>
          <select
            id={fieldId}
            value={targetId}
            onChange={(event) => setTargetId(event.target.value)}
          >
            {targets.map((env) => (
              <option key={env.id} value={env.id}>
                {environmentLabel(env, env.id)}
                {env.production ? ' — production' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {edited ? <p>The copy is the saved rule; save your edits first to copy them.</p> : null}
      {target && there.isPending ? <p>Reading the rules of {where}…</p> : null}
      {there.isError ? <p role="alert">Could not read the rules of {where}.</p> : null}
      {target && there.isSuccess ? (
        existing ? (
          differences.length === 0 ? (
            <p>{where} already has this rule, identical: nothing to copy.</p>
          ) : (
            <>
              <p>
                {where} already has a rule named {existing.name}; copying updates it. It differs in:
              </p>
              <ul aria-label={`How ${where}’s rule differs`}>
                {differences.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )
        ) : (
          <p>
            {where} has no rule named {rule.name}: copying creates it.
          </p>
        )
      ) : null}
    </WriteDialog>
  )
}
