import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, useState, type ReactNode } from 'react'
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
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set())
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
  const set = (change: Partial<RuleDraft>, field?: DraftField) => {
    setDraft((current) => ({ ...current, ...change }))
    if (field) setTouched((current) => new Set(current).add(field))
  }
  const errorOf = (field: DraftField) => (touched.has(field) ? errors[field] : undefined)

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
        <Field label="Name" error={errorOf('name')}>
          {(props) => (
            <input
              {...props}
              type="text"
              value={draft.name}
              maxLength={200}
              onChange={(event) => set({ name: event.target.value }, 'name')}
            />
          )}
        </Field>
        <Field label="Severity">
          {(props) => (
            <select
              {...props}
              value={draft.severity}
              onChange={(event) => set({ severity: event.target.value as RuleDraft['severity'] })}
            >
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {SEVERITY_WORDS[severity]}
                </option>
              ))}
            </select>
          )}
        </Field>
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

        <ConditionFields
          draft={draft}
          set={set}
          errorOf={errorOf}
          applications={applications}
          routes={routes}
        />

        <Field label="Webhook URL" hint="https only, optional" error={errorOf('webhookUrl')}>
          {(props) => (
            <input
              {...props}
              type="url"
              value={draft.webhookUrl}
              placeholder="https://"
              onChange={(event) => set({ webhookUrl: event.target.value }, 'webhookUrl')}
            />
          )}
        </Field>
        <RuleFormActions
          rule={base}
          onDelete={() => setDialog('delete')}
          onCopy={() => setDialog('copy')}
        />
      </form>

      <Field label="Preview over">
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
      </Field>
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
  draft,
  set,
  errorOf,
  applications,
  routes,
}: {
  draft: RuleDraft
  set: (change: Partial<RuleDraft>, field?: DraftField) => void
  errorOf: (field: DraftField) => string | undefined
  applications: readonly string[]
  routes: readonly string[]
}) {
  return (
    <fieldset>
      <legend>What it watches</legend>
      <Field label="Application">
        {(props) => (
          <select
            {...props}
            value={draft.applicationId}
            onChange={(event) => set({ applicationId: event.target.value, routeId: '' })}
          >
            <option value="">Every application</option>
            {applications.map((app) => (
              <option key={app} value={app}>
                {app}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.kind === 'route-metric' ? (
        <>
          <Field label="Route" error={errorOf('routeId')}>
            {(props) => (
              <select
                {...props}
                value={draft.routeId}
                disabled={!draft.applicationId}
                onChange={(event) => set({ routeId: event.target.value }, 'routeId')}
              >
                <option value="">Every route</option>
                {routes.map((route) => (
                  <option key={route} value={route}>
                    {route}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Metric">
            {(props) => (
              <select
                {...props}
                value={draft.metric}
                onChange={(event) => set({ metric: event.target.value as RuleDraft['metric'] })}
              >
                {METRICS.map((metric) => (
                  <option key={metric} value={metric}>
                    {METRIC_WORDS[metric]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Comparison">
            {(props) => (
              <select
                {...props}
                value={draft.comparator}
                onChange={(event) => set({ comparator: event.target.value as '>' | '<' })}
              >
                <option value=">">Above</option>
                <option value="<">Below</option>
              </select>
            )}
          </Field>
          <Field
            label="Threshold"
            hint={draft.metric === 'errorRate' ? '%' : draft.metric === 'p99Ms' ? 'ms' : undefined}
            error={errorOf('threshold')}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                value={draft.threshold}
                onChange={(event) => set({ threshold: event.target.value }, 'threshold')}
              />
            )}
          </Field>
        </>
      ) : null}
      {draft.kind === 'agent-state' ? (
        <>
          <Field label="State">
            {(props) => (
              <select
                {...props}
                value={draft.agentState}
                onChange={(event) => set({ agentState: event.target.value as 'STALE' | 'DEAD' })}
              >
                <option value="DEAD">Dead</option>
                <option value="STALE">Stale</option>
              </select>
            )}
          </Field>
          <Field label="Agents" hint="at least" error={errorOf('minAgents')}>
            {(props) => (
              <input
                {...props}
                type="number"
                min={1}
                step={1}
                value={draft.minAgents}
                onChange={(event) => set({ minAgents: event.target.value }, 'minAgents')}
              />
            )}
          </Field>
        </>
      ) : null}
      {draft.kind === 'log-pattern' ? (
        <>
          <Field label="Level" hint="or worse">
            {(props) => (
              <select
                {...props}
                value={draft.level}
                onChange={(event) => set({ level: event.target.value as RuleDraft['level'] })}
              >
                {LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Search text" error={errorOf('q')}>
            {(props) => (
              <input
                {...props}
                type="text"
                value={draft.q}
                onChange={(event) => set({ q: event.target.value }, 'q')}
              />
            )}
          </Field>
          <Field label="Threshold" hint="lines" error={errorOf('lineThreshold')}>
            {(props) => (
              <input
                {...props}
                type="number"
                min={1}
                step={1}
                value={draft.lineThreshold}
                onChange={(event) => set({ lineThreshold: event.target.value }, 'lineThreshold')}
              />
            )}
          </Field>
        </>
      ) : null}
      {draft.kind !== 'agent-state' ? (
        <Field label="Window" hint="minutes" error={errorOf('windowMinutes')}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={1440}
              step={1}
              value={draft.windowMinutes}
              onChange={(event) => set({ windowMinutes: event.target.value }, 'windowMinutes')}
            />
          )}
        </Field>
      ) : null}
      <Field label="For" hint="minutes it must hold" error={errorOf('forMinutes')}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={0}
            max={60}
            step="any"
            value={draft.forMinutes}
            onChange={(event) => set({ forMinutes: event.target.value }, 'forMinutes')}
          />
        )}
      </Field>
    </fieldset>
  )
}

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

interface FieldControlProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: boolean
}

function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string
  hint?: string
  error?: string
  children: (props: FieldControlProps) => ReactNode
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {hint ? (
        <span id={hintId} className="muted">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="alert-field-error">
          {error}
        </span>
      ) : null}
    </div>
  )
}
