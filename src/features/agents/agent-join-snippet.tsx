import { Check, Copy } from 'lucide-react'
import { useEffect, useId, useState } from 'react'

/**
 * "How an agent joins <env>": the `application.properties` lines that register a Camel
 * application's agent with this server and environment. The agent token is a secret of the
 * tenant's settings: it is referenced as an environment variable and never printed here.
 */
export function agentJoinSnippet({
  env,
  serverUrl,
  applicationId,
}: {
  env: string
  serverUrl: string
  applicationId: string | null
}): string {
  return [
    '# Cameleer3 agent: register this application with the server',
    `cameleer.agent.server-url=${serverUrl}`,
    `cameleer.agent.environment=${env}`,
    `cameleer.agent.application-id=${applicationId ?? '<your-application-id>'}`,
    '# The agent token comes from your tenant settings; keep it out of source control',
    'cameleer.agent.token=${CAMELEER_AGENT_TOKEN}',
  ].join('\n')
}

type CopyState = 'idle' | 'copied' | 'failed'

export function AgentJoinSnippet({
  env,
  applicationId = null,
  headingLevel = 2,
}: {
  env: string
  applicationId?: string | null
  headingLevel?: 2 | 3
}) {
  const headingId = useId()
  const [copyState, setCopyState] = useState<CopyState>('idle')
  const snippet = agentJoinSnippet({ env, serverUrl: window.location.origin, applicationId })
  const Heading = headingLevel === 2 ? 'h2' : 'h3'

  useEffect(() => {
    if (copyState === 'idle') return
    const timer = setTimeout(() => setCopyState('idle'), 4000)
    return () => clearTimeout(timer)
  }, [copyState])

  const copy = async () => {
    try {
      // Absent outside secure contexts (plain http on a LAN address): say so instead of failing silently.
      if (!navigator.clipboard) throw new Error('Clipboard unavailable')
      await navigator.clipboard.writeText(snippet)
      setCopyState('copied')
    } catch {
      setCopyState('failed')
    }
  }

  return (
    <section className="agent-join" aria-labelledby={headingId}>
      <Heading id={headingId}>How an agent joins {env}</Heading>
      <p>
        Add these lines to the Camel application&apos;s <code>application.properties</code> and
        start it: its agent registers with this server in environment <strong>{env}</strong> and
        appears in the list within a few seconds.
      </p>
      <div className="agent-join-code">
        <pre tabIndex={0} aria-label={`Agent configuration for ${env}`}>
          <code>{snippet}</code>
        </pre>
        <div className="agent-join-actions">
          <button type="button" className="button" onClick={() => void copy()}>
            {copyState === 'copied' ? (
              <Check aria-hidden="true" size={14} />
            ) : (
              <Copy aria-hidden="true" size={14} />
            )}
            Copy configuration
          </button>
          <span role="status" className={copyState === 'failed' ? 'agent-join-failed' : undefined}>
            {copyState === 'copied'
              ? 'Copied'
              : copyState === 'failed'
                ? 'Could not copy: select the text and copy it by hand'
                : ''}
          </span>
        </div>
      </div>
      <p className="muted">
        The agent token is not shown here: create or look it up in your tenant&apos;s settings
        (agent tokens) and pass it as the <code>CAMELEER_AGENT_TOKEN</code> environment variable.
      </p>
    </section>
  )
}
