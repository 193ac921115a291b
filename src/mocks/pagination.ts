import { base64url } from 'jose'
import { hashString } from './random'
import { badRequest } from './problem'

/**
 * Opaque cursors. A cursor carries a position and a fingerprint of the filters it was issued
 * for, so a client that reuses one with other filters gets a 400 instead of a silently wrong
 * page (as the OpenAPI document requires).
 */

export type CursorPosition = Record<string, string | number>

interface CursorPayload {
  v: 1
  f: string
  p: CursorPosition
}

const fingerprint = (filters: string) => hashString(filters).toString(36)

export function encodeCursor(filters: string, position: CursorPosition): string {
  const payload: CursorPayload = { v: 1, f: fingerprint(filters), p: position }
  return base64url.encode(JSON.stringify(payload))
}

/** `null` for the first page; throws a 400 ProblemError for a cursor it cannot honour. */
export function decodeCursor(raw: string | null, filters: string): CursorPosition | null {
  if (raw === null || raw === '') return null
  let payload: unknown
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(raw)))
  } catch {
    throw badRequest('The cursor is malformed: pass nextCursor from the previous page verbatim.')
  }
  if (!isCursorPayload(payload)) {
    throw badRequest('The cursor is malformed: pass nextCursor from the previous page verbatim.')
  }
  if (payload.f !== fingerprint(filters)) {
    throw badRequest('The cursor was issued for other filters; start again without a cursor.')
  }
  return payload.p
}

function isCursorPayload(value: unknown): value is CursorPayload {
  if (!value || typeof value !== 'object') return false
  const record = value as Record<string, unknown>
  if (record.v !== 1 || typeof record.f !== 'string') return false
  const position = record.p
  if (!position || typeof position !== 'object' || Array.isArray(position)) return false
  return Object.values(position).every(
    (item) => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)),
  )
}
