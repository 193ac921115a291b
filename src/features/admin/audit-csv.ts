import type { AuditEntry } from '@/lib/api/types'
import { escapeCsvField } from '@/lib/csv'

export const AUDIT_CSV_HEADER = [
  'time_utc',
  'actor_user_id',
  'actor_name',
  'environment',
  'action',
  'action_in_words',
  'target',
  'outcome',
  'detail',
] as const

/**
 * The audit entries the filters select, one row each: ids as the server has them (a
 * spreadsheet filters on them), the action also in words, `tenant` for tenant-wide entries.
 */
export function buildAuditCsv(
  entries: readonly AuditEntry[],
  words: (entry: AuditEntry) => { action: string },
): string {
  const lines = [AUDIT_CSV_HEADER.join(',')]
  for (const entry of entries) {
    lines.push(
      [
        entry.at,
        entry.actor.userId,
        entry.actor.name,
        entry.environment ?? 'tenant',
        entry.action,
        words(entry).action,
        entry.target,
        entry.outcome,
        entry.detail ?? '',
      ]
        .map(escapeCsvField)
        .join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
