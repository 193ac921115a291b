import { describe, expect, it } from 'vitest'
import { compareBodies, DIFF_LIMIT_CHARS } from './body-diff'

describe('compareBodies', () => {
  it('diffs JSON pretty-printed, marking added and removed lines in words (+/-)', async () => {
    const result = await compareBodies(
      '{"orderId":"ORD-1","total":10,"lines":[1,2]}',
      '{"orderId":"ORD-1","total":12,"lines":[1,2],"validated":true}',
    )
    expect(result).toMatchObject({ kind: 'diff', format: 'json' })
    if (result.kind !== 'diff') return
    expect([result.added, result.removed]).toEqual([3, 2])
    expect(result.text.split('\n')).toContain('-   "total": 10,')
    expect(result.text.split('\n')).toContain('+   "total": 12,')
    expect(result.text.split('\n')).toContain('+   "validated": true')
  })

  it('says when only the formatting changed, or nothing', async () => {
    expect(await compareBodies('{"a":1}', '{\n  "a": 1\n}')).toEqual({
      kind: 'identical',
      formattingOnly: true,
    })
    expect(await compareBodies('x', 'x')).toEqual({ kind: 'identical', formattingOnly: false })
    expect(await compareBodies(null, null)).toEqual({ kind: 'no-bodies' })
  })

  it('folds long unchanged runs and keeps context around a change', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`)
    const changed = [...lines]
    changed[25] = 'line twenty-five'
    const result = await compareBodies(lines.join('\n'), changed.join('\n'))
    if (result.kind !== 'diff') throw new Error(result.kind)
    expect(result.text.split('\n')).toEqual([
      '  … 22 unchanged lines',
      '  line 22',
      '  line 23',
      '  line 24',
      '- line 25',
      '+ line twenty-five',
      '  line 26',
      '  line 27',
      '  line 28',
      '  … 21 unchanged lines',
    ])
  })

  it('refuses bodies past the limit at once, without diffing', async () => {
    const big = 'x'.repeat(DIFF_LIMIT_CHARS + 1)
    const started = performance.now()
    expect(await compareBodies(big, `${big}y`)).toEqual({
      kind: 'too-large',
      chars: DIFF_LIMIT_CHARS + 2,
    })
    expect(performance.now() - started).toBeLessThan(50)
  })

  it('gives up on texts too different to compare within its bounds', async () => {
    const a = Array.from({ length: 6_000 }, (_, i) => `a${i}`).join('\n')
    const b = Array.from({ length: 6_000 }, (_, i) => `b${i}`).join('\n')
    expect(await compareBodies(a, b)).toEqual({ kind: 'gave-up' })
  })
})
