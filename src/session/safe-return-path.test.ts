import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './safe-return-path'

describe('safeReturnPath', () => {
  it.each([
    ['an absolute URL', 'https://evil.example'],
    ['an absolute URL with a path', 'https://evil.example/agents'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash host', '/\\evil'],
    ['a double backslash', '\\\\evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', 'agents'],
    ['the sign-in page itself', '/login'],
    ['a sign-in page that chains another next', '/login?next=https%3A%2F%2Fevil.example'],
    ['5 kB of path', `/${'a'.repeat(5000)}`],
    ['a tab that turns into a protocol-relative URL', '/\t/evil.example'],
    ['an empty string', ''],
    ['null', null],
    ['undefined', undefined],
  ])('falls back for %s', (_label, value) => {
    expect(safeReturnPath(value)).toBe('/overview')
  })

  it.each([
    ['a dot segment', '/.//evil.example'],
    ['an encoded dot segment', '/%2e//evil.example'],
    ['a parent segment', '/agents/..//evil.example'],
  ])('never returns a protocol-relative URL built from %s', (_label, value) => {
    // The URL parser removes dot segments, so the normalised path can start with `//`, which
    // a browser and the router read as another host.
    const result = safeReturnPath(value)
    expect(result.startsWith('/')).toBe(true)
    expect(result.startsWith('//')).toBe(false)
    expect(new URL(result, 'https://app.example').origin).toBe('https://app.example')
  })

  it('never returns to the sign-in page through a dot segment', () => {
    expect(safeReturnPath('/./login?next=%2Fagents')).not.toMatch(/^\/login/)
  })

  it('uses the fallback it is given', () => {
    expect(safeReturnPath('//evil.example', '/executions')).toBe('/executions')
  })

  it.each([
    '/agents?env=prod&status=DEAD',
    '/agents/order-service-1?env=staging',
    '/executions?env=prod&from=2026-11-28T06%3A00%3A00.000Z&q=ORD-1001',
    '/agents',
  ])('keeps the same-origin app path %s as it is', (path) => {
    expect(safeReturnPath(path)).toBe(path)
  })
})
