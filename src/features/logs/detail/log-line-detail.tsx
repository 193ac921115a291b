import { useInfiniteQuery } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { CopyButton } from '@/components/copy-button'
import { LongTextView } from '@/components/long-text-view'
import { ErrorState, LoadingState } from '@/components/query-states'
import { ScopedLink } from '@/environment/scoped-link'
import type { LogEntry } from '@/lib/api/types'
import { formatBytes, pluralize } from '@/lib/format'
import type { TimeZonePreference } from '@/lib/preferences-store'
import type { Scope } from '@/lib/query/query-scope'
import { formatInstant } from '@/lib/time-format'
import { logQueries } from '../log-queries'
import { rowPreview } from '../search/row-preview'
import { COLLAPSE_CHARS, formatMessage, STACK_COLLAPSE_LINES } from './message-format'

/**
 * One line, whole: the message (pretty-printed when it is JSON or XML and cheap to format,
 * else as captured; long ones open collapsed and are never cut), where it came from, its stack
 * trace, links to its execution, a shareable link, and the lines around it from its agent.
 */
export function LogLineDetail({
  scope,
  line,
  timeZone,
  shareUrl,
  onClose,
  onShowExecutionLines,
}: {
  scope: Scope
  line: LogEntry
  timeZone: TimeZonePreference
  shareUrl: string
  onClose: () => void
  onShowExecutionLines: (executionId: string) => void
}) {
  const headingId = useId()
  const [showContext, setShowContext] = useState(false)
  return (
    <section className="logs-detail" aria-labelledby={headingId}>
      <header className="logs-detail-head">
        <h2 id={headingId}>
          {line.level} line at{' '}
          <time dateTime={line.timestamp}>
            {formatInstant(line.timestamp, timeZone, { withMillis: true })}
          </time>
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close line
        </button>
      </header>
      <dl className="props logs-props">
        <dt>Logger</dt>
        <dd className="logs-break">{line.logger}</dd>
        <dt>Thread</dt>
        <dd className="logs-break">{line.thread}</dd>
        <dt>Agent</dt>
        <dd>
          <ScopedLink to={`/agents/${encodeURIComponent(line.agentId)}`}>{line.agentId}</ScopedLink>
        </dd>
        <dt>Application</dt>
        <dd>{line.applicationId}</dd>
        {line.exchangeId ? (
          <>
            <dt>Exchange</dt>
            <dd className="logs-break">{line.exchangeId}</dd>
          </>
        ) : null}
      </dl>
      <div className="logs-detail-actions">
        {line.executionId ? (
          <>
            <ScopedLink
              className="button"
              to={`/executions/${encodeURIComponent(line.executionId)}`}
            >
              Open the execution
            </ScopedLink>
            <button
              type="button"
              className="button"
              onClick={() => onShowExecutionLines(line.executionId ?? '')}
            >
              All lines of this execution
            </button>
          </>
        ) : null}
        <CopyButton text={shareUrl} label="Copy link to this line">
          Copy link to this line
        </CopyButton>
        <button
          type="button"
          className="button"
          aria-expanded={showContext}
          onClick={() => setShowContext((value) => !value)}
        >
          Show lines around this one
        </button>
      </div>
      <MessageText message={line.message} />
      {line.stackTrace ? <StackTraceText stackTrace={line.stackTrace} /> : null}
      {showContext ? <LineContext scope={scope} line={line} timeZone={timeZone} /> : null}
    </section>
  )
}

function MessageText({ message }: { message: string }) {
  const [expanded, setExpanded] = useState(false)
  const formatted = useMemo(() => formatMessage(message), [message])
  const long = formatted.text.length > COLLAPSE_CHARS
  const shown = long && !expanded ? formatted.text.slice(0, COLLAPSE_CHARS) : formatted.text
  return (
    <div className="logs-message-block">
      <div className="logs-message-head">
        <h3>Message</h3>
        <span className="logs-muted">
          {formatBytes(message.length)}
          {formatted.kind !== 'text' ? ` · ${formatted.kind.toUpperCase()}, formatted` : ''}
          {formatted.tooLongToFormat ? ' · too long to format, shown as captured' : ''}
        </span>
        <CopyButton text={message} label="Copy message" />
      </div>
      <LongTextView text={shown} className="logs-pre" label="Message" />
      {long ? (
        <button type="button" className="button" onClick={() => setExpanded((value) => !value)}>
          {expanded
            ? 'Show less'
            : `Show all of the message (${formatBytes(formatted.text.length - COLLAPSE_CHARS)} more)`}
        </button>
      ) : null}
    </div>
  )
}

function StackTraceText({ stackTrace }: { stackTrace: string }) {
  const lines = useMemo(() => stackTrace.split('\n').length, [stackTrace])
  const [open, setOpen] = useState(lines <= STACK_COLLAPSE_LINES)
  const preId = useId()
  return (
    <div className="logs-message-block">
      <div className="logs-message-head">
        <button
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls={preId}
          onClick={() => setOpen((value) => !value)}
        >
          Stack trace ({pluralize(lines, 'line')})
        </button>
        <CopyButton text={stackTrace} label="Copy stack trace" />
      </div>
      <pre id={preId} className="logs-pre" hidden={!open} tabIndex={0}>
        {open ? stackTrace : null}
      </pre>
    </div>
  )
}

/** The agent's lines just before and after, whatever the view's filters. */
function LineContext({
  scope,
  line,
  timeZone,
}: {
  scope: Scope
  line: LogEntry
  timeZone: TimeZonePreference
}) {
  const before = useInfiniteQuery(logQueries.before(scope, line))
  const after = useInfiniteQuery(logQueries.afterLine(scope, line))
  const older = useMemo(() => {
    const items = before.data?.pages.flatMap((page) => page.items) ?? []
    // Ids are opaque: the server's order says what is older. Lines at the same instant above
    // this one come back from the "after" side.
    const at = items.findIndex((item) => item.id === line.id)
    const below =
      at >= 0 ? items.slice(at + 1) : items.filter((item) => item.timestamp < line.timestamp)
    return below.reverse()
  }, [before.data, line.id, line.timestamp])
  const newer = useMemo(() => after.data?.pages.flatMap((page) => page.items) ?? [], [after.data])
  if (before.isPending || after.isPending) return <LoadingState label="Loading the lines around…" />
  if (before.isError || after.isError) {
    return (
      <ErrorState
        error={before.error ?? after.error}
        title="Could not load the lines around this one"
        onRetry={() => {
          void before.refetch()
          void after.refetch()
        }}
      />
    )
  }
  const row = (item: LogEntry, marked = false) => (
    <li
      key={item.id}
      className={marked ? 'logs-context-marked' : undefined}
      aria-current={marked ? 'true' : undefined}
    >
      <time dateTime={item.timestamp}>
        {formatInstant(item.timestamp, timeZone, { withDate: false, withMillis: true })}
      </time>{' '}
      <span className="logs-level">{item.level}</span> {rowPreview(item.message, 400)}
      {marked ? <strong> (this line)</strong> : null}
    </li>
  )
  return (
    <section className="logs-context" aria-label="Lines around this one">
      <h3>Lines around this one from {line.agentId} (oldest first)</h3>
      {before.hasNextPage ? (
        <button
          type="button"
          className="button"
          onClick={() => void before.fetchNextPage()}
          disabled={before.isFetchingNextPage}
        >
          Show earlier lines
        </button>
      ) : null}
      <ol className="logs-context-list">
        {older.map((item) => row(item))}
        {row(line, true)}
        {newer.map((item) => row(item))}
      </ol>
      {after.hasNextPage ? (
        <button
          type="button"
          className="button"
          onClick={() => void after.fetchNextPage()}
          disabled={after.isFetchingNextPage}
        >
          Show later lines
        </button>
      ) : null}
    </section>
  )
}
