import { HEALTH_LABELS, HEALTH_TONES, type Health } from './health'

/** The health in words; the badge's colour only repeats it. */
export function HealthBadge({ health }: { health: Health }) {
  return <span className={`badge badge-${HEALTH_TONES[health]}`}>{HEALTH_LABELS[health]}</span>
}
