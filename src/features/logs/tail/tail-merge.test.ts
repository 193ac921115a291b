import { describe, expect, it } from 'vitest'
import type { LogEntry } from '@/lib/api/types'
import { emptyTail, mergeTail, pollWasFull } from './tail-merge'

const line = (n: number): LogEntry => ({
  id: `id-${String(n).padStart(6, '0')}`,
  tenantId: 'acme',
  environment: 'prod',
  timestamp: new Date(Date.UTC(2026, 10, 28, 7, 0, 0, n)).toISOString(),
  level: 'INFO',
  logger: 'x',
  thread: 't',
  message: `line ${n}`,
  agentId: 'a',
  applicationId: 'app',
  executionId: null,
  exchangeId: null,
  stackTrace: null,
})
const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => line(from + i))

describe('mergeTail', () => {
  it('puts new lines on top, newest first, and remembers the newest id to poll after', () => {
    const state = mergeTail(emptyTail('seed'), [range(1, 4)])
    expect(state.lines.map((l) => l.message)).toEqual(['line 3', 'line 2', 'line 1'])
    expect(state.newestId).toBe('id-000003')
    const next = mergeTail(state, [range(4, 6)])
    expect(next.lines.map((l) => l.message)).toEqual([
      'line 5',
      'line 4',
      'line 3',
      'line 2',
      'line 1',
    ])
    expect(next.received).toBe(5)
  })

  it('drops duplicates of a retried poll', () => {
    const state = mergeTail(emptyTail(null), [range(1, 4)])
    const again = mergeTail(state, [range(2, 6)])
    expect(again.lines.map((l) => l.id)).toEqual(
      range(1, 6)
        .reverse()
        .map((l) => l.id),
    )
    expect(mergeTail(again, [range(3, 6)])).toBe(again)
  })

  it('has no gap across full pages polled in one tick', () => {
    const pages = [range(0, 500), range(500, 1000), range(1000, 1200)]
    expect(pollWasFull(pages[0] ?? [], 500)).toBe(true)
    expect(pollWasFull(pages[2] ?? [], 500)).toBe(false)
    const state = mergeTail(emptyTail(null), pages)
    expect(state.lines.length).toBe(1200)
    state.lines.forEach((l, i) => expect(l.message).toBe(`line ${1199 - i}`))
  })

  it('keeps a bounded window of the newest lines and counts what it dropped', () => {
    let state = emptyTail(null)
    for (let tick = 0; tick < 30; tick++)
      state = mergeTail(state, [range(tick * 500, tick * 500 + 500)], 10_000)
    expect(state.lines.length).toBe(10_000)
    expect(state.dropped).toBe(5_000)
    expect(state.received).toBe(15_000)
    expect(state.lines[0]?.message).toBe('line 14999')
    expect(state.lines.at(-1)?.message).toBe('line 5000')
    // One poll bigger than the window keeps its newest lines.
    const big = mergeTail(emptyTail(null), [range(0, 30)], 10)
    expect(big.lines.map((l) => l.message)).toEqual(
      range(20, 30)
        .reverse()
        .map((l) => l.message),
    )
    expect(big.dropped).toBe(20)
  })
})
