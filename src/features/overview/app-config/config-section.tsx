import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { useLocation } from 'react-router'
import { ErrorState, LoadingState } from '@/components/query-states'
import { RelativeTime } from '@/components/time-display'
import { environmentName } from '@/environment/environment-info'
import { useEnvironmentInfo } from '@/environment/use-environment-info'
import { usePermissions } from '@/environment/use-permissions'
import type { Scope } from '@/lib/query/query-scope'
import { polling } from '@/lib/query/retry-policy'
import { differingSettings, reapplyChanges } from '@/lib/app-config/settings-diff'
import { draftOf, settingsOfDraft, type SettingsDraft } from '@/lib/app-config/settings-form'
import { appConfigResources, type AppConfig } from '@/lib/resources/app-config'
import { ConfigCompare } from './config-compare'
import { SaveConfigDialog } from './config-dialogs'
import { ConfigForm } from './config-form'
import './app-config.css'

/** How often the applied count is read while agents have not all applied the current version. */
const PENDING_POLL_MS = 1000

/** Read again only while some live agent has not applied it (backing off while reads fail). */
export function whilePending(query: {
  state: { data?: AppConfig; fetchFailureCount: number; error: unknown }
}): number | false {
  return (query.state.data?.agents.pending ?? 0) > 0 ? polling(PENDING_POLL_MS)(query) : false
}

/**
 * "Configuration" on an application's page: its settings in this environment as a form, who
 * changed them last, "Save configuration" through the safe path, then how many live agents
 * have applied it, read again until all have. Keyed by scope and application where it is
 * mounted, so nothing of one environment's draft survives a switch.
 */
export function ConfigSection({ scope, applicationId }: { scope: Scope; applicationId: string }) {
  const headingId = useId()
  const query = useQuery({
    ...appConfigResources.detail(scope, applicationId),
    refetchInterval: whilePending,
  })
  // Links to an application's configuration (from the comparison page, from a step captured
  // without payloads) end in #configuration: show the section, not the top of the page.
  const loaded = !!query.data
  const { hash } = useLocation()
  useEffect(() => {
    if (loaded && hash === '#configuration') {
      document.getElementById('configuration')?.scrollIntoView?.()
    }
  }, [loaded, hash])
  return (
    <section
      id="configuration"
      className="overview-section app-config-section"
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>Configuration</h2>
      {query.isPending ? (
        <LoadingState label="Loading the configuration…" />
      ) : query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ConfigEditor scope={scope} applicationId={applicationId} config={query.data} />
      )}
    </section>
  )
}

function ConfigEditor({
  scope,
  applicationId,
  config,
}: {
  scope: Scope
  applicationId: string
  config: AppConfig
}) {
  const queryClient = useQueryClient()
  const facts = useEnvironmentInfo(scope.env)
  const where = environmentName(facts, scope.env)
  const { me, can, whyNot } = usePermissions()
  const readOnly = !can('config.update')
  const noteId = useId()
  // The version the draft was made from, and the draft (kept as typed through every error).
  const [base, setBase] = useState<AppConfig>(config)
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(config.settings))
  const [note, setNote] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [dialogKey, setDialogKey] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)

  const checked = settingsOfDraft(draft)
  const edited = checked.settings
    ? differingSettings(base.settings, checked.settings).length > 0
    : true
  // A newer version read (a save here or elsewhere, a copy): follow it unless the user is editing.
  if (config.version !== base.version && !edited && !saving) {
    setBase(config)
    setDraft(draftOf(config.settings))
  }

  const save = () => {
    if (!checked.settings) {
      setProblem('Fix the values marked above before saving.')
      return
    }
    if (!edited) {
      setProblem('Nothing to save: the settings are as saved.')
      return
    }
    setProblem(null)
    setNote(null)
    setSaving(true)
  }

  const live = config.agents.applied + config.agents.pending
  const mine = checked.settings
  return (
    <>
      <LastChange config={base} />
      <AppliedStatus config={config} applicationId={applicationId} where={where} />
      <Notices
        config={config}
        base={base}
        note={note}
        readOnlyReason={readOnly && me ? whyNot('config.update') : null}
        readOnlyNoteId={noteId}
      />
      <form
        className="app-config-editor"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          save()
        }}
      >
        <ConfigForm
          draft={draft}
          errors={checked.errors ?? {}}
          readOnly={readOnly}
          readOnlyNoteId={noteId}
          onChange={(next) => {
            setDraft(next)
            setProblem(null)
          }}
        />
        {readOnly ? null : (
          <div className="app-config-actions">
            <button type="submit" className="button button-primary">
              Save configuration
            </button>
            {edited ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setDraft(draftOf(base.settings))
                  setProblem(null)
                }}
              >
                Undo my edits
              </button>
            ) : null}
            {problem ? (
              <span className="field-problem" role="alert">
                {problem}
              </span>
            ) : null}
          </div>
        )}
      </form>
      {saving && mine ? (
        <SaveConfigDialog
          key={dialogKey}
          scope={scope}
          facts={facts}
          applicationId={applicationId}
          base={base}
          settings={mine}
          liveAgents={live}
          onSaved={(saved) => {
            setBase(saved)
            setDraft(draftOf(saved.settings))
          }}
          onReapply={(current) => {
            const merged = reapplyChanges(base.settings, mine, current.settings)
            queryClient.setQueryData(
              appConfigResources.detail(scope, applicationId).queryKey,
              current,
            )
            setBase(current)
            setDraft(draftOf(merged.settings))
            setNote(
              `Your changes are reapplied on top of version ${current.version}` +
                (current.updatedBy ? ` by ${current.updatedBy.name}` : '') +
                (merged.conflicts.length
                  ? `; yours replace theirs where you both changed a setting.`
                  : '.') +
                ' Confirm to save them.',
            )
            // A fresh dialog: the changes it lists are now against their version.
            setDialogKey((key) => key + 1)
          }}
          onDiscard={(current) => {
            queryClient.setQueryData(
              appConfigResources.detail(scope, applicationId).queryKey,
              current,
            )
            setBase(current)
            setDraft(draftOf(current.settings))
            setNote(`Your changes were discarded; the form shows version ${current.version}.`)
            setSaving(false)
          }}
          onClose={() => setSaving(false)}
        />
      ) : null}
      <ConfigCompare scope={scope} applicationId={applicationId} config={config} edited={edited} />
    </>
  )
}

/** Why the form is read-only, a version saved meanwhile, what a reapply or discard did. */
function Notices({
  config,
  base,
  note,
  readOnlyReason,
  readOnlyNoteId,
}: {
  config: AppConfig
  base: AppConfig
  note: string | null
  readOnlyReason: string | null
  readOnlyNoteId: string
}) {
  return (
    <>
      {readOnlyReason ? (
        <p id={readOnlyNoteId} className="app-config-read-only">
          Read only: {readOnlyReason} to change it.
        </p>
      ) : null}
      {config.version !== base.version ? (
        <p className="app-config-note">
          Version {config.version} was saved
          {config.updatedBy ? ` by ${config.updatedBy.name}` : ''} since you started editing version{' '}
          {base.version}; saving shows how the two differ.
        </p>
      ) : null}
      {note ? (
        <p className="app-config-note" role="status">
          {note}
        </p>
      ) : null}
    </>
  )
}

/** "Changed by Otto Ops 5 minutes ago", or "Defaults, never changed". */
function LastChange({ config }: { config: AppConfig }) {
  return (
    <p className="app-config-changed">
      {config.updatedBy && config.updatedAt ? (
        <>
          Changed by {config.updatedBy.name} <RelativeTime iso={config.updatedAt} />
        </>
      ) : (
        'Defaults, never changed'
      )}{' '}
      · version {config.version}
    </p>
  )
}

/** "Applied on 4 of 5 agents…" while some have not, then "Applied on all 5 live agents". */
function AppliedStatus({
  config,
  applicationId,
  where,
}: {
  config: AppConfig
  applicationId: string
  where: string
}) {
  const { applied, pending } = config.agents
  const live = applied + pending
  return (
    <p className="app-config-applied" role="status">
      {live === 0
        ? `No live agent of ${applicationId} in ${where}: agents take it when they start.`
        : pending > 0
          ? `Applied on ${applied} of ${live} ${live === 1 ? 'agent' : 'agents'}…`
          : `Applied on all ${live} live ${live === 1 ? 'agent' : 'agents'}.`}
    </p>
  )
}
