import { describe, expect, it } from 'vitest'
import { shareableUrl } from './shareable-url'

const origin = 'https://acme.cameleer.example'

describe('shareableUrl', () => {
  it('keeps the path and the query a view needs', () => {
    expect(shareableUrl('/executions?env=prod&from=now-1h&to=now', origin)).toBe(
      `${origin}/executions?env=prod&from=now-1h&to=now`,
    )
  })

  it('never carries the fragment, where a hand-off token travels', () => {
    const url = shareableUrl('/executions?env=prod#access_token=eyJ.secret.sig&x=1', origin)
    expect(url).toBe(`${origin}/executions?env=prod`)
    expect(url).not.toContain('secret')
  })

  it('drops credential parameters from the query as well', () => {
    const url = shareableUrl(
      '/agents?env=dev&access_token=a.b.c&id_token=d.e.f&refresh_token=r&token_type=Bearer&expires_in=60&q=x',
      origin,
    )
    expect(url).toBe(`${origin}/agents?env=dev&q=x`)
  })

  it('stays on the app origin whatever the input', () => {
    expect(shareableUrl('//evil.example/agents?env=dev', origin)).toBe(`${origin}/agents?env=dev`)
    expect(shareableUrl('https://evil.example/agents', origin)).toBe(`${origin}/agents`)
  })
})
