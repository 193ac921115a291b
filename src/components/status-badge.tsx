/** Status as text first; the colour only repeats what the text says. */
const tones: Record<string, string> = {
  LIVE: 'ok',
  COMPLETED: 'ok',
  STALE: 'warn',
  RUNNING: 'info',
  DEAD: 'bad',
  FAILED: 'bad',
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${tones[status] ?? 'neutral'}`}>{status}</span>
}
