import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { ExactTime, useNow } from '@/components/time-display'
import { SelectField } from '@/components/select-field'
import { environmentName, isProduction } from '@/environment/environment-info'
import { withEnvironment } from '@/environment/scoped-link'
import { useEnvironmentInfo } from '@/environment/use-environment-info'
import { useScope } from '@/environment/use-scope'
import { WriteDialog } from '@/environment/write-dialog'
import { alertSchema } from '@/lib/api/generated/response-schemas/alert'
import { silenceSchema } from '@/lib/api/generated/response-schemas/silence'
import type { Schemas } from '@/lib/api/types'
import { sendWrite } from '@/lib/api/write'
import { useTimeZonePreference } from '@/lib/preferences-store'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { alertResources, alertScopeKey } from '@/lib/resources/alerts'
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '@/lib/time-range/time-range'

/**
 * Alerting's writes, each through the one safe path (WriteDialog): it names the action, the
 * target and the environment, waits for the environment's id to be typed in production, is
 * closed unsent by a switch, and announces its outcome. After a write, the scope's alerting
 * keys are read again (the bell's summary among them); no other environment's.
 */

/** Where a write goes, in words, and whether it needs the typed id. */
export function useWriteTarget(): { scope: Scope; where: string; typed: string | null } {
  const scope = useScope()
  const info = useEnvironmentInfo(scope.env)
  return {
    scope,
    where: environmentName(info, scope.env),
    typed: isProduction(info) ? scope.env : null,
  }
}

export function useInvalidateAlerting() {
  const queryClient = useQueryClient()
  return (scope: Scope) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: alertScopeKey(scope) }),
      queryClient.invalidateQueries({ queryKey: [{ tenant: scope.tenant, resource: 'audit' }] }),
    ]).then(() => undefined)
}

export function AcknowledgeDialog({
  alert,
  onClose,
}: {
  alert: Schemas['Alert']
  onClose: () => void
}) {
  const { scope, where, typed } = useWriteTarget()
  const invalidate = useInvalidateAlerting()
  return (
    <WriteDialog
      title={`Acknowledge ${alert.ruleName}`}
      confirmLabel={`Acknowledge ${alert.ruleName} in ${where}`}
      typedConfirmation={typed}
      description={
        <p>
          Says that someone is on it: the alert stays open until its condition stops holding, and no
          longer counts as unacknowledged. Started <ExactTime iso={alert.startedAt} />.
        </p>
      }
      onClose={onClose}
      send={async ({ signal }) => {
        await sendWrite({
          method: 'POST',
          path: '/alerts/{alertId}/ack',
          params: { path: { alertId: alert.alertId } },
          tenant: scope.tenant,
          env: scope.env,
          schema: alertSchema,
          signal,
        })
        await invalidate(scope)
        return {
          message: `${alert.ruleName} acknowledged in ${where}.`,
          link: { to: withEnvironment('/alerts', scope.env), text: 'Open alerts' },
          scope,
        }
      }}
    />
  )
}

const DURATIONS = [
  { value: '1h', label: 'For 1 hour', ms: 3_600_000 },
  { value: '4h', label: 'For 4 hours', ms: 4 * 3_600_000 },
  { value: '1d', label: 'For 1 day', ms: 86_400_000 },
  { value: 'until', label: 'Until a chosen time', ms: 0 },
] as const
type Duration = (typeof DURATIONS)[number]['value']
const MAX_SILENCE_MS = 30 * 86_400_000

/** What a silence covers: a rule or an application (the contract allows both, or neither). */
export interface SilencePrefill {
  ruleId?: string
  applicationId?: string
}

/** The dialog named "New silence": rule or application, how long, and a required comment. */
export function NewSilenceDialog({
  prefill,
  onClose,
}: {
  prefill?: SilencePrefill
  onClose: () => void
}) {
  const { scope, where, typed } = useWriteTarget()
  const invalidate = useInvalidateAlerting()
  const timeZone = useTimeZonePreference()
  const rules = useQuery(alertResources.rules(scope))
  const agents = useQuery(agentResources.list(scope))
  const applications = useMemo(
    () => [...new Set((agents.data?.items ?? []).map((agent) => agent.applicationId))].sort(),
    [agents.data],
  )
  const [target, setTarget] = useState<'rule' | 'application'>(
    prefill?.applicationId && !prefill.ruleId ? 'application' : 'rule',
  )
  const [ruleId, setRuleId] = useState(prefill?.ruleId ?? '')
  const [applicationId, setApplicationId] = useState(prefill?.applicationId ?? '')
  const [duration, setDuration] = useState<Duration>('1h')
  const [opened] = useState(() => Date.now())
  const [until, setUntil] = useState(() =>
    toDateTimeLocalValue(new Date(opened + 2 * 3_600_000), timeZone),
  )
  const [comment, setComment] = useState('')
  const ids = { until: useId(), comment: useId() }

  const nowMs = useNow(10_000).getTime()
  const untilDate = fromDateTimeLocalValue(until, timeZone)
  const problems = silenceProblems({
    chosen: target === 'rule' ? ruleId : applicationId,
    target,
    until: duration === 'until' ? untilDate : undefined,
    comment,
    nowMs,
  })
  const ruleName = rules.data?.items.find((rule) => rule.ruleId === ruleId)?.name ?? ruleId
  const what = target === 'rule' ? `rule ${ruleName}` : `application ${applicationId}`

  return (
    <WriteDialog
      title="New silence"
      confirmLabel={problems.length ? 'Silence' : `Silence ${what} in ${where}`}
      typedConfirmation={typed}
      ready={problems.length === 0}
      description={
        <p>
          Its alerts still open and resolve, but send no webhook and leave the bell&apos;s counts.
        </p>
      }
      onClose={onClose}
      send={async ({ signal }) => {
        const { startsAt, endsAt } = silencePeriod(duration, untilDate)
        await sendWrite({
          method: 'POST',
          path: '/alerts/silences',
          tenant: scope.tenant,
          env: scope.env,
          body: {
            ruleId: target === 'rule' ? ruleId : null,
            applicationId: target === 'application' ? applicationId : null,
            startsAt,
            endsAt,
            comment: comment.trim(),
          },
          // 201 with the silence, checked like every answer; the list read again below is what
          // is shown.
          schema: silenceSchema,
          signal,
        })
        await invalidate(scope)
        return {
          message: `Silenced ${what} in ${where}.`,
          link: { to: withEnvironment('/alerts/silences', scope.env), text: 'Silences' },
          scope,
        }
      }}
    >
      <SilenceTarget
        target={target}
        onTargetChange={setTarget}
        ruleId={ruleId}
        onRuleChange={setRuleId}
        rules={rules.data?.items ?? []}
        applicationId={applicationId}
        onApplicationChange={setApplicationId}
        applications={applications}
      />
      <SelectField
        label="Duration"
        value={duration}
        // The options are DURATIONS' own values.
        onChange={(value) => setDuration(value as Duration)}
        options={DURATIONS}
      />
      {duration === 'until' ? (
        <div className="field">
          <label htmlFor={ids.until}>Until</label>
          <input
            id={ids.until}
            type="datetime-local"
            value={until}
            onChange={(event) => setUntil(event.target.value)}
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={ids.comment}>Comment</label>
        <textarea
          id={ids.comment}
          required
          maxLength={600}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      {problems.length && comment.length > 0 ? (
        <ul className="field-problem">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </WriteDialog>
  )
}

/** From now (when it is sent) for the duration chosen, or until the time chosen. */
function silencePeriod(
  duration: Duration,
  until: Date | null,
): { startsAt: string; endsAt: string } {
  const now = Date.now()
  const endsAt =
    duration === 'until'
      ? (until ?? new Date(now))
      : new Date(now + (DURATIONS.find((d) => d.value === duration)?.ms ?? 0))
  return { startsAt: new Date(now).toISOString(), endsAt: endsAt.toISOString() }
}

/**
 * What keeps a new silence from being sent, in words. `until`: the end chosen by date
 * (`null` when it is not one), `undefined` for a fixed duration.
 */
function silenceProblems({
  target,
  chosen,
  until,
  comment,
  nowMs,
}: {
  target: 'rule' | 'application'
  chosen: string
  until: Date | null | undefined
  comment: string
  nowMs: number
}): string[] {
  const problems: string[] = []
  if (!chosen) problems.push(`Choose the ${target} to silence.`)
  if (until === null) problems.push('Until must be a date and time.')
  else if (until && until.getTime() <= nowMs) problems.push('Until must be in the future.')
  else if (until && until.getTime() - nowMs > MAX_SILENCE_MS)
    problems.push('A silence lasts at most 30 days.')
  if (comment.trim().length === 0) problems.push('A comment is required: say why.')
  if (comment.length > 500) problems.push('The comment is at most 500 characters.')
  return problems
}

/** What a new silence covers: a rule or an application, and which. */
function SilenceTarget({
  target,
  onTargetChange,
  ruleId,
  onRuleChange,
  rules,
  applicationId,
  onApplicationChange,
  applications,
}: {
  target: 'rule' | 'application'
  onTargetChange: (target: 'rule' | 'application') => void
  ruleId: string
  onRuleChange: (ruleId: string) => void
  rules: readonly Schemas['AlertRule'][]
  applicationId: string
  onApplicationChange: (applicationId: string) => void
  applications: readonly string[]
}) {
  return (
    <>
      <fieldset className="silence-target">
        <legend>Silence</legend>
        <label>
          <input
            type="radio"
            name="silence-target"
            checked={target === 'rule'}
            onChange={() => onTargetChange('rule')}
          />{' '}
          A rule
        </label>
        <label>
          <input
            type="radio"
            name="silence-target"
            checked={target === 'application'}
            onChange={() => onTargetChange('application')}
          />{' '}
          An application
        </label>
      </fieldset>
      {target === 'rule' ? (
        <SelectField
          label="Rule"
          value={ruleId}
          onChange={onRuleChange}
          none="Choose a rule…"
          options={rules.map((rule) => ({ value: rule.ruleId, label: rule.name }))}
        />
      ) : (
        <SelectField
          label="Application"
          value={applicationId}
          onChange={onApplicationChange}
          none="Choose an application…"
          options={applications}
        />
      )}
    </>
  )
}

export function EndSilenceDialog({
  silence,
  what,
  onClose,
}: {
  silence: Schemas['Silence']
  what: string
  onClose: () => void
}) {
  const { scope, where, typed } = useWriteTarget()
  const invalidate = useInvalidateAlerting()
  return (
    <WriteDialog
      title={`End the silence of ${what}`}
      confirmLabel={`End the silence of ${what} in ${where} now`}
      typedConfirmation={typed}
      description={<p>Its alerts notify again and count in the bell from now on.</p>}
      onClose={onClose}
      send={async ({ signal }) => {
        await sendWrite({
          method: 'DELETE',
          path: '/alerts/silences/{silenceId}',
          params: { path: { silenceId: silence.silenceId } },
          tenant: scope.tenant,
          env: scope.env,
          schema: null,
          signal,
        })
        await invalidate(scope)
        return { message: `The silence of ${what} in ${where} has ended.`, scope }
      }}
    />
  )
}
