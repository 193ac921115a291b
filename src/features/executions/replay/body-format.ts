/**
 * What the replay's input body is meant to be, JSON, XML or plain text: what its Content-Type
 * header says (as edited), else what the captured body looks like, else what is typed. Kept
 * apart from the check (body-check.ts), which loads with the editor.
 */

export type BodyFormat = 'json' | 'xml' | 'text'

/** The format a Content-Type names (`application/json`, `text/xml`, `application/soap+xml`). */
function formatOfContentType(contentType: string | undefined): BodyFormat | null {
  if (!contentType) return null
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'application/json' || type.endsWith('+json')) return 'json'
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml'
  return null
}

function sniff(body: string | null | undefined): BodyFormat | null {
  const first = body?.trimStart()[0]
  if (first === '{' || first === '[') return 'json'
  if (first === '<') return 'xml'
  return null
}

/**
 * What the body is meant to be: what its Content-Type header says (as edited), else what the
 * captured body looks like, else what the text being typed looks like.
 */
export function bodyFormatFor(
  headers: Readonly<Record<string, string>>,
  captured: string | null,
  text: string,
): BodyFormat {
  const contentType = Object.entries(headers).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1]
  return formatOfContentType(contentType) ?? sniff(captured) ?? sniff(text) ?? 'text'
}
