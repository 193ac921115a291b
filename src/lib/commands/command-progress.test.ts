import { describe, expect, it } from 'vitest'
import {
  commandProgress,
  isPending,
  targetStatusText,
  type CommandTarget,
} from './command-progress'

const target = (status: CommandTarget['status'], message: string | null = null): CommandTarget => ({
  agentId: `agent-${status}`,
  status,
  message,
  updatedAt: '2026-11-28T07:00:00.000Z',
  resultExecutionId: null,
})

describe('targetStatusText', () => {
  it('says each status in words, with the agent’s message where it failed or expired', () => {
    expect(targetStatusText(target('PENDING'))).toBe('Pending')
    expect(targetStatusText(target('ACKNOWLEDGED'))).toBe('Acknowledged')
    expect(targetStatusText(target('FAILED', 'route busy'))).toBe('Failed: route busy')
    expect(targetStatusText(target('EXPIRED', 'the agent did not answer within 60 s'))).toBe(
      'Expired: the agent did not answer within 60 s',
    )
    expect(targetStatusText(target('EXPIRED'))).toBe(
      'Expired: the agent did not answer within 60 s',
    )
    expect(targetStatusText(target('FAILED'))).toBe('Failed: the agent gave no reason')
  })
})

describe('commandProgress', () => {
  it('is not done while any target is pending', () => {
    const command = { targets: [target('PENDING'), target('ACKNOWLEDGED')] }
    expect(isPending(command)).toBe(true)
    expect(commandProgress(command)).toMatchObject({
      done: false,
      pending: 1,
      acknowledged: 1,
      summary: 'Waiting for 1 of 2 agents',
    })
  })

  it('is done when every target acknowledged, failed or expired', () => {
    const command = {
      targets: [target('ACKNOWLEDGED'), target('FAILED', 'x'), target('EXPIRED')],
    }
    expect(isPending(command)).toBe(false)
    expect(commandProgress(command)).toMatchObject({
      done: true,
      acknowledged: 1,
      failed: 1,
      expired: 1,
      summary: 'Acknowledged by 1 of 3 agents; failed on 1, expired on 1',
    })
    expect(commandProgress({ targets: [target('ACKNOWLEDGED')] }).summary).toBe(
      'Acknowledged by 1 of 1 agent',
    )
  })

  it('treats no command yet as nothing pending', () => {
    expect(isPending(undefined)).toBe(false)
  })
})
