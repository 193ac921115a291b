import type { ReactNode } from 'react'
import { HttpError, isApiFailure } from '@/lib/api/errors'

/** Loading, empty and error states, worded the same way in every view. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <strong>{title}</strong>
      {children ? <div>{children}</div> : null}
    </div>
  )
}

export function describeError(error: unknown): { title: string; detail: string } {
  if (isApiFailure(error)) {
    switch (error.kind) {
      case 'scope':
        return { title: 'Data of another scope was refused', detail: error.message }
      case 'contract':
        return { title: 'The server sent an answer this UI cannot read', detail: error.message }
      case 'network':
        return { title: 'The server could not be reached', detail: error.message }
      case 'http': {
        const status = (error as HttpError).status
        const title =
          status === 403
            ? 'Not allowed'
            : status === 404
              ? 'Not found'
              : status >= 500
                ? `The server failed (${status})`
                : `The request was refused (${status})`
        return { title, detail: error.message }
      }
    }
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
  }
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown
  onRetry?: () => void
  title?: string
}) {
  const described = describeError(error)
  return (
    <div className="state state-error" role="alert">
      <strong>{title ?? described.title}</strong>
      <p>{described.detail}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  )
}
