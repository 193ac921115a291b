/** The `g` + letter shortcuts to each view, shared by the key handler, the nav and the list. */
export const navigationShortcuts = [
  { key: 'o', path: '/overview', label: 'Overview' },
  { key: 'a', path: '/agents', label: 'Agents' },
  { key: 'e', path: '/executions', label: 'Executions' },
  { key: 'l', path: '/logs', label: 'Logs' },
  { key: 'm', path: '/metrics', label: 'Metrics' },
  { key: 'u', path: '/usage', label: 'Usage' },
] as const

/** The tooltip of a navigation link: "Go to Agents (g then a)". */
export function navigationHint(path: string): string | undefined {
  const shortcut = navigationShortcuts.find((candidate) => candidate.path === path)
  return shortcut ? `Go to ${shortcut.label} (g then ${shortcut.key})` : undefined
}
