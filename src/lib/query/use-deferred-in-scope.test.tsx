import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Scope } from './query-scope'
import { useDeferredInScope } from './use-deferred-in-scope'

const PROD: Scope = { tenant: 'acme', env: 'prod' }
const DEV: Scope = { tenant: 'acme', env: 'dev' }
const OTHER_TENANT: Scope = { tenant: 'globex', env: 'prod' }

interface Step {
  data: string | undefined
  scope: Scope
}

/** Every value the hook returned, render by render, with the scope it was rendered in. */
function renders(steps: Step[]): Array<{ scope: Scope; value: string | undefined }> {
  const seen: Array<{ scope: Scope; value: string | undefined }> = []
  function Probe({ data, scope }: Step) {
    seen.push({ scope, value: useDeferredInScope(data, scope) })
    return null
  }
  const [first, ...rest] = steps
  const { rerender } = render(<Probe {...(first as Step)} />)
  for (const step of rest) rerender(<Probe {...step} />)
  return seen
}

describe('useDeferredInScope', () => {
  it('comes to the latest answer of the scope', () => {
    const seen = renders([
      { data: undefined, scope: PROD },
      { data: 'prod answer 1', scope: PROD },
      { data: 'prod answer 2', scope: PROD },
    ])
    expect(seen.at(-1)?.value).toBe('prod answer 2')
  })

  it('never returns an answer of another environment or tenant, even for one render', () => {
    const seen = renders([
      { data: 'prod answer', scope: PROD },
      { data: undefined, scope: DEV },
      { data: 'dev answer', scope: DEV },
      { data: undefined, scope: OTHER_TENANT },
    ])
    const inDev = seen.filter(({ scope }) => scope === DEV).map(({ value }) => value)
    const inOtherTenant = seen.filter(({ scope }) => scope === OTHER_TENANT)
    expect(inDev).not.toContain('prod answer')
    expect(inDev.at(-1)).toBe('dev answer')
    expect(inOtherTenant.length).toBeGreaterThan(0)
    expect(inOtherTenant.every(({ value }) => value === undefined)).toBe(true)
  })

  it('shows nothing while there is no answer, not the lagging one', () => {
    const seen = renders([
      { data: 'last hour', scope: PROD },
      { data: undefined, scope: PROD },
    ])
    expect(seen[0]?.value).toBe('last hour')
    expect(seen.slice(1).map(({ value }) => value)).toEqual(seen.slice(1).map(() => undefined))
  })
})
