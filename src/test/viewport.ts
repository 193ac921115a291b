import { beforeEach, vi } from 'vitest'

/**
 * jsdom lays nothing out: give elements a real viewport, so a virtualized table or timeline
 * renders rows at all. Lasts until the spies are restored (Vitest's `restoreMocks`).
 */
export function stubViewport(height = 720, width = 1200) {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width)
}

/** `stubViewport()` before every test of the file that calls this. */
export function stubViewportInEveryTest(height = 720, width = 1200) {
  beforeEach(() => stubViewport(height, width))
}
