import { useQuery } from '@tanstack/react-query'
import { useMemo, useState, type ChangeEvent, type InputHTMLAttributes } from 'react'
import { useParams } from 'react-router'
import { ErrorState, LoadingState } from '@/components/query-states'
import { ScopedLink } from '@/environment/scoped-link'
import { usePageTitle } from '@/environment/use-page-title'
import { usePermissions } from '@/environment/use-permissions'
import { useScope } from '@/environment/use-scope'
import { METRIC_WORDS, SEVERITY_WORDS } from '@/lib/alert-conditions'
import type { Schemas } from '@/lib/api/types'
import { agentResources } from '@/lib/resources/agents'
import { alertResources } from '@/lib/resources/alerts'
import {
  CONDITION_KINDS,
  draftCondition,
  draftFromRule,
  draftToInput,
  emptyDraft,
  type DraftField,
  type RuleDraft,
} from './rule-form-model'
import { PREVIEW_RANGES, RulePreview, type PreviewRange } from './rule-preview'
import { CopyRuleDialog, DeleteRuleDialog, SaveRuleDialog } from './rule-writes'
import './alerts.css'
import { FormField } from '@/components/form-field'

const SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const
const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'] as const
const METRICS = ['errorRate', 'p99Ms', 'exchangesPerMinute', 'failedCount'] as const

/** `/alerts/rules/new` and `/alerts/rules/:ruleId`: the rule form, with its preview on history. */
export function RuleFormPage() {
  const { ruleId } = useParams()
  const scope = useScope()
  const rule = useQuery({
    ...alertResources.rule(scope, ruleId ?? ''),
    enabled: ruleId !== undefined,
  })
  usePageTitle(ruleId ? (rule.data?.name ?? 'Alert rule') : 'New alert rule')
  if (ruleId === undefined) return <RuleForm key="new" initial={emptyDraft} rule={null} />
  if (rule.isPending) return <LoadingState label="Loading the rule…" />
  if (rule.isError) return <ErrorState error={rule.error} onRetry={() => void rule.refetch()} />
  return (
    <RuleForm
      key={`${rule.data.ruleId}@${rule.data.version}`}
      initial={draftFromRule(rule.data)}
      rule={rule.data}
    />
  )
}

function RuleForm({ initial, rule }: { initial: RuleDraft; rule: Schemas['AlertRule'] | null }) {
  const scope = useScope()
  const [draft, setDraft] = useState(initial)
  const [touched, setTouched] = useState<ReadonlySet<keyof RuleDraft>>(new Set())
  const [range, setRange] = useState<PreviewRange>('now-24h')
  // The version a save or delete is made against; a 412's current version replaces it.
  const [base, setBase] = useState(rule)
  const [dialog, setDialog] = useState<'save' | 'delete' | 'copy' | null>(null)
  const agents = useQuery(agentResources.list(scope))
  const routesByApp = useMemo(() => {
    const map = new Map<string, Set<string>>()
    for (const agent of agents.data?.items ?? []) {
      const routes = map.get(agent.applicationId) ?? new Set<string>()
      agent.routeIds.forEach((route) => routes.add(route))
      map.set(agent.applicationId, routes)
    }
    return map
  }, [agents.data])
  const applications = [...routesByApp.keys()].sort()
  const routes = [...(routesByApp.get(draft.applicationId) ?? [])].sort()

  const { condition, forSeconds } = useMemo(() => draftCondition(draft), [draft])
  const { errors } = useMemo(() => draftToInput(draft), [draft])
  const set = (change: Partial<RuleDraft>, field?: keyof RuleDraft) => {
    setDraft((current) => ({ ...current, ...change }))
    if (field) setTouched((current) => new Set(current).add(field))
  }
  // A field's error shows once the user has changed it (or tried to save).
  const form: DraftForm = {
    draft,
    set,
    errorOf: (field) => (touched.has(field) ? errors[field as DraftField] : undefined),
  }

  return (
    <div className="alert-rule-page">
      <header className="page-header">
        <h1>{rule ? rule.name : 'New alert rule'}</h1>
        <ScopedLink to="/alerts/rules">Back to the rules</ScopedLink>
      </header>
      <form
        className="alert-rule-form"
        aria-label={rule ? `Alert rule ${rule.name}` : 'New alert rule'}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          setTouched(new Set(Object.keys(errors) as DraftField[]))
          if (Object.keys(errors).length === 0) setDialog('save')
        }}
      >
        <RuleField form={form} field="name" label="Name" input={{ type: 'text', maxLength: 200 }} />
        <RuleField
          form={form}
          field="severity"
          label="Severity"
          options={SEVERITIES.map((severity) => [severity, SEVERITY_WORDS[severity]])}
        />
        <label className="alert-checkbox">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => set({ enabled: event.target.checked })}
          />{' '}
          Enabled
        </label>

        <fieldset>
          <legend>Condition</legend>
          {CONDITION_KINDS.map(({ kind, label }) => (
            <label key={kind}>
              <input
                type="radio"
                name="condition-kind"
                value={kind}
                checked={draft.kind === kind}
                onChange={() => set({ kind })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>

        <ConditionFields form={form} applications={applications} routes={routes} />

        <RuleField
          form={form}
          field="webhookUrl"
          label="Webhook URL"
          hint="https only, optional"
          input={{ type: 'url', placeholder: 'https://' }}
        />
        <RuleFormActions
          rule={base}
          onDelete={() => setDialog('delete')}
          onCopy={() => setDialog('copy')}
        />
      </form>

      <FormField label="Preview over">
        {(props) => (
          <select
            {...props}
            value={range}
            onChange={(event) => setRange(event.target.value as PreviewRange)}
          >
            {PREVIEW_RANGES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <RulePreview condition={condition} forSeconds={forSeconds} range={range} />
      {dialog === 'save' ? (
        <SaveRuleDialog
          draft={draft}
          base={base}
          onReapply={setBase}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'delete' && base ? (
        <DeleteRuleDialog rule={base} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'copy' && base ? (
        <CopyRuleDialog draft={draft} rule={base} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  )
}

/** The fields of the chosen kind of condition, named as the issue names them. */
function ConditionFields({
  form,
  applications,
  routes,
}: {
  form: DraftForm
  applications: readonly string[]
  routes: readonly string[]
}) {
  const { draft } = form
  const counting = { type: 'number', min: 1, step: 1 } as const
  return (
    <fieldset>
      <legend>What it watches</legend>
      <RuleField
        form={form}
        field="applicationId"
        label="Application"
        also={{ routeId: '' }}
        options={[['', 'Every application'], ...applications.map(same)]}
      />
      {draft.kind === 'route-metric' ? (
        <>
          <RuleField
            form={form}
            field="routeId"
            label="Route"
            disabled={!draft.applicationId}
            options={[['', 'Every route'], ...routes.map(same)]}
          />
          <RuleField
            form={form}
            field="metric"
            label="Metric"
            options={METRICS.map((metric) => [metric, METRIC_WORDS[metric]])}
          />
          <RuleField
            form={form}
            field="comparator"
            label="Comparison"
            options={[
              ['>', 'Above'],
              ['<', 'Below'],
            ]}
          />
          <RuleField
            form={form}
            field="threshold"
            label="Threshold"
            hint={draft.metric === 'errorRate' ? '%' : draft.metric === 'p99Ms' ? 'ms' : undefined}
            input={{ type: 'number', inputMode: 'decimal', min: 0, step: 'any' }}
          />
        </>
      ) : null}
      {draft.kind === 'agent-state' ? (
        <>
          <RuleField
            form={form}
            field="agentState"
            label="State"
            options={[
              ['DEAD', 'Dead'],
              ['STALE', 'Stale'],
            ]}
          />
          <RuleField
            form={form}
            field="minAgents"
            label="Agents"
            hint="at least"
            input={counting}
          />
        </>
      ) : null}
      {draft.kind === 'log-pattern' ? (
        <>
          <RuleField
            form={form}
            field="level"
            label="Level"
            hint="or worse"
            options={LEVELS.map(same)}
          />
          <RuleField form={form} field="q" label="Search text" input={{ type: 'text' }} />
          <RuleField
            form={form}
            field="lineThreshold"
            label="Threshold"
            hint="lines"
            input={counting}
          />
        </>
      ) : null}
      {draft.kind !== 'agent-state' ? (
        <RuleField
          form={form}
          field="windowMinutes"
          label="Window"
          hint="minutes"
          input={{ ...counting, max: 1440 }}
        />
      ) : null}
      <RuleField
        form={form}
        field="forMinutes"
        label="For"
        hint="minutes it must hold"
        input={{ type: 'number', min: 0, max: 60, step: 'any' }}
      />
    </fieldset>
  )
}

const same = (value: string) => [value, value] as const

/** Save (the form's submit), and for a saved rule Delete and Copy to environment…, by role. */
function RuleFormActions({
  rule,
  onDelete,
  onCopy,
}: {
  rule: Schemas['AlertRule'] | null
  onDelete: () => void
  onCopy: () => void
}) {
  const { can } = usePermissions()
  if (!can('alert-rules.change')) return null
  return (
    <div className="alert-rule-actions">
      <button type="submit" className="button button-primary">
        Save rule
      </button>
      {rule ? (
        <>
          <button type="button" className="button" onClick={onCopy}>
            Copy to environment…
          </button>
          <button type="button" className="button" onClick={onDelete}>
            Delete
          </button>
        </>
      ) : null}
    </div>
  )
}

/** What every field of the form reads and writes: the draft, and the errors shown so far. */
interface DraftForm {
  draft: RuleDraft
  set: (change: Partial<RuleDraft>, field?: keyof RuleDraft) => void
  errorOf: (field: keyof RuleDraft) => string | undefined
}

/** The draft's members a field edits as text (all but `enabled`, a checkbox). */
type TextMember = {
  [K in keyof RuleDraft]: RuleDraft[K] extends string ? K : never
}[keyof RuleDraft]

/**
 * One member of the draft as a labelled field: a select of `options` ([value, words]), else an
 * input with the `input` attributes. A change marks the member touched, which shows its error;
 * `also` is changed with it (another application clears the route).
 */
function RuleField<K extends TextMember>({
  form,
  field,
  label,
  hint,
  disabled,
  also,
  options,
  input,
}: {
  form: DraftForm
  field: K
  label: string
  hint?: string
  disabled?: boolean
  also?: Partial<RuleDraft>
  options?: ReadonlyArray<readonly [value: string, words: string]>
  input?: InputHTMLAttributes<HTMLInputElement>
}) {
  const control = {
    value: form.draft[field],
    disabled,
    // The options are the member's own values, so the text read back is one of its type.
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      form.set({ ...also, [field]: event.target.value as RuleDraft[K] }, field),
  }
  return (
    <FormField label={label} hint={hint} error={form.errorOf(field)}>
      {(props) =>
        options ? (
          <select {...props} {...control}>
            {options.map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        ) : (
          <input {...input} {...props} {...control} />
        )
      }
    </FormField>
  )
}
