import type { AuditEntry } from '@/lib/api/types'
import { authenticate, type Principal } from '../auth/auth-tokens'
import { badRequest, ProblemError, unsupportedMediaType } from '../problem'
import { appendAudit } from '../tenant-state/tenant-state'

/**
 * The common rules of every write, in the order the server applies them: the token (401, not
 * audited: there is nobody to name), then the handler's own checks (role, body, existence,
 * conflicts), every outcome recorded in the tenant's audit log: a 403 as `denied`, any other
 * refusal as `failed`, with the problem's detail.
 */

type AuditAction = AuditEntry['action']

export interface AuditNote {
  /** What the write acts on; a handler sets it as soon as it knows (e.g. after reading the body). */
  target: string
  /** The environment acted on; null for tenant-wide actions (administration). */
  environment: string | null
  /** What changed, for a success. */
  detail: string | null
}

export async function auditedWrite(
  request: Request,
  action: AuditAction,
  initial: Partial<AuditNote>,
  write: (principal: Principal, note: AuditNote) => Response | Promise<Response>,
): Promise<Response> {
  const principal = await authenticate(request)
  const note: AuditNote = { target: '', environment: null, detail: null, ...initial }
  const record = (outcome: AuditEntry['outcome'], detail: string | null) =>
    appendAudit(principal.tenant, {
      environment: note.environment,
      actor: { userId: principal.userId, name: principal.name },
      action,
      target: note.target,
      outcome,
      detail,
    })
  try {
    const response = await write(principal, note)
    record('success', note.detail)
    return response
  } catch (error) {
    if (error instanceof ProblemError) {
      record(error.status === 403 ? 'denied' : 'failed', error.detail)
    }
    throw error
  }
}

/** A JSON object body (415 for another media type, 400 for anything but an object). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('Content-Type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw unsupportedMediaType(
      `The body must be application/json${type ? `, not ${type.slice(0, 60)}` : ''}.`,
    )
  }
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw badRequest('The body is not valid JSON.')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('The body must be a JSON object.')
  }
  return body as Record<string, unknown>
}

/** Unknown and server-owned members are refused, each named. */
export function checkMembers(
  body: Record<string, unknown>,
  allowed: readonly string[],
  serverOwned: readonly string[],
): void {
  for (const member of Object.keys(body)) {
    if (serverOwned.includes(member)) {
      throw badRequest(`${member} is set by the server and cannot be sent.`)
    }
    if (!allowed.includes(member)) throw badRequest(`Unknown member ${member.slice(0, 60)}.`)
  }
}

export function requireMember(body: Record<string, unknown>, member: string): unknown {
  if (!(member in body)) throw badRequest(`${member} is required.`)
  return body[member]
}
