import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react'
import { environmentName, isProduction } from '@/environment/environment-info'
import { useEnvironmentInfo } from '@/environment/use-environment-info'
import { useScope } from '@/environment/use-scope'
import { WriteDialog } from '@/environment/write-dialog'
import type { ExecutionDetail } from '@/lib/api/types'
import type { Scope } from '@/lib/query/query-scope'
import { agentResources } from '@/lib/resources/agents'
import { sendCommand, type Command } from '@/lib/resources/commands'
import { executionDetailResources } from '@/lib/resources/execution-detail'
import type { BodyCheck } from './body-check'
import { bodyFormatFor, type BodyFormat } from './body-format'
import type { BodyEditorState } from './input-body-editor'
import { headersFromRows, rowsFromHeaders, type HeaderRow } from './replay-headers'
import { ReplayHeadersTable } from './replay-headers-table'
import './replay.css'

const loadEditor = () => import('./input-body-editor')
const InputBodyEditor = lazy(loadEditor)

/**
 * "Replay execution <id>": as captured, or with an edited input body and headers, on a LIVE
 * agent of the application (the one that ran it by default), through the one safe path.
 * Closed, it hands its caller the command it sent (null: nothing was sent), to follow it to
 * the new execution.
 */
export default function ReplayDialog({
  execution,
  onClose,
}: {
  execution: ExecutionDetail
  onClose: (sent: Command | null) => void
}) {
  const scope = useScope()
  const info = useEnvironmentInfo(scope.env)
  const where = environmentName(info, scope.env)
  const modeName = useId()

  // The editor's chunk starts loading as the dialog opens, so "With changes" shows it at once.
  useEffect(() => {
    void loadEditor()
  }, [])

  const { agents, liveAgents, agentId, setChosenAgent } = useReplayAgent(scope, execution)

  const [mode, setMode] = useState<'captured' | 'changes'>('captured')
  const sent = useRef<Command | null>(null)

  const { captured, snapshot } = useCapturedMessage(scope, execution, mode === 'changes')

  const [rows, setRows] = useState<HeaderRow[] | null>(null)
  const headerRows = rows ?? (captured ? rowsFromHeaders(captured.headers) : [])
  const headers = headersFromRows(headerRows)
  const [body, setBody] = useState<BodyEditorState | null>(null)
  const [lastCheck, setLastCheck] = useState<BodyCheck | null>(null)
  // Edits survive switching to "As captured" and back (the editor is then created anew).
  const [lastText, setLastText] = useState<string | null>(null)
  const format = bodyFormatFor(
    headers.ok ? headers.headers : {},
    captured?.body ?? null,
    // The last text checked, not the state of the check: reading the text only while it is
    // 'checked' flipped the format back each time a re-check began.
    lastText ?? captured?.body ?? '',
  )
  const onBodyChange = (state: BodyEditorState) => {
    setBody(state)
    if (state.status !== 'checked') return
    setLastCheck(state.check)
    setLastText(state.text)
  }

  const bodyReady = body?.status === 'checked' && body.check.ok
  const ready =
    agentId !== null && (mode === 'captured' || (captured !== null && bodyReady && headers.ok))

  const confirmLabel = agentId
    ? `Replay execution ${execution.executionId} on agent ${agentId} in ${where}`
    : `Replay execution ${execution.executionId} in ${where}`

  return (
    <WriteDialog
      title={`Replay execution ${execution.executionId}`}
      confirmLabel={confirmLabel}
      typedConfirmation={isProduction(info) ? scope.env : null}
      ready={ready}
      description={
        <p>
          Sends the exchange of route <code>{execution.routeId}</code> ({execution.applicationId})
          again, as a new execution. Whatever the route does (calls, messages, writes) happens
          again.
        </p>
      }
      explain={(kind, error) =>
        kind === 'no-live-agent' ? (
          <p>No agent of {execution.applicationId} is live now: try again when one is.</p>
        ) : error.status === 404 ? (
          <p>
            The execution or the agent is no longer known in {where}: reload the page to see what is
            there now.
          </p>
        ) : null
      }
      onClose={(reason) => onClose(reason === 'sent' ? sent.current : null)}
      send={async ({ signal, idempotencyKey }) => {
        const command = await sendCommand({
          scope,
          idempotencyKey,
          signal,
          input: {
            type: 'replay',
            executionId: execution.executionId,
            agentId,
            inputBody: mode === 'changes' && body?.status === 'checked' ? body.text : null,
            headers: mode === 'changes' && headers.ok ? headers.headers : null,
          },
        })
        sent.current = command
        return {
          message: `Replay of execution ${execution.executionId} sent to agent ${agentId ?? ''} in ${where}.`,
          scope,
        }
      }}
    >
      <fieldset className="replay-mode">
        <legend>What to send</legend>
        <label>
          <input
            type="radio"
            name={modeName}
            checked={mode === 'captured'}
            onChange={() => setMode('captured')}
          />{' '}
          As captured
        </label>
        <label>
          <input
            type="radio"
            name={modeName}
            checked={mode === 'changes'}
            onChange={() => setMode('changes')}
          />{' '}
          With changes
        </label>
      </fieldset>

      {mode === 'changes' ? (
        captured === null ? (
          snapshot.isError ? (
            <p role="alert">The captured input body could not be read: {snapshot.error.message}</p>
          ) : (
            <p role="status">Loading the captured message…</p>
          )
        ) : (
          <ReplayChanges
            initialText={lastText ?? captured.body ?? ''}
            format={format}
            onBodyChange={onBodyChange}
            lastCheck={lastCheck}
            rows={headerRows}
            onRowsChange={setRows}
            problems={headers.ok ? [] : headers.problems}
          />
        )
      ) : null}

      <AgentPicker
        loading={agents.isPending}
        liveAgents={liveAgents}
        agentId={agentId}
        ranIt={execution.agentId}
        onChange={setChosenAgent}
        none={`No agent of ${execution.applicationId} is live in ${where}: nothing can replay it now.`}
      />
    </WriteDialog>
  )
}

/** "With changes": the input body in the editor, what its check says, and the headers. */
function ReplayChanges({
  initialText,
  format,
  onBodyChange,
  lastCheck,
  rows,
  onRowsChange,
  problems,
}: {
  initialText: string
  format: BodyFormat
  onBodyChange: (state: BodyEditorState) => void
  lastCheck: BodyCheck | null
  rows: HeaderRow[]
  onRowsChange: (rows: HeaderRow[]) => void
  problems: string[]
}) {
  return (
    <>
      <div className="replay-body">
        <span className="replay-body-label">Input body</span>
        <Suspense fallback={<p role="status">Loading the editor…</p>}>
          <InputBodyEditor initialText={initialText} format={format} onChange={onBodyChange} />
        </Suspense>
        <p className="replay-body-note" aria-live="polite" data-invalid={lastCheck?.ok === false}>
          {lastCheck === null
            ? null
            : !lastCheck.ok
              ? lastCheck.message
              : lastCheck.empty
                ? 'The input body is empty: the exchange is sent without one.'
                : lastCheck.format === 'text'
                  ? 'Sent as typed (not JSON or XML, so not checked).'
                  : `Valid ${lastCheck.format === 'json' ? 'JSON' : 'XML'}.`}
        </p>
      </div>
      <ReplayHeadersTable rows={rows} onChange={onRowsChange} />
      {problems.length ? (
        <ul className="replay-problems" aria-label="Header problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

/**
 * The LIVE agents of the execution's application, and the one chosen (by default the one that
 * ran it, while it is LIVE).
 */
function useReplayAgent(scope: Scope, execution: ExecutionDetail) {
  const agents = useQuery(agentResources.list(scope))
  const liveAgents = useMemo(
    () =>
      (agents.data?.items ?? [])
        .filter(
          (agent) => agent.applicationId === execution.applicationId && agent.status === 'LIVE',
        )
        .map((agent) => agent.agentId)
        .sort(),
    [agents.data, execution.applicationId],
  )
  const [chosenAgent, setChosenAgent] = useState<string | null>(null)
  const agentId =
    chosenAgent !== null && liveAgents.includes(chosenAgent)
      ? chosenAgent
      : liveAgents.includes(execution.agentId)
        ? execution.agentId
        : (liveAgents[0] ?? null)

  return { agents, liveAgents, agentId, setChosenAgent }
}

/**
 * The message as captured: the execution's input body and headers, else (when the execution
 * has no body but its first processor has a snapshot) the message as it entered that processor.
 */
function useCapturedMessage(scope: Scope, execution: ExecutionDetail, wanted: boolean) {
  const first = execution.processors[0]
  const fromSnapshot = execution.inputBody === null && !!first?.snapshot
  const snapshot = useQuery({
    ...executionDetailResources.snapshot(
      scope,
      execution.executionId,
      first?.processorId ?? '',
      first?.iterations ? 0 : null,
    ),
    enabled: wanted && fromSnapshot,
  })
  const captured = fromSnapshot
    ? snapshot.data
      ? { body: snapshot.data.inputBody, headers: snapshot.data.inputHeaders }
      : null
    : { body: execution.inputBody, headers: execution.headers }

  return { captured, snapshot }
}

/** "Agent": only LIVE agents of the application are offered. */
function AgentPicker({
  loading,
  liveAgents,
  agentId,
  ranIt,
  onChange,
  none,
}: {
  loading: boolean
  liveAgents: readonly string[]
  agentId: string | null
  /** The agent that ran the execution, marked in the list. */
  ranIt: string
  onChange: (agentId: string) => void
  /** What to say when no agent is live. */
  none: string
}) {
  const id = useId()
  return (
    <div className="replay-agent">
      {loading ? (
        <p role="status">Loading the live agents…</p>
      ) : liveAgents.length === 0 ? (
        <p role="alert">{none}</p>
      ) : (
        <>
          <label htmlFor={id}>Agent</label>
          <select id={id} value={agentId ?? ''} onChange={(event) => onChange(event.target.value)}>
            {liveAgents.map((agent) => (
              <option key={agent} value={agent}>
                {agent}
                {agent === ranIt ? ' (ran it)' : ''}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  )
}
