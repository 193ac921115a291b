import { Link, useSearchParams } from 'react-router'
import { useActiveEnvironment } from './environment-store'

/**
 * "Compare with…": the active environment against another one (`/compare`), keeping the time
 * range the user is looking at. The second environment is chosen on that page.
 */
export function CompareLink({ className = 'button button-quiet' }: { className?: string }) {
  const env = useActiveEnvironment()
  const [searchParams] = useSearchParams()
  const params = new URLSearchParams()
  if (env) params.set('env', env)
  for (const name of ['from', 'to'] as const) {
    const value = searchParams.get(name)
    if (value !== null) params.set(name, value)
  }
  return (
    <Link className={className} to={`/compare?${params.toString()}`}>
      Compare with…
    </Link>
  )
}
