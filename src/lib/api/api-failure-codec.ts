import type { ErrorCodec } from '@/lib/workers/off-thread-job'
import { ContractError, ScopeMismatchError } from './errors'

/**
 * How an API failure raised in a worker (off-thread-get.ts) reaches the view as the same
 * class with the same message: structured clone keeps only plain data. (A module of its own:
 * only the lazily loaded off-thread code needs it, so it stays out of the entry chunk.)
 */
export const apiFailureCodec: ErrorCodec = {
  encode(error: unknown): unknown {
    if (error instanceof ContractError) {
      return { kind: 'contract', path: error.path, issues: error.issues }
    }
    if (error instanceof ScopeMismatchError) {
      return { kind: 'scope', path: error.path, expected: error.expected, found: error.found }
    }
    return { kind: 'other', message: error instanceof Error ? error.message : String(error) }
  },
  decode(encoded: unknown): Error {
    const data = (encoded ?? {}) as {
      kind?: string
      path: string
      issues: string[]
      expected: { tenant: string; env?: string }
      found: { tenantId?: unknown; environment?: unknown }
      message?: string
    }
    if (data.kind === 'contract') return new ContractError(data.path, data.issues)
    if (data.kind === 'scope') return new ScopeMismatchError(data.path, data.expected, data.found)
    return new Error(data.message ?? 'The answer could not be read.')
  },
}
