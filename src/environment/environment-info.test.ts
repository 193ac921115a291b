import { describe, expect, it } from 'vitest'
import {
  environmentLabel,
  environmentLabelMarkingProduction,
  environmentName,
  isProduction,
  productionFirst,
} from './environment-info'

const env = (id: string, displayName: string, production: boolean) => ({
  id,
  displayName,
  production,
})

describe('environment facts', () => {
  it('takes production from the flag alone: `live` is production, `prod-mirror` is not', () => {
    expect(isProduction(env('live', 'Live', true))).toBe(true)
    expect(isProduction(env('prod-mirror', 'Prod mirror', false))).toBe(false)
    expect(isProduction(env('prod', 'prod', false))).toBe(false)
    expect(isProduction(undefined)).toBe(false)
  })

  it('names an environment by its display name, with the id where it matters', () => {
    expect(environmentName(env('prod', 'Production', true), 'prod')).toBe('Production')
    expect(environmentLabel(env('prod', 'Production', true), 'prod')).toBe('Production (prod)')
    expect(environmentLabel(env('default', 'default', false), 'default')).toBe('default')
    // Not described (yet): the id.
    expect(environmentLabel(undefined, 'qa')).toBe('qa')
    expect(environmentLabelMarkingProduction(env('eu-live', 'EU live', true), 'eu-live')).toBe(
      'EU live (eu-live, production)',
    )
    expect(environmentLabelMarkingProduction(env('live', 'live', true), 'live')).toBe(
      'live (production)',
    )
    expect(environmentLabelMarkingProduction(env('dev', 'Development', false), 'dev')).toBe(
      'Development (dev)',
    )
  })

  it('lists production first, keeping the server’s order within each group', () => {
    const items = [
      env('dev', 'Development', false),
      env('eu-live', 'EU live', true),
      env('prod', 'Production', true),
      env('prod-mirror', 'Mirror', false),
    ]
    expect(productionFirst(items).map((item) => item.id)).toEqual([
      'eu-live',
      'prod',
      'dev',
      'prod-mirror',
    ])
  })
})
