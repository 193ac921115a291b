import { useEffect } from 'react'
import { useClaims } from '@/session/session-store'
import { isProductionEnvironment, useActiveEnvironment } from './environment-store'

/** "Agents · prod · acme — Cameleer3": the tab says where you are, even among many tabs. */
export function usePageTitle(title: string): void {
  const env = useActiveEnvironment()
  const tenant = useClaims()?.tenant
  useEffect(() => {
    const scope = [env && (isProductionEnvironment(env) ? `${env.toUpperCase()} ⚠` : env), tenant]
      .filter(Boolean)
      .join(' · ')
    document.title = `${title}${scope ? ` · ${scope}` : ''} — Cameleer3`
  }, [title, env, tenant])
}
