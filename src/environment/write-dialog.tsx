import { useQueryClient } from '@tanstack/react-query'
import {
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react'
import { HttpError, isApiFailure } from '@/lib/api/errors'
import { isForbiddenRole } from '@/lib/api/write'
import { environmentResources } from '@/lib/resources/environments'
import { meResources } from '@/lib/resources/me'
import { useSessionStore } from '@/session/session-store'
import { useEnvironmentStore } from './environment-store'
import { announceWriteOutcome, type WriteOutcome } from './write-outcome'

/**
 * The one safe path every change goes through: a modal alert dialog whose title and confirm
 * button name the action, what it acts on and where.
 *
 * - In production (or wherever `typedConfirmation` is set) the confirm button waits until the
 *   id is typed into "Type <id> to confirm".
 * - Its scope (tenant, user, environment) is captured when it opens; a switch of environment or
 *   tenant, a sign-out or a session ending in another tab closes it without sending anything
 *   (and aborts a request still in flight).
 * - It sends at most once at a time (the button disabled while sending), with one
 *   Idempotency-Key for the dialog's life, handed to `send`.
 * - A refusal (400 naming a member, 403, 409, 412, 503) is shown inside it and the input stays;
 *   a 403 `/forbidden-role` reads the user's roles again; a 412 shows what changed since the
 *   form was opened and offers to reapply the user's change onto the current version.
 * - Success announces the outcome (a status region, with a link) and closes it.
 */
export interface WriteDialogProps {
  /** The dialog's name: "Delete environment QA (qa)", "Access for Otto Ops". */
  title: string
  /** The confirm button: "Stop route orders-in on 5 agents in Production". */
  confirmLabel: string
  /** The id the user must type before confirming (a production environment's id), or null. */
  typedConfirmation: string | null
  /** Consequences, shown above the form ("Its data is deleted with it."). */
  description?: ReactNode
  children?: ReactNode
  /** False while the form is invalid (its fields say why). */
  ready?: boolean
  /** Sends the write; resolves to the outcome to announce. Rejects with the API's error. */
  send: (context: { signal: AbortSignal; idempotencyKey: string }) => Promise<WriteOutcome>
  /** The resource as the form was opened, for a 412: what changed is shown against it. */
  base?: Readonly<Record<string, unknown>>
  /** After a 412: take the current version as the new base, keeping the user's input. */
  onReapply?: (current: Record<string, unknown>) => void
  /** Explains a refusal by its problem type (`last-admin`…) in the user's terms. */
  explain?: (kind: string | null, error: HttpError) => ReactNode
  /** Closed: `sent`, `cancelled`, or `scope-changed` (nothing was sent). */
  onClose: (reason: 'sent' | 'cancelled' | 'scope-changed') => void
}

interface CapturedScope {
  tenant: string | null
  userId: string | null
  env: string | null
}

function currentScope(): CapturedScope {
  const claims = useSessionStore.getState().claims
  return {
    tenant: claims?.tenant ?? null,
    userId: claims?.userId ?? null,
    env: useEnvironmentStore.getState().activeEnvironment,
  }
}

const sameScope = (a: CapturedScope, b: CapturedScope) =>
  a.tenant === b.tenant && a.userId === b.userId && a.env === b.env

/** Calls `onLost` once, synchronously, when tenant, user or environment change. */
function useScopeWatch(captured: CapturedScope, onLost: () => void): void {
  const lost = useEffectEvent(onLost)
  useEffect(() => {
    const check = () => {
      if (!sameScope(captured, currentScope())) lost()
    }
    const stopSession = useSessionStore.subscribe(check)
    const stopEnvironment = useEnvironmentStore.subscribe(check)
    check()
    return () => {
      stopSession()
      stopEnvironment()
    }
  }, [captured])
}

function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`
}

export function WriteDialog({
  title,
  confirmLabel,
  typedConfirmation,
  description,
  children,
  ready = true,
  send,
  base,
  onReapply,
  explain,
  onClose,
}: WriteDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const typedId = useId()
  const errorId = useId()
  const queryClient = useQueryClient()
  const [captured] = useState(currentScope)
  const [idempotencyKey] = useState(newIdempotencyKey)
  const [typed, setTyped] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const inFlight = useRef<AbortController | null>(null)
  const closed = useRef(false)

  const close = (reason: 'sent' | 'cancelled' | 'scope-changed') => {
    if (closed.current) return
    closed.current = true
    inFlight.current?.abort()
    dialogRef.current?.close()
    onClose(reason)
  }

  useScopeWatch(captured, () => close('scope-changed'))

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    // Unmounted with its page (a switch unmounts the scoped page): nothing more is waited for.
    return () => inFlight.current?.abort()
  }, [])

  const confirmed = typedConfirmation === null || typed === typedConfirmation
  const disabled = sending || !ready || !confirmed

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    // A ref, not the state: a double click arrives before React re-renders the button.
    if (disabled || inFlight.current || closed.current) return
    if (!sameScope(captured, currentScope())) {
      close('scope-changed')
      return
    }
    const controller = new AbortController()
    inFlight.current = controller
    setSending(true)
    setError(null)
    try {
      const outcome = await send({ signal: controller.signal, idempotencyKey })
      if (controller.signal.aborted) return
      announceWriteOutcome(outcome)
      close('sent')
    } catch (failure) {
      if (controller.signal.aborted || closed.current) return
      setError(failure)
      if (isForbiddenRole(failure) && captured.tenant) {
        // The role changed since /me was read: read it (and what it may see) again.
        void queryClient.invalidateQueries({
          queryKey: meResources.current(captured.tenant).queryKey,
        })
        void queryClient.invalidateQueries({
          queryKey: environmentResources.list(captured.tenant).queryKey,
        })
      }
    } finally {
      if (inFlight.current === controller) inFlight.current = null
      if (!closed.current) setSending(false)
    }
  }

  const conflict =
    error instanceof HttpError && error.status === 412
      ? ((error.problem?.current as Record<string, unknown> | undefined) ?? null)
      : null

  return (
    <dialog
      ref={dialogRef}
      className="workspace-dialog write-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      // Escape: the browser closes the dialog; nothing was sent.
      onCancel={(event) => {
        event.preventDefault()
        close('cancelled')
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <form className="workspace-form" noValidate onSubmit={(event) => void submit(event)}>
        {description ? <div className="write-dialog-description">{description}</div> : null}
        {children}
        {typedConfirmation !== null ? (
          <div className="write-dialog-typed">
            <label htmlFor={typedId}>
              Type <code>{typedConfirmation}</code> to confirm
            </label>
            <input
              id={typedId}
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
        ) : null}
        {error ? (
          <WriteError
            id={errorId}
            error={error}
            explain={explain}
            conflict={conflict}
            base={base}
            onReapply={
              conflict && onReapply
                ? () => {
                    onReapply(conflict)
                    setError(null)
                  }
                : undefined
            }
          />
        ) : null}
        <div className="workspace-dialog-actions">
          <button type="button" className="button" onClick={() => close('cancelled')}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={disabled}
            aria-describedby={error ? errorId : undefined}
          >
            {sending ? `${confirmLabel}…` : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  )
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The refusal, in the dialog: the server's detail, and for a 412 what changed meanwhile. */
function WriteError({
  id,
  error,
  explain,
  conflict,
  base,
  onReapply,
}: {
  id: string
  error: unknown
  explain?: WriteDialogProps['explain']
  conflict: Record<string, unknown> | null
  base?: Readonly<Record<string, unknown>>
  onReapply?: () => void
}) {
  const http = error instanceof HttpError ? error : null
  const kind = http?.problem?.type ? (/\/([a-z0-9-]+)$/.exec(http.problem.type)?.[1] ?? null) : null
  const detail = isApiFailure(error)
    ? error.message
    : error instanceof Error
      ? error.message
      : String(error)
  const heading =
    http?.status === 403
      ? 'Not allowed'
      : http?.status === 409
        ? 'Refused: it conflicts with the current state'
        : http?.status === 412
          ? 'Changed by someone else since you opened this'
          : http && http.status >= 500
            ? 'The server could not do it now; nothing was changed. Try again.'
            : http?.status === 400
              ? 'Refused: check the value named below'
              : 'It did not work'
  const changed =
    conflict && base
      ? Object.keys(conflict).filter(
          (key) =>
            key in base &&
            !['version', 'updatedAt', 'updatedBy'].includes(key) &&
            JSON.stringify(conflict[key]) !== JSON.stringify(base[key]),
        )
      : []
  const updatedBy = conflict?.updatedBy as { name?: unknown } | undefined
  return (
    <div id={id} className="write-dialog-error" role="alert">
      <strong>{heading}</strong>
      <p>{detail}</p>
      {http && explain ? explain(kind, http) : null}
      {conflict ? (
        <div className="write-dialog-conflict">
          <p>
            {typeof updatedBy?.name === 'string' ? updatedBy.name : 'Someone'} changed it
            {typeof conflict.updatedAt === 'string' ? ` at ${conflict.updatedAt}` : ''}
            {typeof conflict.version === 'number' ? ` (now version ${conflict.version})` : ''}.
          </p>
          {changed.length ? (
            <ul aria-label="Changed since you opened this">
              {changed.map((key) => (
                <li key={key}>
                  {key}: {describe(base?.[key])} → {describe(conflict[key])}
                </li>
              ))}
            </ul>
          ) : null}
          {onReapply ? (
            <button type="button" className="button" onClick={onReapply}>
              Reapply my changes to the current version
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
