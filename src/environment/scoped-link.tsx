import { forwardRef, type ComponentProps } from 'react'
import { Link, NavLink } from 'react-router'
import { useActiveEnvironment } from './environment-store'

/**
 * Links that keep the active environment (`?env=`), so following a link never silently
 * lands in another environment. `to` is a path with an optional query string.
 */
export function withEnvironment(to: string, env: string | null): string {
  if (!env) return to
  const [path = '', query = ''] = to.split('?')
  const params = new URLSearchParams(query)
  params.set('env', env)
  return `${path}?${params.toString()}`
}

type ScopedLinkProps = Omit<ComponentProps<typeof Link>, 'to'> & { to: string }

export const ScopedLink = forwardRef<HTMLAnchorElement, ScopedLinkProps>(function ScopedLink(
  { to, ...rest },
  ref,
) {
  const env = useActiveEnvironment()
  return <Link ref={ref} to={withEnvironment(to, env)} {...rest} />
})

type ScopedNavLinkProps = Omit<ComponentProps<typeof NavLink>, 'to'> & { to: string }

export function ScopedNavLink({ to, ...rest }: ScopedNavLinkProps) {
  const env = useActiveEnvironment()
  return <NavLink to={withEnvironment(to, env)} {...rest} />
}
