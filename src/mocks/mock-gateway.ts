import { delay, getResponse, http, HttpResponse, type HttpHandler, type RequestHandler } from 'msw'
import { API_BASE } from './api-route'
import {
  getMockSettings,
  resolveErrorRate,
  resolveLatency,
  MOCK_SETTINGS_STORAGE_KEY,
} from './mock-settings'
import { problem, ProblemError } from './problem'

/**
 * The one place where the mock stops being a perfect server: latency, injected 503s and
 * schema-breaking answers are applied here, in front of every endpoint, never inside one.
 * It also answers unknown API paths with a 404 problem, as the real server would.
 *
 * Sign-in is delayed but never faulted, so a demo set to fail half its requests can still
 * be entered.
 */
export function createMockGateway(endpoints: readonly RequestHandler[]): HttpHandler {
  return http.all(`${API_BASE}/*`, async ({ request }) => {
    const url = new URL(request.url)
    const settings = getMockSettings()
    const environment = url.searchParams.get('environment')
    const latency = resolveLatency(settings, environment)
    if (latency > 0) await delay(latency)

    const faultable = !url.pathname.endsWith('/auth/login')
    const errorRate = resolveErrorRate(settings, environment)
    if (faultable && errorRate > 0 && Math.random() < errorRate) {
      return problem(
        503,
        `Injected fault: the mock server fails ${Math.round(errorRate * 100)} % of requests ` +
          `(errorRate or errorRateByEnvironment in localStorage['${MOCK_SETTINGS_STORAGE_KEY}']).`,
        { 'Retry-After': '1', 'X-Mock-Fault': 'error' },
      )
    }

    let response: Response | undefined
    try {
      response = await getResponse([...endpoints], request)
    } catch (error) {
      if (error instanceof ProblemError) return error.toResponse()
      throw error
    }
    if (!response) {
      return problem(404, `No endpoint ${request.method} ${url.pathname}.`)
    }

    if (
      faultable &&
      response.status === 200 &&
      settings.malformedRate > 0 &&
      Math.random() < settings.malformedRate &&
      response.headers.get('Content-Type')?.startsWith('application/json')
    ) {
      return malformed(response)
    }
    return response
  })
}

/**
 * Breaks the body the way a buggy or newer server might: the first row (or the body itself)
 * loses a required field and another field changes type. Still valid JSON, so what the UI
 * shows is its schema validation, not a parse error.
 */
async function malformed(response: Response): Promise<Response> {
  const body: unknown = await response.json()
  return HttpResponse.json(breakFirstRow(body), {
    status: 200,
    headers: { 'X-Mock-Fault': 'malformed' },
  })
}

function breakFirstRow(body: unknown): Record<string, unknown> | unknown[] | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null
  const record = body as Record<string, unknown>
  const items = record.items
  if (Array.isArray(items) && isRecord(items[0])) {
    return { ...record, items: [breakRow(items[0]), ...items.slice(1)] }
  }
  return breakRow(record)
}

function breakRow(row: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(row)
  const dropped = keys.includes('tenantId') ? 'tenantId' : keys[0]
  const entries = Object.entries(row).filter(([key]) => key !== dropped)
  const [retyped] = entries
  if (retyped) retyped[1] = typeof retyped[1] === 'number' ? 'not-a-number' : 42
  return Object.fromEntries(entries)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}
