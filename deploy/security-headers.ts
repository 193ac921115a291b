/**
 * The response headers a production deploy of `dist/` sends, written down once.
 *
 * - `deploy/nginx.conf` sends them; `e2e/deploy-nginx.spec.ts` runs that config and checks
 *   every response against these values, and that `docs/deploy.md` lists them unchanged.
 * - `vite preview` sends them too (vite.config.ts), so every end-to-end test runs the
 *   production-style bundle under exactly this policy.
 */

/**
 * Nothing but the app's own origin, no inline script or style, no eval, and Trusted Types:
 * the bundle never builds HTML or script URLs from strings. `worker-src 'self'` lets the mock
 * build register its service worker (`mockServiceWorker.js`).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ')

/** Sent with every response, documents and assets alike. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const

export const CACHE_CONTROL = {
  /** `/assets/*`: the file name carries a content hash, so a name never changes content. */
  hashedAsset: 'public, max-age=31536000, immutable',
  /** `index.html` and the SPA fallback: revalidate every time, so a deploy is seen at once. */
  document: 'no-cache',
} as const
