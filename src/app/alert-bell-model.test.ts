import { describe, expect, it } from 'vitest'
import type { Schemas } from '@/lib/api/types'
import { bellModel, type BellEnvironment } from './alert-bell-model'

const envs: BellEnvironment[] = [
  { id: 'dev', name: 'Development', production: false },
  { id: 'live', name: 'Live', production: true },
  { id: 'staging', name: 'Staging', production: false },
]
const summary = (
  environment: string,
  firing: number,
  unacknowledged: number,
): Schemas['AlertSummary'] => ({
  tenantId: 'acme',
  environment,
  firing,
  unacknowledged,
  bySeverity: { CRITICAL: firing, WARNING: 0, INFO: 0 },
})

describe('bellModel', () => {
  it('names what is firing, production first, and splits the badge', () => {
    const model = bellModel(
      envs,
      new Map([
        ['dev', summary('dev', 0, 0)],
        ['live', summary('live', 2, 1)],
        ['staging', summary('staging', 1, 1)],
      ]),
    )
    expect(model.label).toBe('Alerts: 2 firing in Live, 1 in Staging')
    expect(model.productionUnacknowledged).toBe(1)
    expect(model.otherUnacknowledged).toBe(1)
  })

  it('says none firing only when every environment answered', () => {
    const quiet = new Map(envs.map((env) => [env.id, summary(env.id, 0, 0)]))
    expect(bellModel(envs, quiet).label).toBe('Alerts: none firing')
    quiet.delete('staging')
    expect(bellModel(envs, quiet).label).toBe('Alerts: no answer yet from Staging')
  })

  it('never counts one environment’s summary for another', () => {
    const model = bellModel(
      envs,
      new Map([
        ['dev', summary('dev', 0, 0)],
        ['live', summary('staging', 5, 5)],
        ['staging', summary('staging', 1, 0)],
      ]),
    )
    expect(model.label).toBe('Alerts: 1 firing in Staging; no answer yet from Live')
    expect(model.productionUnacknowledged).toBe(0)
    expect(model.otherUnacknowledged).toBe(0)
  })
})
