import { useEffect } from 'react'
import { useClaims } from '@/session/session-store'
import { environmentLabel, environmentName, isProduction } from './environment-info'
import { useActiveEnvironment } from './environment-store'
import { useEnvironmentInfo } from './use-environment-info'

/**
 * "Agents · Staging (staging) · acme — Cameleer3", "Agents · PRODUCTION (prod) ⚠ · acme —
 * Cameleer3": the tab says where you are, even among many tabs.
 */
export function usePageTitle(title: string): void {
  const env = useActiveEnvironment()
  const environment = useEnvironmentInfo(env)
  const tenant = useClaims()?.tenant
  let place: string | null = null
  if (env) {
    const name = environmentName(environment, env)
    place = isProduction(environment)
      ? `${name.toUpperCase()}${name === env ? '' : ` (${env})`} ⚠`
      : environmentLabel(environment, env)
  }
  useEffect(() => {
    const scope = [place, tenant].filter(Boolean).join(' · ')
    document.title = `${title}${scope ? ` · ${scope}` : ''} — Cameleer3`
  }, [title, place, tenant])
}
