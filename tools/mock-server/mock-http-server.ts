import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { handlers } from '@/mocks/handlers'
import {
  applyBreakMode,
  withVariant,
  type BreakMode,
  type Resolve,
  type Variant,
} from './break-modes'

/**
 * The MSW mock over plain HTTP: each Node request becomes a Fetch `Request`, is answered by
 * the very handler list the browser and Vitest use (`handlers`: the gateway with latency and
 * fault injection in front of every endpoint) through msw's `getResponse()`, and the Fetch
 * `Response` is written back. No interception and no service worker: msw only matches and
 * resolves. (`@mswjs/http-middleware` does the same over Express 4; this is the few lines it
 * would save, without Express.)
 */

export interface MockHttpServerOptions {
  port: number
  host: string
  /** A deliberate contract violation for the probe's own tests; `null` in normal use. */
  breakMode: BreakMode | null
  /** Answers within the contract but unlike the mock, for the probe's own tests; `[]` normally. */
  variants?: readonly Variant[]
  /** One line per request; `null` for silence. */
  log: ((line: string) => void) | null
}

export interface RunningMockServer {
  /** e.g. `http://127.0.0.1:8081` */
  url: string
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1_000_000

export async function startMockHttpServer(
  options: MockHttpServerOptions,
): Promise<RunningMockServer> {
  const server = createServer((incoming, outgoing) => {
    const started = performance.now()
    outgoing.on('finish', () => {
      const ms = Math.round(performance.now() - started)
      options.log?.(
        `${incoming.method ?? '?'} ${loggablePath(incoming.url)} ${outgoing.statusCode} ${ms} ms`,
      )
    })
    void answer(incoming, outgoing, options).catch((error: unknown) => {
      if (!outgoing.headersSent) {
        writeText(outgoing, 500, `Mock server error: ${describe(error)}`)
      } else {
        outgoing.destroy()
      }
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

async function answer(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  { breakMode, variants = [] }: MockHttpServerOptions,
): Promise<void> {
  const body = await readBody(incoming)
  if (body === 'too-large') {
    writeText(outgoing, 413, `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`)
    return
  }
  const request = toFetchRequest(incoming, body)
  const resolve = variants.reduce<Resolve>(
    (inner, variant) => withVariant(variant, inner),
    (next) => getResponse(handlers, next),
  )
  const response = breakMode
    ? await applyBreakMode(breakMode, request, resolve)
    : await resolve(request)
  if (!response) {
    writeText(outgoing, 404, 'Not found: the mock server serves /api/v1/* only.')
    return
  }
  await writeFetchResponse(outgoing, response)
}

function toFetchRequest(incoming: IncomingMessage, body: Buffer | null): Request {
  // The Host header names this server, so absolute URLs the handlers build point back here.
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? 'localhost'}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const method = incoming.method ?? 'GET'
  return new Request(url, {
    method,
    headers,
    body: body && method !== 'GET' && method !== 'HEAD' ? new Uint8Array(body) : null,
  })
}

async function readBody(incoming: IncomingMessage): Promise<Buffer | null | 'too-large'> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of incoming) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY_BYTES) return 'too-large'
    chunks.push(buffer)
  }
  return chunks.length ? Buffer.concat(chunks) : null
}

async function writeFetchResponse(outgoing: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return
    headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) headers['set-cookie'] = cookies
  const body = Buffer.from(await response.arrayBuffer())
  headers['content-length'] = String(body.length)
  outgoing.writeHead(response.status, headers)
  outgoing.end(body)
}

function writeText(outgoing: ServerResponse, status: number, text: string): void {
  outgoing.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  outgoing.end(text)
}

/**
 * The path and query as logged. Tokens travel in the Authorization header only (never
 * logged); a query parameter that looks like a credential is masked all the same, in case a
 * client puts one there by mistake.
 */
export function loggablePath(raw: string | undefined): string {
  const url = new URL(raw ?? '/', 'http://mock.invalid')
  for (const name of [...url.searchParams.keys()]) {
    if (/token|password|secret|key/i.test(name)) url.searchParams.set(name, '***')
  }
  return `${url.pathname}${url.search}`
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
