import type { OffThreadRunner } from '@/lib/workers/off-thread-job'
import {
  scopedUrl,
  send,
  type OkBody,
  type SchemaFor,
  type ScopedOptions,
  type ScopedPath,
} from './api-client'
import type { CheckedAnswerInput } from './checked-answer-job'

/**
 * scopedGet for big answers: the main thread makes the request (token, environment parameter,
 * HTTP errors, abort: the one API client, which the mock intercepts like any other) and reads
 * the body as bytes, which move (not copied) to a worker. There the body is parsed, validated
 * against the schema and scope-checked exactly as scopedGet does (checkAnswer: a broken
 * or other-tenant answer fails with the same ContractError or ScopeMismatchError), then reduced
 * to what the view draws, which comes back as transferable typed arrays.
 *
 * A job is `checkedAnswerJob(schema, reduce)` (checked-answer-job.ts) in a module of its own, served by a worker entry
 * (`serveOffThreadJob(job, apiFailureCodec)`) and run with a runner from createOffThreadRunner
 * (`codec: apiFailureCodec`); without workers the runner runs the same job inline.
 */

export async function scopedGetOffThread<P extends ScopedPath, Out>(
  path: P,
  options: ScopedOptions<P> & {
    runner: OffThreadRunner<CheckedAnswerInput<SchemaFor<OkBody<P>>['name']>, Out>
  },
): Promise<Out> {
  const { runner, scope, schema, signal } = options
  // The worker loads its code while the request is on the network.
  runner.warmUp()
  const body = (await send(
    path,
    { url: scopedUrl(path, options), signal },
    { bytes: true },
  )) as ArrayBuffer
  return runner.run(
    { body, schema: schema.name, scope: { tenant: scope.tenant, env: scope.env }, path },
    { signal, transfer: [body] },
  )
}
