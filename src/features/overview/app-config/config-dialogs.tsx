import { useQueryClient } from '@tanstack/react-query'
import { WriteDialog } from '@/environment/write-dialog'
import type { EnvironmentFacts } from '@/environment/environment-info'
import { environmentName, isProduction } from '@/environment/environment-info'
import { HttpError } from '@/lib/api/errors'
import { appConfigSchema } from '@/lib/api/generated/response-schemas/app-config'
import { validateResponse } from '@/lib/api/response-validation'
import { isForbiddenRole } from '@/lib/api/write'
import {
  compareSettings,
  describeSetting,
  differingSettings,
  SETTING_KEYS,
  SETTING_LABELS,
  sameSetting,
  type AppSettings,
} from '@/lib/app-config/settings-diff'
import type { Scope } from '@/lib/query/query-scope'
import { appConfigResources, saveAppConfig, type AppConfig } from '@/lib/resources/app-config'

/**
 * The configuration's writes, through the one safe path (WriteDialog): "Save configuration of
 * order-service in Production" and "Copy Staging settings to Production". Each names what
 * changes, setting by setting; production asks for its id to be typed.
 */

/** What a 412 carries as `current`, if it is a configuration of this application and scope. */
export function conflictOf(error: unknown, scope: Scope, applicationId: string): AppConfig | null {
  if (!(error instanceof HttpError) || error.status !== 412) return null
  try {
    const current = validateResponse(appConfigSchema, error.problem?.current, error.path)
    return current.tenantId === scope.tenant &&
      current.environment === scope.env &&
      current.applicationId === applicationId
      ? current
      : null
  } catch {
    return null
  }
}

/** The settings a write changes, as "setting: now → after". */
function ChangesTable({
  label,
  before,
  after,
  beforeHeading,
  afterHeading,
}: {
  label: string
  before: AppSettings
  after: AppSettings
  beforeHeading: string
  afterHeading: string
}) {
  const rows = compareSettings(before, after).filter((row) => row.differs)
  if (rows.length === 0) return <p>Nothing changes: the settings are the same.</p>
  return (
    <table className="data-table app-config-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">{beforeHeading}</th>
          <th scope="col">{afterHeading}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.a}</td>
            <td>{row.b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** "Your changes and theirs": after a 412, their version beside the user's, each difference said. */
export function ConflictTable({
  base,
  mine,
  theirs,
}: {
  base: AppSettings
  mine: AppSettings
  theirs: AppConfig
}) {
  const rows = SETTING_KEYS.filter(
    (key) => !sameSetting(mine, theirs.settings, key) || !sameSetting(base, theirs.settings, key),
  )
  const who = (key: (typeof SETTING_KEYS)[number]) => {
    const youChanged = !sameSetting(base, mine, key)
    const theyChanged = !sameSetting(base, theirs.settings, key)
    if (youChanged && theyChanged) {
      return sameSetting(mine, theirs.settings, key)
        ? 'Both of you, the same way'
        : 'Both of you, differently: yours is reapplied'
    }
    return youChanged ? 'You changed it' : theyChanged ? 'They changed it' : 'Nobody'
  }
  return (
    <table className="data-table app-config-table" aria-label="Your changes and theirs">
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">Theirs (version {theirs.version})</th>
          <th scope="col">Yours</th>
          <th scope="col">Changed by</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((key) => (
          <tr key={key} className={sameSetting(mine, theirs.settings, key) ? '' : 'is-different'}>
            <th scope="row">{SETTING_LABELS[key]}</th>
            <td>{describeSetting(theirs.settings, key)}</td>
            <td>{describeSetting(mine, key)}</td>
            <td>{who(key)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function SaveConfigDialog({
  scope,
  facts,
  applicationId,
  base,
  settings,
  liveAgents,
  onSaved,
  onReapply,
  onDiscard,
  onClose,
}: {
  scope: Scope
  facts: EnvironmentFacts | undefined
  applicationId: string
  /** The version the user edited. */
  base: AppConfig
  /** What they made of it. */
  settings: AppSettings
  liveAgents: number | null
  onSaved: (saved: AppConfig) => void
  /** After a 412: their changed settings over the current version. */
  onReapply: (current: AppConfig) => void
  /** After a 412: take the current version, drop the user's edits. */
  onDiscard: (current: AppConfig) => void
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  const where = environmentName(facts, scope.env)
  const label = `Save configuration of ${applicationId} in ${where}`
  return (
    <WriteDialog
      title={label}
      confirmLabel={label}
      typedConfirmation={isProduction(facts) ? scope.env : null}
      ready={differingSettings(base.settings, settings).length > 0}
      description={
        <>
          <ChangesTable
            label="Changes to save"
            before={base.settings}
            after={settings}
            beforeHeading={`Now (version ${base.version})`}
            afterHeading="After saving"
          />
          <p>
            It is pushed at once to{' '}
            {liveAgents === null
              ? 'the live agents'
              : `the ${liveAgents} live ${liveAgents === 1 ? 'agent' : 'agents'}`}{' '}
            of {applicationId} in {where}.
          </p>
        </>
      }
      explain={(_kind, error) => {
        const current = conflictOf(error, scope, applicationId)
        if (current) {
          return (
            <div className="app-config-conflict">
              <ConflictTable base={base.settings} mine={settings} theirs={current} />
              <p>
                Reapply puts the settings you changed over their version and keeps theirs for the
                rest; nothing is sent until you confirm again.
              </p>
              <div className="app-config-actions">
                <button type="button" className="button" onClick={() => onReapply(current)}>
                  Reapply my changes
                </button>
                <button type="button" className="button" onClick={() => onDiscard(current)}>
                  Discard my changes
                </button>
              </div>
            </div>
          )
        }
        if (isForbiddenRole(error)) {
          return <p>Saving needs the operator role in {where}; ask a tenant admin for it.</p>
        }
        return null
      }}
      onClose={onClose}
      send={async ({ signal }) => {
        const saved = await saveAppConfig({
          scope,
          applicationId,
          settings,
          version: base.version,
          signal,
        })
        queryClient.setQueryData(appConfigResources.detail(scope, applicationId).queryKey, saved)
        void queryClient.invalidateQueries({
          queryKey: [{ tenant: scope.tenant, resource: 'audit' }],
        })
        onSaved(saved)
        return {
          message: `Configuration of ${applicationId} saved in ${where} (version ${saved.version}).`,
          scope,
        }
      }}
    />
  )
}

export function CopyConfigDialog({
  tenant,
  applicationId,
  from,
  to,
  settings,
  targetSettings,
  pageEnv,
  onClose,
}: {
  /** The page's environment: where the outcome is announced. */
  pageEnv: string
  tenant: string
  applicationId: string
  from: { id: string; facts: EnvironmentFacts | undefined }
  to: { id: string; facts: EnvironmentFacts | undefined }
  /** The source's saved settings. */
  settings: AppSettings
  /** The target's settings as last read (the write reads them again for its If-Match). */
  targetSettings: AppSettings
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  const fromName = environmentName(from.facts, from.id)
  const toName = environmentName(to.facts, to.id)
  const target: Scope = { tenant, env: to.id }
  return (
    <WriteDialog
      title={`Copy ${fromName} settings to ${toName}`}
      confirmLabel={`Copy settings of ${applicationId} to ${toName}`}
      typedConfirmation={isProduction(to.facts) ? to.id : null}
      ready={differingSettings(targetSettings, settings).length > 0}
      description={
        <>
          <p>
            {applicationId} in {toName} takes every setting it has in {fromName}; it is pushed at
            once to its live agents there.
          </p>
          <ChangesTable
            label={`Changes to ${toName}`}
            before={targetSettings}
            after={settings}
            beforeHeading={`${toName} now`}
            afterHeading={`After copying (${fromName})`}
          />
        </>
      }
      explain={(_kind, error) =>
        isForbiddenRole(error) ? (
          <p>
            Copying to {toName} needs the operator role in {toName}; your role there does not allow
            it. Ask a tenant admin.
          </p>
        ) : error.status === 412 ? (
          <p>{toName} changed while copying; try again to copy onto its new version.</p>
        ) : error.status === 404 ? (
          <p>
            {applicationId} has no agents in {toName} any more.
          </p>
        ) : null
      }
      onClose={onClose}
      send={async ({ signal }) => {
        // Its own If-Match: the target's version as it is now, not as the comparison showed it.
        const fresh = await queryClient.fetchQuery({
          ...appConfigResources.detail(target, applicationId),
          staleTime: 0,
        })
        const saved = await saveAppConfig({
          scope: target,
          applicationId,
          settings,
          version: fresh.version,
          signal,
        })
        queryClient.setQueryData(appConfigResources.detail(target, applicationId).queryKey, saved)
        void queryClient.invalidateQueries({ queryKey: [{ tenant, resource: 'audit' }] })
        return {
          message: `${fromName} settings of ${applicationId} copied to ${toName} (version ${saved.version}).`,
          scope: { tenant, env: pageEnv },
        }
      }}
    />
  )
}
