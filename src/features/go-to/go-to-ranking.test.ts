import { describe, expect, it } from 'vitest'
import { detectPastedId, rankItems, type GoToItem } from './go-to-ranking'

const item = (kind: GoToItem['kind'], label: string, detail: string | null = null): GoToItem => ({
  key: `${kind}:${label}`,
  kind,
  label,
  detail,
  target: { path: `/${label}` },
})

const items = [
  item('page', 'Agents'),
  item('page', 'Executions'),
  item('page', 'Logs'),
  item('application', 'order-service'),
  item('application', 'payment-gateway'),
  item('route', 'order-intake', 'order-service'),
  item('route', 'payment-refund', 'payment-gateway'),
  item('agent', 'order-service-7f9c-1', 'order-service-7f9c.prod.internal'),
  item('environment', 'staging'),
]

const labels = (ranked: GoToItem[]) => ranked.map((ranked) => ranked.label)

describe('rankItems', () => {
  it('puts recently opened items first when nothing is typed', () => {
    expect(labels(rankItems('', items, ['route:payment-refund', 'page:Logs'])).slice(0, 3)).toEqual(
      ['payment-refund', 'Logs', 'Agents'],
    )
  })

  it('ranks fuzzy matches, the best first, and drops what does not match', () => {
    expect(labels(rankItems('exec', items, []))[0]).toBe('Executions')
    expect(labels(rankItems('ordint', items, []))[0]).toBe('order-intake')
    expect(labels(rankItems('pay', items, []))).toEqual(
      expect.arrayContaining(['payment-gateway', 'payment-refund']),
    )
    expect(labels(rankItems('pay', items, []))).not.toContain('Agents')
    expect(rankItems('zzzz', items, [])).toEqual([])
  })

  it('matches the detail (an agent by its host) and lets a recent item win a tie', () => {
    expect(labels(rankItems('prod.internal', items, []))).toEqual(['order-service-7f9c-1'])
    const fresh = rankItems('order', items, [])
    const second = fresh[1]
    expect(second).toBeDefined()
    const recentFirst = rankItems('order', items, [second?.key ?? ''])
    expect(recentFirst[0]).toBe(second)
  })
})

describe('detectPastedId', () => {
  it('recognises Camel exchange ids, UUIDs and other id-like tokens', () => {
    expect(detectPastedId('  ID-order-service-7f9c-1702322900739-0-4662350 ')).toEqual({
      id: 'ID-order-service-7f9c-1702322900739-0-4662350',
      kind: 'exchange',
    })
    expect(detectPastedId('3f2a9c1e-6b7d-4e8f-9a0b-1c2d3e4f5a6b')?.kind).toBe('correlation')
    expect(detectPastedId('0htfs5-02e-ill3')).toEqual({ id: '0htfs5-02e-ill3', kind: 'execution' })
  })

  it('leaves names and sentences to the fuzzy match', () => {
    expect(detectPastedId('order-service')).toBeNull()
    expect(detectPastedId('Logs')).toBeNull()
    expect(detectPastedId('order 12345678')).toBeNull()
    expect(detectPastedId('<script>1234567</script>')).toBeNull()
  })
})
