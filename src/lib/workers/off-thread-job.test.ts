import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createOffThreadRunner,
  plainErrorCodec,
  type FromWorker,
  type OffThreadJob,
  type ToWorker,
} from './off-thread-job'

/** Doubles a number; moves nothing. */
const double: OffThreadJob<number, number> = (input) => {
  if (input < 0) throw new RangeError('negative')
  return { value: input * 2 }
}

/**
 * A stand-in for a module worker, serving `job` the way serve-off-thread-job.ts does: ready
 * after a tick, one answer per message. `mode` makes it fail to load or hang on a job.
 */
class FakeWorker extends EventTarget {
  static instances: FakeWorker[] = []
  static mode: 'serve' | 'fail-to-load' | 'hang' = 'serve'
  static job: OffThreadJob<unknown, unknown> = double as OffThreadJob<unknown, unknown>
  terminated = false
  received: ToWorker[] = []
  transferred: Transferable[][] = []

  readonly url: string
  readonly options: WorkerOptions

  constructor(url: string, options: WorkerOptions) {
    super()
    this.url = url
    this.options = options
    FakeWorker.instances.push(this)
    setTimeout(() => {
      if (FakeWorker.mode === 'fail-to-load') this.dispatchEvent(new Event('error'))
      else this.reply({ ready: true })
    })
  }

  postMessage(message: ToWorker, transfer: Transferable[] = []) {
    this.received.push(message)
    this.transferred.push(transfer)
    if (FakeWorker.mode === 'hang') return
    setTimeout(async () => {
      if (this.terminated) return
      try {
        const { value } = await FakeWorker.job(message.input)
        this.reply({ id: message.id, ok: true, value })
      } catch (error) {
        this.reply({ id: message.id, ok: false, error: plainErrorCodec.encode(error) })
      }
    })
  }

  terminate() {
    this.terminated = true
  }

  private reply(data: FromWorker) {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }))
  }
}

function runner(loadInline = vi.fn(async () => double)) {
  return {
    loadInline,
    run: createOffThreadRunner({ name: 'test', workerUrl: '/assets/test.worker.js', loadInline }),
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  FakeWorker.instances = []
  FakeWorker.mode = 'serve'
})

describe('createOffThreadRunner without workers (jsdom, Node)', () => {
  it('runs the same job inline', async () => {
    vi.stubGlobal('Worker', undefined)
    const { run, loadInline } = runner()
    await expect(run.run(21)).resolves.toBe(42)
    expect(loadInline).toHaveBeenCalledOnce()
  })

  it("rejects with the job's own error", async () => {
    vi.stubGlobal('Worker', undefined)
    await expect(runner().run.run(-1)).rejects.toThrow(RangeError)
  })

  it('rejects an aborted run with the abort reason, before or after the job', async () => {
    vi.stubGlobal('Worker', undefined)
    const controller = new AbortController()
    controller.abort()
    await expect(runner().run.run(1, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    })

    const late = new AbortController()
    const slow: OffThreadJob<number, number> = async (input) => {
      late.abort()
      return { value: input }
    }
    const { run } = runner(vi.fn(async () => slow))
    await expect(run.run(1, { signal: late.signal })).rejects.toMatchObject({
      name: 'AbortError',
    })
  })
})

describe('createOffThreadRunner with workers', () => {
  it('runs the job in a module worker and moves the listed buffers to it', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const { run, loadInline } = runner()
    const buffer = new ArrayBuffer(8)
    await expect(run.run(5, { transfer: [buffer] })).resolves.toBe(10)
    const [worker] = FakeWorker.instances
    expect(worker?.url).toBe('/assets/test.worker.js')
    expect(worker?.options).toMatchObject({ type: 'module', name: 'test' })
    expect(worker?.transferred[0]).toEqual([buffer])
    expect(loadInline).not.toHaveBeenCalled()
  })

  it('reuses one warm worker for the next run', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const { run } = runner()
    run.warmUp()
    expect(FakeWorker.instances).toHaveLength(1)
    await run.run(1)
    await run.run(2)
    expect(FakeWorker.instances).toHaveLength(1)
    expect(FakeWorker.instances[0]?.received).toHaveLength(2)
  })

  it('gives concurrent runs a worker each', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const { run } = runner()
    await expect(Promise.all([run.run(1), run.run(2), run.run(3)])).resolves.toEqual([2, 4, 6])
    expect(FakeWorker.instances).toHaveLength(3)
    // One stays warm; the others end.
    expect(FakeWorker.instances.filter((worker) => !worker.terminated)).toHaveLength(1)
  })

  it('decodes a failure with the codec', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const error = await runner()
      .run.run(-1)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).name).toBe('RangeError')
    expect((error as Error).message).toBe('negative')
  })

  it('ends the worker of an aborted run, and the next run gets a new one', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    FakeWorker.mode = 'hang'
    const { run } = runner()
    const controller = new AbortController()
    const pending = run.run(1, { signal: controller.signal })
    await vi.waitFor(() => expect(FakeWorker.instances[0]?.received).toHaveLength(1))
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(FakeWorker.instances[0]?.terminated).toBe(true)

    FakeWorker.mode = 'serve'
    await expect(run.run(4)).resolves.toBe(8)
    expect(FakeWorker.instances).toHaveLength(2)
  })

  it('falls back to inline, for good, when the worker cannot load', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    FakeWorker.mode = 'fail-to-load'
    const { run, loadInline } = runner()
    await expect(run.run(3)).resolves.toBe(6)
    await expect(run.run(4)).resolves.toBe(8)
    expect(loadInline).toHaveBeenCalledTimes(2)
    expect(FakeWorker.instances).toHaveLength(1)
  })

  it('falls back to inline when the Worker constructor throws (a policy refusing it)', async () => {
    vi.stubGlobal(
      'Worker',
      class RefusedWorker extends EventTarget {
        constructor() {
          super()
          throw new TypeError('refused')
        }
      },
    )
    const { run, loadInline } = runner()
    await expect(run.run(3)).resolves.toBe(6)
    expect(loadInline).toHaveBeenCalledOnce()
  })
})
