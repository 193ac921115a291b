import { useId } from 'react'
import { CopyButton } from '@/components/copy-button'

/**
 * A value as `java.util.Properties` reads it back unchanged (the escaping `Properties.store`
 * writes): ids come from agents and servers, and a newline or other control character in one
 * must not add a line to the configuration the user copies (a line such as
 * `cameleer.agent.server-url=…` would send the agent to another server).
 */
export function escapePropertiesValue(value: string): string {
  let out = ''
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    if (char === '\\') out += '\\\\'
    else if (char === '\n') out += '\\n'
    else if (char === '\r') out += '\\r'
    else if (char === '\t') out += '\\t'
    else if (char === '\f') out += '\\f'
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`
    } else out += char
  }
  // A leading space would be dropped when read back.
  return out.startsWith(' ') ? `\\${out}` : out
}

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
    `cameleer.agent.server-url=${escapePropertiesValue(serverUrl)}`,
    `cameleer.agent.environment=${escapePropertiesValue(env)}`,
    `cameleer.agent.application-id=${applicationId === null ? '<your-application-id>' : escapePropertiesValue(applicationId)}`,
    '# The agent token comes from your tenant settings; keep it out of source control',
    'cameleer.agent.token=${CAMELEER_AGENT_TOKEN}',
  ].join('\n')
}

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
  const snippet = agentJoinSnippet({ env, serverUrl: window.location.origin, applicationId })
  const Heading = headingLevel === 2 ? 'h2' : 'h3'

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
          <CopyButton text={snippet} className="button">
            Copy configuration
          </CopyButton>
        </div>
      </div>
      <p className="muted">
        The agent token is not shown here: create or look it up in your tenant&apos;s settings
        (agent tokens) and pass it as the <code>CAMELEER_AGENT_TOKEN</code> environment variable.
      </p>
    </section>
  )
}
