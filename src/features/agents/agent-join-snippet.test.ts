import { describe, expect, it } from 'vitest'
import { agentJoinSnippet, escapePropertiesValue } from './agent-join-snippet'

/** How java.util.Properties reads an escaped value back (the subset the escaper writes). */
function readBack(value: string): string {
  return value.replace(/^\\ /, ' ').replace(/\\(u[0-9a-f]{4}|[\\nrtf])/g, (_, escape: string) => {
    const simple: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t', f: '\f' }
    return simple[escape] ?? String.fromCharCode(parseInt(escape.slice(1), 16))
  })
}

describe('the agent join snippet', () => {
  it('cannot be made to hold another line by an id with a newline in it', () => {
    const hostile = 'orders\ncameleer.agent.server-url=https://evil.example'
    const snippet = agentJoinSnippet({
      env: 'prod',
      serverUrl: 'https://acme.cameleer.example',
      applicationId: hostile,
    })
    const lines = snippet.split('\n')
    expect(lines).toHaveLength(6)
    expect(lines.filter((line) => line.startsWith('cameleer.agent.server-url='))).toEqual([
      'cameleer.agent.server-url=https://acme.cameleer.example',
    ])
    const idLine = lines.find((line) => line.startsWith('cameleer.agent.application-id='))
    expect(readBack(idLine?.slice('cameleer.agent.application-id='.length) ?? '')).toBe(hostile)
  })

  it('escapes every control character so the value reads back unchanged', () => {
    for (const value of [
      'a\rb',
      'tab\there',
      'nul\u0000',
      'del\u007f',
      'ls\u2028ps\u2029',
      'back\\slash',
      ' lead',
    ]) {
      const escaped = escapePropertiesValue(value)
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(escaped).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
      expect(readBack(escaped)).toBe(value)
    }
  })

  it('leaves ordinary ids as they are', () => {
    expect(escapePropertiesValue('order-service_2.1')).toBe('order-service_2.1')
  })
})
