import type { JobResult, OffThreadJob } from '@/lib/workers/off-thread-job'
import { readCheckedAnswer } from './checked-answer'
import type { ExpectedScope } from './response-validation'
import type { SchemaName, Schemas } from './types'

// A module of its own, apart from checked-answer.ts (which every first load has, with the
// API client): only the lazily loaded off-thread code needs it.

/** What an off-thread job gets: the body as bytes, and what scopedGet would check it against. */
export interface CheckedAnswerInput<N extends SchemaName = SchemaName> {
  body: ArrayBuffer | undefined
  schema: N
  scope: ExpectedScope
  path: string
}

/** A job (off-thread-job.ts) that reads and checks an answer as scopedGet does, then reduces it. */
export function checkedAnswerJob<N extends SchemaName, Out>(
  schema: N,
  reduce: (answer: Schemas[N]) => JobResult<Out>,
): OffThreadJob<CheckedAnswerInput<N>, Out> {
  return async (input) => {
    // The caller's types tie its runner to this schema; a mix-up must not pass unchecked.
    if (input.schema !== schema) throw new Error(`This job reads ${schema}, not ${input.schema}.`)
    // As Response.text() reads a body: UTF-8, a BOM dropped, broken sequences replaced.
    const text = input.body ? new TextDecoder().decode(input.body) : undefined
    return reduce(await readCheckedAnswer(text, schema, input.scope, input.path))
  }
}
