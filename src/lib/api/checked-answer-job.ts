import type { JobResult, OffThreadJob } from '@/lib/workers/off-thread-job'
import { checkAnswer, parseJson } from './checked-answer'
import type { ResponseSchema } from './response-schema'
import type { ExpectedScope } from './response-validation'
import type { SchemaName, Schemas } from './types'

// A module of its own, apart from checked-answer.ts (which every first load has, with the
// API client): only the lazily loaded off-thread code needs it.

/** What an off-thread job gets: the body as bytes, and what scopedGet would check it against. */
export interface CheckedAnswerInput<N extends SchemaName = SchemaName> {
  body: ArrayBuffer
  /** The schema's name: the job holds the schema itself (no need to clone it across). */
  schema: N
  scope: ExpectedScope
  path: string
}

/** A job (off-thread-job.ts) that reads and checks an answer as scopedGet does, then reduces it. */
export function checkedAnswerJob<N extends SchemaName, Out>(
  schema: ResponseSchema<N>,
  reduce: (answer: Schemas[N]) => JobResult<Out>,
): OffThreadJob<CheckedAnswerInput<N>, Out> {
  return async (input) => {
    // The caller's types tie its runner to this schema; a mix-up must not pass unchecked.
    if (input.schema !== schema.name) {
      throw new Error(`This job reads ${schema.name}, not ${input.schema}.`)
    }
    // As Response.text() reads a body: UTF-8, a BOM dropped, broken sequences replaced.
    const text = new TextDecoder().decode(input.body)
    return reduce(await checkAnswer(parseJson(text, input.path), schema, input.scope, input.path))
  }
}
