import { describe, expect, it } from 'vitest'
import { formatBytes } from './format'

describe('formatBytes', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(4_608)).toBe('4.5 kB')
    expect(formatBytes(52_000)).toBe('51 kB')
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB')
  })
})
