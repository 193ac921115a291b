import { describe, expect, it } from 'vitest'
import { ROW_PREVIEW_CHARS, rowPreview } from '../search/row-preview'
import { FORMAT_LIMIT_CHARS, formatMessage } from './message-format'

describe('rowPreview', () => {
  it('is one bounded line whatever the message', () => {
    const huge = `{"a":"${'x'.repeat(1_100_000)}"}`
    const preview = rowPreview(huge)
    expect(preview.length).toBeLessThanOrEqual(ROW_PREVIEW_CHARS + 1)
    expect(preview.endsWith('…')).toBe(true)
    expect(rowPreview('first\nsecond\r\nthird')).toBe('first ⏎ second ⏎ third')
    expect(rowPreview('short')).toBe('short')
  })
})

describe('formatMessage', () => {
  it('pretty-prints a JSON document after a prefix, without changing values', () => {
    const formatted = formatMessage('Sampled payload {"id":12345678901234567890,"b":[1,2]}')
    expect(formatted.kind).toBe('json')
    expect(formatted.text).toContain('Sampled payload\n{')
    expect(formatted.text).toContain('12345678901234567890')
    expect(formatted.text.split('\n').length).toBeGreaterThan(3)
  })

  it('pretty-prints XML and leaves plain text as it is', () => {
    expect(formatMessage('<a><b>1</b></a>').kind).toBe('xml')
    expect(formatMessage('Connection refused { not json')).toEqual({
      kind: 'text',
      text: 'Connection refused { not json',
      tooLongToFormat: false,
    })
  })

  it('shows a message past the format limit as captured, whole', () => {
    const big = `{"a":"${'x'.repeat(FORMAT_LIMIT_CHARS)}"}`
    const formatted = formatMessage(big)
    expect(formatted.tooLongToFormat).toBe(true)
    expect(formatted.text).toBe(big)
  })
})
