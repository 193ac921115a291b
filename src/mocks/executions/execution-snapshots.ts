import type { ExecutionDetail, ProcessorExecution, ProcessorSnapshot } from '@/lib/api/types'
import { hashString } from '../random'

/**
 * The message as it entered and left each processor, replayed from the exchange's captured
 * input along the processors that ran: what each kind of processor does to a message (a
 * `transform` or `bean` reshapes the body, an HTTP call adds its response headers, a split
 * child sees one element of the batch), ending on the exchange's captured output. Pure and
 * deterministic: the same execution always gives the same snapshots.
 */

interface Message {
  body: string | null
  headers: Record<string, string>
}

export type SnapshotAnswer =
  | { kind: 'ok'; snapshot: ProcessorSnapshot }
  | { kind: 'not-found' | 'bad-request'; detail: string }

/** Kinds of processor whose output body differs from their input. */
const BODY_CHANGING = new Set(['transform', 'bean', 'enrich', 'marshal', 'unmarshal'])

export function processorSnapshot(
  execution: ExecutionDetail,
  processorId: string,
  iteration: number | null,
): SnapshotAnswer {
  const { processors } = execution
  const target = processors.find((processor) => processor.processorId === processorId)
  if (!target) {
    return {
      kind: 'not-found',
      detail: `Processor ${processorId} did not run in execution ${execution.executionId}.`,
    }
  }
  if (!target.snapshot) {
    return {
      kind: 'not-found',
      detail: `No snapshot: payload capture is off for ${execution.applicationId} in ${execution.environment}.`,
    }
  }
  if (target.iterations !== null && iteration === null) {
    return {
      kind: 'bad-request',
      detail: `Processor ${processorId} ran ${target.iterations} times: the iteration query parameter is required.`,
    }
  }
  if (iteration !== null && (target.iterations === null || iteration >= target.iterations)) {
    return {
      kind: 'not-found',
      detail: `Processor ${processorId} has no iteration ${iteration}.`,
    }
  }

  const children = new Map<string | null, ProcessorExecution[]>()
  for (const processor of processors) {
    const siblings = children.get(processor.parentProcessorId) ?? []
    siblings.push(processor)
    children.set(processor.parentProcessorId, siblings)
  }
  const ancestors = new Set<string>()
  const byId = new Map(processors.map((processor) => [processor.processorId, processor]))
  for (let id = target.parentProcessorId; id !== null; id = byId.get(id)?.parentProcessorId ?? null)
    ancestors.add(id)

  // The last processor that reshapes the body (outside splits, whose output is their input),
  // else the last call out, hands on the exchange's output.
  const lastChanger =
    execution.outputBody === null
      ? null
      : (lastOf(processors, (p) => p.iterations === null && changesBody(p)) ??
        lastOf(processors, (p) => p.iterations === null && p.processorType === 'to') ??
        lastOf(processors, (p) => p.iterations === null && !children.has(p.processorId)))
  const topLevel = children.get(null) ?? []

  let found: { input: Message; output: Message } | null = null
  const run = (nodes: readonly ProcessorExecution[], message: Message): Message => {
    let current = message
    for (const node of nodes) {
      if (found) return current
      const input = current
      let output: Message
      const kids = children.get(node.processorId) ?? []
      if (node.processorType === 'split') {
        if (ancestors.has(node.processorId) || node.processorId === processorId) {
          const size = kids[0]?.iterations ?? 1
          const k = ancestors.has(node.processorId) ? (iteration ?? 0) : 0
          run(kids, splitElement(input, k, size))
        }
        output = input
      } else if (node.processorType === 'choice') {
        const branch = kids.find((kid) => ancestors.has(kid.processorId)) ?? kids[0]
        output = branch ? run([branch], input) : input
      } else if (kids.length > 0) {
        output = run(kids, input)
      } else if (node.status === 'FAILED') {
        output = { body: null, headers: input.headers }
      } else {
        output = apply(node, input, node.processorId === lastChanger ? execution.outputBody : null)
      }
      if (node.processorId === processorId) found = { input, output }
      current = output
    }
    return current
  }
  run(topLevel, { body: execution.inputBody, headers: execution.headers })
  const message = found ?? {
    input: { body: null, headers: {} },
    output: { body: null, headers: {} },
  }
  return {
    kind: 'ok',
    snapshot: {
      tenantId: execution.tenantId,
      environment: execution.environment,
      executionId: execution.executionId,
      processorId,
      iteration,
      inputBody: message.input.body,
      outputBody: message.output.body,
      inputHeaders: message.input.headers,
      outputHeaders: message.output.headers,
    },
  }
}

function changesBody(processor: ProcessorExecution): boolean {
  return (
    BODY_CHANGING.has(processor.processorType) ||
    (processor.processorType === 'to' && /^(https?|cxf|rest):/.test(processor.endpointUri ?? ''))
  )
}

/** What one processor does to the message. `finalBody`: the exchange's output, for the last reshaping step. */
function apply(node: ProcessorExecution, input: Message, finalBody: string | null): Message {
  const headers = { ...input.headers }
  const uri = node.endpointUri ?? ''
  let body = input.body
  switch (node.processorType) {
    case 'to':
    case 'enrich':
      if (/^(https?|cxf|rest):/.test(uri)) {
        headers.CamelHttpResponseCode = '200'
        headers.CamelHttpResponseText = 'OK'
        if ('Content-Type' in headers) headers['Content-Type'] = 'application/json;charset=UTF-8'
        body =
          finalBody ??
          withStep(body, node.processorType === 'enrich' ? 'enrichment' : 'reply', {
            source: uri.split('?')[0] ?? uri,
            status: 'OK',
          })
      } else if (/^kafka:/.test(uri)) {
        headers['kafka.PARTITION'] = String(hashString(node.processorId) % 12)
        headers['kafka.TOPIC'] = uri.slice('kafka:'.length).split('?')[0] ?? ''
      } else if (/^sql:/.test(uri)) {
        headers.CamelSqlUpdateCount = '1'
      }
      break
    case 'bean': {
      const bean = node.label.replace(/^bean /, '').split('.')[0] ?? 'bean'
      headers[`${bean}Result`] = 'OK'
      body = finalBody ?? withStep(body, bean, { result: 'OK' })
      break
    }
    case 'transform':
      delete headers['Content-Length']
      body = finalBody ?? withStep(body, 'transformed', true)
      break
    case 'marshal': {
      const format = node.label.replace(/^marshal /, '')
      headers['Content-Type'] = format === 'pdf' ? 'application/pdf' : `application/${format}`
      delete headers['Content-Length']
      body = finalBody ?? compactJson(body)
      break
    }
    case 'unmarshal':
      delete headers['Content-Length']
      body = finalBody ?? prettyJson(body)
      break
    case 'setHeader': {
      const name = node.label.replace(/^setHeader /, '')
      headers[name] = `${name}-${hashString(node.processorId) % 1000}`
      break
    }
  }
  return { body: finalBody ?? body, headers }
}

function lastOf(
  processors: readonly ProcessorExecution[],
  test: (processor: ProcessorExecution) => boolean,
): string | null {
  for (let i = processors.length - 1; i >= 0; i--) {
    const processor = processors[i] as ProcessorExecution
    if (test(processor)) return processor.processorId
  }
  return null
}

/** One element of the batch a split walks: an array item, a CSV line, an XML element. */
function splitElement(message: Message, index: number, size: number): Message {
  const headers: Record<string, string> = {
    ...message.headers,
    CamelSplitIndex: String(index),
    CamelSplitSize: String(size),
    CamelSplitComplete: String(index === size - 1),
  }
  delete headers['Content-Length']
  return { body: elementOf(message.body, index), headers }
}

function elementOf(body: string | null, index: number): string | null {
  if (body === null) return null
  const trimmed = body.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = parseJson(body)
    const items = Array.isArray(parsed)
      ? parsed
      : parsed && typeof parsed === 'object'
        ? Object.values(parsed).find(Array.isArray)
        : undefined
    if (items && items.length > 0) {
      const item: unknown = items[index % items.length]
      return JSON.stringify(
        items.length > index ? item : { ...(item as object), sequence: index + 1 },
      )
    }
  }
  if (trimmed.startsWith('<')) {
    const entries = body.match(/<(Ntry|entry|item|line|row|invoice|record)\b[\s\S]*?<\/\1>/g)
    if (entries && entries.length > 0) return entries[index % entries.length] ?? null
  }
  const lines = body.split('\n').filter((line) => line.trim() !== '')
  const rows = lines.length > 1 ? lines.slice(1) : lines
  return rows[index % Math.max(1, rows.length)] ?? body
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

function withStep(body: string | null, key: string, value: unknown): string | null {
  if (body === null) return null
  const parsed = parseJson(body)
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return body
  return JSON.stringify({ ...parsed, [key]: value })
}

function prettyJson(body: string | null): string | null {
  const parsed = body === null ? undefined : parseJson(body)
  return parsed === undefined ? body : JSON.stringify(parsed, null, 2)
}

function compactJson(body: string | null): string | null {
  const parsed = body === null ? undefined : parseJson(body)
  return parsed === undefined ? body : JSON.stringify(parsed)
}
