import { navigationShortcuts } from './navigation-shortcuts'
import { AlertBell } from './alert-bell'
import { GoToLauncher } from '@/features/go-to/go-to-launcher'

/**
 * The header's tools that are not needed to show a page: the alert bell and "Go to" (with its
 * Ctrl+K). One lazily loaded chunk, asked for once the page has shown and its requests have
 * settled (app-shell.tsx), so neither adds to what a first view loads, nor to the work of
 * drawing its first answer (docs/benchmarks.md).
 */
export function HeaderTools({ tenant }: { tenant: string | null }) {
  return (
    <>
      {tenant ? <AlertBell tenant={tenant} /> : null}
      <GoToLauncher pages={navigationShortcuts} />
    </>
  )
}
