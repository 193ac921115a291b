import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { stubViewportInEveryTest } from '@/test/viewport'
import { LongTextView } from './long-text-view'

describe('LongTextView', () => {
  stubViewportInEveryTest(600, 1000)

  it('shows a text of ordinary size as one <pre>, whole', () => {
    const text = '{\n  "orderId": 42\n}'
    const { container } = render(<LongTextView text={text} className="frame" label="Body" />)
    const pre = container.querySelector('pre')
    expect(pre?.textContent).toBe(text)
    expect(screen.queryByRole('region', { name: 'Body' })).toBeNull()
  })

  it('keeps a 5 MB line to a screenful of rows in the DOM, starting with its start', async () => {
    const text = `[${'{"id":12345,"name":"<script>alert(1)</script>"},'.repeat(100_000)}{}]`
    const { container } = render(<LongTextView text={text} className="frame" label="Body" />)
    // The rows' code (the virtualizer) is loaded when a text is this long.
    const region = await screen.findByRole('region', { name: 'Body' })
    const rows = region.querySelectorAll('.long-text-row')
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.length).toBeLessThan(100)
    expect(rows[0]?.textContent).toBe(text.slice(0, 160))
    expect(rows[1]?.classList.contains('long-text-row-continued')).toBe(true)
    // Shown as text: the markup in it is characters, never elements.
    expect(container.querySelector('script')).toBeNull()
  })

  it('shows 200,000 short lines one per row, with no continuation marks', async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `<line n="${i}"/>`).join('\n')
    render(<LongTextView text={text} className="frame" label="Body" />)
    const region = await screen.findByRole('region', { name: 'Body' })
    const rows = region.querySelectorAll('.long-text-row')
    expect(rows[0]?.textContent).toBe('<line n="0"/>')
    expect(rows[1]?.textContent).toBe('<line n="1"/>')
    expect(region.querySelector('.long-text-row-continued')).toBeNull()
  })
})
