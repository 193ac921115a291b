/**
 * A job that runs off the main thread: a function of a structured-cloneable input, run in a
 * dedicated module Web Worker, or inline (the very same function) where no worker can run:
 * Vitest's jsdom and Node, a browser or policy that refuses the worker, its chunk not fetched
 * after a new deploy. Big answers (14 MB of JSON for forty agents' metrics) are parsed,
 * checked and reduced there, so the main thread only paints.
 *
 * - Define the job once, in a module of its own (`x-job.ts`): `(input) => ({ value, transfer })`.
 * - Serve it from a worker entry (`x.worker.ts`): `serveOffThreadJob(job, codec)`.
 * - Run it: `createOffThreadRunner({ name, workerUrl, loadInline, codec })`, with
 *   `import workerUrl from './x.worker.ts?worker&url'` and `loadInline: () => import('./x-job')`.
 *
 * Inputs and results are moved, not copied, when listed as transferables (ArrayBuffers, typed
 * arrays' buffers). An aborted run ends its worker (the job is synchronous work nobody can
 * interrupt otherwise) and rejects with the signal's reason, so nothing it computed is used.
 */

export interface JobResult<Out> {
  value: Out
  /** Buffers of `value` to move to the caller instead of copying them. */
  transfer?: Transferable[]
}

export type OffThreadJob<In, Out> = (input: In) => JobResult<Out> | Promise<JobResult<Out>>

/** How a job's failure crosses the thread boundary (structured clone drops classes). */
export interface ErrorCodec {
  encode(error: unknown): unknown
  decode(encoded: unknown): Error
}

export interface RunOptions {
  signal?: AbortSignal
  /** Buffers of the input to move to the worker (they are unusable here afterwards). */
  transfer?: Transferable[]
}

export interface OffThreadRunner<In, Out> {
  run(input: In, options?: RunOptions): Promise<Out>
  /** Starts a worker now, so its code loads while the caller still waits for the network. */
  warmUp(): void
}

/** Messages between the runner and serveOffThreadJob. */
export type ToWorker = { id: number; input: unknown }
export type FromWorker =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: unknown }

export const plainErrorCodec: ErrorCodec = {
  encode: (error) => ({
    name: (error as Error | null)?.name ?? 'Error',
    message: error instanceof Error ? error.message : String(error),
  }),
  decode: (encoded) => {
    const { name, message } = (encoded ?? {}) as { name?: string; message?: string }
    const error = new Error(message ?? 'The job failed.')
    if (name) error.name = name
    return error
  },
}

/** An idle worker is ended after this long without a job (a view left, auto-refresh off). */
const IDLE_MS = 120_000

export function createOffThreadRunner<In, Out>(options: {
  /** Names the worker in the browser's dev tools. */
  name: string
  workerUrl: string
  loadInline: () => Promise<OffThreadJob<In, Out>>
  codec?: ErrorCodec
}): OffThreadRunner<In, Out> {
  const codec = options.codec ?? plainErrorCodec
  let idle: Promise<Worker | null> | null = null
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  /** Set once a worker could not start: every later run goes inline without trying again. */
  let unavailable = false
  let nextId = 0

  const spawn = (): Promise<Worker | null> => {
    if (unavailable || typeof Worker === 'undefined') return Promise.resolve(null)
    let worker: Worker
    try {
      worker = new Worker(trustedWorkerUrl(options.workerUrl), {
        type: 'module',
        name: options.name,
      })
    } catch {
      unavailable = true
      return Promise.resolve(null)
    }
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        worker.removeEventListener('message', onMessage)
        worker.removeEventListener('error', onError)
        if (!ready) {
          worker.terminate()
          unavailable = true
        }
        resolve(ready ? worker : null)
      }
      const onMessage = (event: MessageEvent<FromWorker>) => {
        if ('ready' in event.data) done(true)
      }
      // The script failed to load or to evaluate: the inline path still answers.
      const onError = (event: Event) => {
        event.preventDefault()
        done(false)
      }
      worker.addEventListener('message', onMessage)
      worker.addEventListener('error', onError)
    })
  }

  const take = (): Promise<Worker | null> => {
    clearTimeout(idleTimer)
    const worker = idle ?? spawn()
    idle = null
    return worker
  }

  const release = (worker: Worker) => {
    if (idle) {
      worker.terminate()
      return
    }
    idle = Promise.resolve(worker)
    clearTimeout(idleTimer)
    idleTimer = setTimeout(() => {
      if (idle) void idle.then((w) => w?.terminate())
      idle = null
    }, IDLE_MS)
  }

  const abortReason = (signal: AbortSignal) =>
    signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')

  const runInline = async (input: In, signal?: AbortSignal): Promise<Out> => {
    const job = await options.loadInline()
    signal?.throwIfAborted()
    const { value } = await job(input)
    signal?.throwIfAborted()
    return value
  }

  return {
    warmUp() {
      if (!idle) {
        idle = spawn()
        clearTimeout(idleTimer)
      }
    },

    async run(input, { signal, transfer = [] } = {}) {
      signal?.throwIfAborted()
      const worker = await take()
      if (signal?.aborted) {
        if (worker) release(worker)
        throw abortReason(signal)
      }
      if (!worker) return runInline(input, signal)
      return new Promise<Out>((resolve, reject) => {
        const id = ++nextId
        const finish = () => {
          worker.removeEventListener('message', onMessage)
          worker.removeEventListener('error', onError)
          signal?.removeEventListener('abort', onAbort)
        }
        const onMessage = (event: MessageEvent<FromWorker>) => {
          const message = event.data
          if ('ready' in message || message.id !== id) return
          finish()
          release(worker)
          if (message.ok) resolve(message.value as Out)
          else reject(codec.decode(message.error))
        }
        // The worker died mid-job (out of memory, a bug): the input went with it.
        const onError = (event: ErrorEvent) => {
          event.preventDefault()
          finish()
          worker.terminate()
          reject(new Error(`The ${options.name} worker failed: ${event.message || 'it stopped'}.`))
        }
        const onAbort = () => {
          finish()
          worker.terminate()
          reject(abortReason(signal as AbortSignal))
        }
        worker.addEventListener('message', onMessage)
        worker.addEventListener('error', onError)
        signal?.addEventListener('abort', onAbort, { once: true })
        const message: ToWorker = { id, input }
        worker.postMessage(message, transfer)
      })
    },
  }
}

/** The part of the Trusted Types API used here (TypeScript's DOM library has none of it). */
interface TrustedTypesGlobal {
  trustedTypes?: {
    createPolicy(
      name: string,
      rules: { createScriptURL: (value: string) => string },
    ): { createScriptURL(value: string): unknown }
  }
}

let workerUrlPolicy: { createScriptURL(value: string): unknown } | null = null

/**
 * Under the production policy (`require-trusted-types-for 'script'`) a worker's URL must be a
 * TrustedScriptURL. This policy vouches only for scripts of the app's own origin, which is all
 * `?worker&url` imports can name (the bundler emits them); anything else throws, and the runner
 * falls back to inline.
 */
function trustedWorkerUrl(url: string): string {
  const trustedTypes = (globalThis as TrustedTypesGlobal).trustedTypes
  if (!trustedTypes) return url
  workerUrlPolicy ??= trustedTypes.createPolicy('cameleer3-workers', {
    createScriptURL: (value) => {
      if (new URL(value, location.href).origin !== location.origin) {
        throw new TypeError(`Refused a worker script from another origin: ${value}`)
      }
      return value
    },
  })
  // A TrustedScriptURL is what `new Worker` takes under Trusted Types; TypeScript only knows strings.
  return workerUrlPolicy.createScriptURL(url) as string
}
