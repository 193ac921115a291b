/**
 * Where to go after signing in. Only same-origin app paths are accepted: a hostile
 * `?next=https://evil.example` or `//evil.example` falls back to the default page.
 */
export function safeReturnPath(value: string | null | undefined, fallback = '/overview'): string {
  if (!value || value.length > 2000) return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  if (value.startsWith('/login')) return fallback
  try {
    const url = new URL(value, 'https://app.invalid')
    if (url.origin !== 'https://app.invalid') return fallback
    // The parser removes dot segments (`/.//evil` → `//evil`): check what it produced too.
    if (url.pathname.startsWith('//') || /^\/login(\/|$)/i.test(url.pathname)) return fallback
    return `${url.pathname}${url.search}`
  } catch {
    return fallback
  }
}
