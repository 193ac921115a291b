import { useId } from 'react'

/** What the New and Edit dialogs edit; text as typed, checked before sending. */
export interface EnvironmentDraft {
  id: string
  displayName: string
  production: boolean
  retentionDays: string
  description: string
}

const ENVIRONMENT_ID = /^[a-z0-9][a-z0-9-]{0,31}$/

/** Problems per field, in words; an empty object when the draft can be sent. */
export function checkDraft(
  draft: EnvironmentDraft,
  { isNew, existingIds }: { isNew: boolean; existingIds: readonly string[] },
): Partial<Record<keyof EnvironmentDraft, string>> {
  const problems: Partial<Record<keyof EnvironmentDraft, string>> = {}
  if (isNew) {
    if (!ENVIRONMENT_ID.test(draft.id)) {
      problems.id =
        'Use 1–32 lowercase letters, digits or hyphens, starting with a letter or a digit.'
    } else if (existingIds.includes(draft.id)) {
      problems.id = `There is an environment ${draft.id} already.`
    }
  }
  const name = draft.displayName.trim()
  if (name.length < 1 || name.length > 64)
    problems.displayName = 'Give it a name of 1–64 characters.'
  const retention = Number(draft.retentionDays)
  if (!/^\d+$/.test(draft.retentionDays.trim()) || retention < 1 || retention > 3650) {
    problems.retentionDays = 'A whole number of days from 1 to 3650.'
  }
  if (draft.description.length > 500) problems.description = 'At most 500 characters.'
  return problems
}

/** The fields of the New environment and Edit dialogs ("Id" only when new). */
export function EnvironmentFields({
  draft,
  onChange,
  problems,
  isNew,
}: {
  draft: EnvironmentDraft
  onChange: (draft: EnvironmentDraft) => void
  problems: Partial<Record<keyof EnvironmentDraft, string>>
  isNew: boolean
}) {
  const ids = {
    id: useId(),
    displayName: useId(),
    production: useId(),
    retentionDays: useId(),
    description: useId(),
  }
  const set = (change: Partial<EnvironmentDraft>) => onChange({ ...draft, ...change })
  const problem = (field: keyof EnvironmentDraft) =>
    problems[field] ? (
      <span id={`${ids[field]}-problem`} className="field-problem">
        {problems[field]}
      </span>
    ) : null
  const described = (field: keyof EnvironmentDraft) =>
    problems[field]
      ? { 'aria-invalid': true, 'aria-describedby': `${ids[field]}-problem` }
      : { 'aria-invalid': false }
  return (
    <div className="admin-fields">
      {isNew ? (
        <div className="admin-field">
          <label htmlFor={ids.id}>Id</label>
          <input
            id={ids.id}
            value={draft.id}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => set({ id: event.target.value })}
            {...described('id')}
          />
          <span className="field-hint">
            What every stored row carries; it never changes (e.g. <code>eu-live</code>).
          </span>
          {draft.id ? problem('id') : null}
        </div>
      ) : null}
      <div className="admin-field">
        <label htmlFor={ids.displayName}>Display name</label>
        <input
          id={ids.displayName}
          value={draft.displayName}
          maxLength={64}
          onChange={(event) => set({ displayName: event.target.value })}
          {...described('displayName')}
        />
        {problem('displayName')}
      </div>
      <div className="admin-field admin-field-check">
        <input
          id={ids.production}
          type="checkbox"
          checked={draft.production}
          onChange={(event) => set({ production: event.target.checked })}
        />
        <label htmlFor={ids.production}>Production</label>
        <span className="field-hint">
          Serves real customers: shown unmistakably, and every change there is confirmed by typing
          its id.
        </span>
      </div>
      <div className="admin-field">
        <label htmlFor={ids.retentionDays}>Retention (days)</label>
        <input
          id={ids.retentionDays}
          inputMode="numeric"
          value={draft.retentionDays}
          onChange={(event) => set({ retentionDays: event.target.value })}
          {...described('retentionDays')}
        />
        {problem('retentionDays')}
      </div>
      <div className="admin-field">
        <label htmlFor={ids.description}>Description</label>
        <textarea
          id={ids.description}
          rows={2}
          value={draft.description}
          onChange={(event) => set({ description: event.target.value })}
          {...described('description')}
        />
        {problem('description')}
      </div>
    </div>
  )
}
