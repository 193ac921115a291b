import {
  plainErrorCodec,
  type ErrorCodec,
  type FromWorker,
  type OffThreadJob,
  type ToWorker,
} from './off-thread-job'

/** What a dedicated worker's global scope offers here (TypeScript's DOM library types `self` as a window). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void
  postMessage(message: FromWorker, transfer?: Transferable[]): void
}

/**
 * The worker side of off-thread-job.ts: call it once from a worker entry module. Says "ready"
 * once the module (and so every import) has loaded, then runs the job for each message, one at
 * a time, answering with its value (moving the listed buffers) or its encoded failure.
 */
export function serveOffThreadJob<In, Out>(
  job: OffThreadJob<In, Out>,
  codec: ErrorCodec = plainErrorCodec,
): void {
  const scope = globalThis as unknown as WorkerScope
  scope.addEventListener('message', (event) => {
    const { id, input } = event.data
    void (async () => {
      try {
        const { value, transfer = [] } = await job(input as In)
        scope.postMessage({ id, ok: true, value }, transfer)
      } catch (error) {
        scope.postMessage({ id, ok: false, error: codec.encode(error) })
      }
    })()
  })
  scope.postMessage({ ready: true })
}
