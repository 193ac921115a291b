import type { Schemas } from '@/lib/api/types'

/**
 * A command's progress in words, per target and overall. A target is PENDING until its agent
 * answers (ACKNOWLEDGED or FAILED) or 60 s pass without an answer (EXPIRED); the command is
 * done when no target is pending, and only then does polling stop.
 */

export type CommandTarget = Schemas['CommandTarget']
type CommandLike = { targets: readonly CommandTarget[] }

export const DEFAULT_EXPIRED_MESSAGE = 'the agent did not answer within 60 s'

/** "Pending", "Acknowledged", "Failed: <message>", "Expired: the agent did not answer within 60 s". */
export function targetStatusText(target: Pick<CommandTarget, 'status' | 'message'>): string {
  switch (target.status) {
    case 'PENDING':
      return 'Pending'
    case 'ACKNOWLEDGED':
      return 'Acknowledged'
    case 'FAILED':
      return `Failed: ${target.message ?? 'the agent gave no reason'}`
    case 'EXPIRED':
      return `Expired: ${target.message ?? DEFAULT_EXPIRED_MESSAGE}`
  }
}

/** Whether any target still waits for its agent (what keeps polling on). */
export const isPending = (command: CommandLike | null | undefined): boolean =>
  command?.targets.some((target) => target.status === 'PENDING') ?? false

export interface CommandProgress {
  /** No target is pending. */
  done: boolean
  total: number
  pending: number
  acknowledged: number
  failed: number
  expired: number
  /** "Waiting for 2 of 5 agents", "Acknowledged by 5 of 5 agents", "Acknowledged by 3 of 5 agents; failed on 1, expired on 1". */
  summary: string
}

export function commandProgress(command: CommandLike): CommandProgress {
  const count = (status: CommandTarget['status']) =>
    command.targets.filter((target) => target.status === status).length
  const total = command.targets.length
  const pending = count('PENDING')
  const acknowledged = count('ACKNOWLEDGED')
  const failed = count('FAILED')
  const expired = count('EXPIRED')
  const agents = `${total} agent${total === 1 ? '' : 's'}`
  let summary: string
  if (pending > 0) {
    summary = `Waiting for ${pending} of ${agents}`
  } else {
    const problems = [failed && `failed on ${failed}`, expired && `expired on ${expired}`].filter(
      Boolean,
    )
    summary = `Acknowledged by ${acknowledged} of ${agents}${problems.length ? `; ${problems.join(', ')}` : ''}`
  }
  return { done: pending === 0, total, pending, acknowledged, failed, expired, summary }
}
