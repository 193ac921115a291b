/**
 * The mock server's idea of "now". Data is generated relative to it (heartbeats seconds ago,
 * executions in the last hour), so tests that compare times can pin it.
 */
let pinned: number | null = null

export function mockNow(): number {
  return pinned ?? Date.now()
}

/** Pin the clock (tests); `null` returns to wall-clock time. */
export function setMockNow(time: Date | number | null): void {
  pinned = time === null ? null : typeof time === 'number' ? time : time.getTime()
}

export const toIso = (epochMs: number): string => new Date(epochMs).toISOString()
