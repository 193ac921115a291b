import { useDeferredValue, useMemo } from 'react'
import type { Scope } from './query-scope'

/**
 * An answer through `useDeferredValue`, so a large table or list built from it is rendered in a
 * transition (React splits it into short tasks) rather than in the task that read the answer,
 * and never an answer of another scope: the deferred value may lag one answer behind, across a
 * switch of environment or tenant, and nothing of the old one is painted under the new name.
 * Undefined while there is no answer, and while the scope's answer has not been rendered yet.
 */
export function useDeferredInScope<T>(data: T | undefined, scope: Scope): T | undefined {
  const current = useMemo(
    () => ({ data, tenant: scope.tenant, env: scope.env }),
    [data, scope.tenant, scope.env],
  )
  const deferred = useDeferredValue(current)
  // No answer now (a new range is loading): none shown, not the lagging one of the old range.
  if (data === undefined) return undefined
  return deferred.tenant === scope.tenant && deferred.env === scope.env ? deferred.data : undefined
}
