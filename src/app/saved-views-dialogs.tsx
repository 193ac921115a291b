import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { shareableUrl } from '@/lib/shareable-url'
import {
  cleanViewName,
  MAX_VIEW_NAME_LENGTH,
  savedViewsOf,
  useSavedViewsStore,
  type SavedView,
} from '@/lib/saved-views/saved-views-store'

// The dialogs behind the header's "Save view" and "Saved views" (and the saved-views store only
// they use): loaded the first time one is opened, not on the first paint of every page.

/** Closes the native dialog an element is in (its `close` event then unmounts it). */
function closeDialogOf(element: Element) {
  element.closest('dialog')?.close()
}

function ModalDialog({
  title,
  onClose,
  children,
}: {
  title: string
  onClose: () => void
  children: ReactNode
}) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  return (
    <dialog
      ref={dialogRef}
      className="workspace-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  )
}

function currentViewUrl(location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}`
}

/** A default name from what the page says about itself: "Executions · staging". */
function suggestedName(): string {
  const title = document.title.replace(/\s*[—–-]\s*Cameleer3\s*$/, '')
  return cleanViewName(title || 'View')
}

export function SaveViewDialog({ userId, onClose }: { userId: string; onClose: () => void }) {
  const location = useLocation()
  const save = useSavedViewsStore((state) => state.save)
  const [name, setName] = useState(suggestedName)
  const [error, setError] = useState<string | null>(null)
  const nameId = useId()
  const errorId = useId()
  const url = currentViewUrl(location)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!cleanViewName(name)) {
      setError('Give the view a name.')
      return
    }
    save({ userId, name, url })
    closeDialogOf(event.currentTarget)
  }

  return (
    <ModalDialog title="Save view" onClose={onClose}>
      <form onSubmit={submit} noValidate className="workspace-form">
        <p className="workspace-dialog-hint">
          Saves this page with its filters, time range and environment, for you on this browser.
        </p>
        <div className="field">
          <label htmlFor={nameId}>Name</label>
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={MAX_VIEW_NAME_LENGTH}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <p className="saved-view-url mono">{url}</p>
        {error ? (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="workspace-dialog-actions">
          <button
            type="button"
            className="button"
            onClick={(event) => closeDialogOf(event.currentTarget)}
          >
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}

export function SavedViewsDialog({ userId, onClose }: { userId: string; onClose: () => void }) {
  const allViews = useSavedViewsStore((state) => state.views)
  const views = savedViewsOf(allViews, userId)
  const [status, setStatus] = useState<string | null>(null)

  return (
    <ModalDialog title="Saved views" onClose={onClose}>
      {views.length === 0 ? (
        <p>
          No saved views yet. Use <strong>Save view</strong> on any page to keep it here.
        </p>
      ) : (
        <ul className="saved-views-list" aria-label="Saved views">
          {views.map((view) => (
            <SavedViewItem key={view.id} view={view} userId={userId} onStatus={setStatus} />
          ))}
        </ul>
      )}
      <p role="status" className="workspace-dialog-hint">
        {status}
      </p>
      <div className="workspace-dialog-actions">
        <button
          type="button"
          className="button"
          onClick={(event) => closeDialogOf(event.currentTarget)}
        >
          Close
        </button>
      </div>
    </ModalDialog>
  )
}

function SavedViewItem({
  view,
  userId,
  onStatus,
}: {
  view: SavedView
  userId: string
  onStatus: (status: string) => void
}) {
  const rename = useSavedViewsStore((state) => state.rename)
  const remove = useSavedViewsStore((state) => state.remove)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(view.name)
  const inputId = useId()

  const copyLink = async () => {
    const url = shareableUrl(view.url)
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(url)
      onStatus(`Link to “${view.name}” copied.`)
    } catch {
      onStatus(`Could not copy; the link is ${url}`)
    }
  }

  if (editing) {
    const submit = (event: FormEvent) => {
      event.preventDefault()
      if (!cleanViewName(draft)) return
      rename(userId, view.id, draft)
      setEditing(false)
      onStatus(`Renamed to “${cleanViewName(draft)}”.`)
    }
    return (
      <li className="saved-view">
        <form onSubmit={submit} className="saved-view-rename">
          <label htmlFor={inputId} className="visually-hidden">
            New name for “{view.name}”
          </label>
          <input
            id={inputId}
            type="text"
            value={draft}
            maxLength={MAX_VIEW_NAME_LENGTH}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={!cleanViewName(draft)}>
            Save name
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      </li>
    )
  }

  return (
    <li className="saved-view">
      <Link
        to={view.url}
        // Opened like a shared link: the environment gate announces where it leads.
        state={{ openedLink: true }}
        onClick={(event) => closeDialogOf(event.currentTarget)}
        className="saved-view-name"
      >
        {view.name}
      </Link>
      <span className="saved-view-url mono">{view.url}</span>
      <span className="saved-view-actions">
        <button
          type="button"
          className="button button-quiet"
          aria-label={`Rename “${view.name}”`}
          onClick={() => {
            setDraft(view.name)
            setEditing(true)
          }}
        >
          Rename
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-label={`Copy link to “${view.name}”`}
          onClick={() => void copyLink()}
        >
          Copy link
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-label={`Delete “${view.name}”`}
          onClick={() => {
            remove(userId, view.id)
            onStatus(`Deleted “${view.name}”.`)
          }}
        >
          Delete
        </button>
      </span>
    </li>
  )
}
