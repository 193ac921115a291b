// @vitest-environment node
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ExecutionDetail } from '@/lib/api/types'
import { signDemoToken } from '../auth/auth-tokens'
import { setMockNow } from '../clock'
import { server } from '../node'
import { call, expectProblem, get } from '../mock-api-test-support'
import { findExecution, findSampleExecutionIds, searchExecutions } from './execution-data'
import { executionHandlers } from './execution-handlers'
import { processorSnapshot } from './execution-snapshots'
import { HOUR, NOW } from './execution-test-support'

let acme: string
beforeAll(async () => {
  acme = await signDemoToken('admin@acme')
})
beforeEach(() => {
  server.use(...executionHandlers)
  setMockNow(NOW)
})
afterEach(() => setMockNow(null))

const detail = (id: string, environment = 'prod'): ExecutionDetail => {
  const found = findExecution('acme', environment, id, NOW)
  if (!found) throw new Error(`no execution ${id}`)
  return found
}

const recent = (environment: string, applicationId?: string) =>
  searchExecutions(
    'acme',
    environment,
    { from: NOW - 2 * HOUR, to: NOW, limit: 200, status: 'COMPLETED', applicationId },
    NOW,
  ).items.map((item) => detail(item.executionId, environment))

const snapshotPath = (execution: ExecutionDetail, processorId: string, iteration?: number) =>
  `/executions/${execution.executionId}/processors/${processorId}/snapshot?environment=${execution.environment}` +
  (iteration === undefined ? '' : `&iteration=${iteration}`)

describe('message snapshots', () => {
  it('replay the message from the captured input to the captured output', () => {
    const executions = recent('prod').filter(
      (execution) => execution.processors[0]?.snapshot && execution.outputBody !== null,
    )
    expect(executions.length).toBeGreaterThan(20)
    let changedBodies = 0
    let addedHeaders = 0
    for (const execution of executions) {
      const at = (processorId: string, iteration: number | null = null) => {
        const answer = processorSnapshot(execution, processorId, iteration)
        if (answer.kind !== 'ok') throw new Error(answer.detail)
        return answer.snapshot
      }
      const first = at(execution.processors[0]?.processorId ?? '')
      expect(first.inputBody).toBe(execution.inputBody)
      expect(first.inputHeaders).toEqual(execution.headers)
      const top = execution.processors.filter((p) => p.parentProcessorId === null)
      const last = top[top.length - 1]
      const changers = top.filter((p) => ['transform', 'bean', 'marshal'].includes(p.processorType))
      if (changers.length > 0 && last)
        expect(at(last.processorId).outputBody).toBe(execution.outputBody)
      for (const processor of execution.processors) {
        const snapshot = at(processor.processorId, processor.iterations === null ? null : 0)
        if (snapshot.inputBody !== snapshot.outputBody) changedBodies++
        if (Object.keys(snapshot.outputHeaders).length > Object.keys(snapshot.inputHeaders).length)
          addedHeaders++
        // Kinds that only look at the message leave it as it was.
        if (['log', 'wireTap'].includes(processor.processorType) && processor !== last) {
          expect(snapshot.outputBody).toBe(snapshot.inputBody)
          expect(snapshot.outputHeaders).toEqual(snapshot.inputHeaders)
        }
      }
    }
    expect(changedBodies).toBeGreaterThan(10)
    expect(addedHeaders).toBeGreaterThan(10)
  })

  it('give each iteration of a split its own element of the batch', async () => {
    const execution = detail(findSampleExecutionIds('acme', 'prod', NOW).manyProcessors ?? '')
    const split = execution.processors.find((p) => p.processorType === 'split')
    const child = execution.processors.find((p) => p.parentProcessorId === split?.processorId)
    const iterations = child?.iterations ?? 0
    expect(iterations).toBeGreaterThan(100)
    expect(child?.snapshot).toBe(true)
    const id = child?.processorId ?? ''

    await expectProblem(call(snapshotPath(execution, id), acme), 400, /iteration/)
    await expectProblem(call(snapshotPath(execution, id, iterations), acme), 404)
    const third = await get('ProcessorSnapshot', snapshotPath(execution, id, 2), acme)
    const seventh = await get('ProcessorSnapshot', snapshotPath(execution, id, 6), acme)
    expect(third.iteration).toBe(2)
    expect(third.inputHeaders.CamelSplitIndex).toBe('2')
    expect(seventh.inputHeaders.CamelSplitIndex).toBe('6')
    expect(seventh.inputHeaders.CamelSplitSize).toBe(String(iterations))
    expect(third.inputBody).not.toBe(seventh.inputBody)
    // One element, not the whole batch.
    expect((seventh.inputBody ?? '').length).toBeLessThan((execution.inputBody ?? '').length / 10)
    // The split itself sees the whole batch and takes no iteration.
    const whole = await get(
      'ProcessorSnapshot',
      snapshotPath(execution, split?.processorId ?? ''),
      acme,
    )
    expect(whole.inputBody).toBe(execution.inputBody)
    expect(whole.iteration).toBeNull()
    // Deterministic.
    expect(await get('ProcessorSnapshot', snapshotPath(execution, id, 6), acme)).toEqual(seventh)
  })

  it('are absent where the application captures no payloads', async () => {
    const [execution] = recent('prod', 'payment-gateway')
    expect(execution).toBeDefined()
    if (!execution) return
    expect(execution.processors.every((p) => !p.snapshot)).toBe(true)
    await expectProblem(
      call(snapshotPath(execution, execution.processors[0]?.processorId ?? ''), acme),
      404,
      /payload capture is off for payment-gateway in prod/,
    )
    expect(recent('dev', 'payment-gateway')[0]?.processors[0]?.snapshot).toBe(true)
  })
})
