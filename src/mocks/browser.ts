/// <reference types="msw/vite/client" />
import { handlers } from './handlers'

/**
 * Starts the mock in the browser (dev server, mock build, Playwright) through the MSW Vite
 * plugin's `virtual:msw` network. Anything that is not an API call (scripts, styles, fonts,
 * HMR) passes through silently. Resolve before the app's first request.
 */
export async function startMockServer(): Promise<void> {
  allowMockServiceWorkerUrl()
  const { network } = await import('virtual:msw')
  network.configure({ handlers, onUnhandledFrame: 'bypass' })
  await network.enable()
}

/** The part of the Trusted Types API used here (TypeScript's DOM library has none of it). */
interface TrustedTypesWindow {
  trustedTypes?: {
    defaultPolicy: unknown
    createPolicy(
      name: string,
      rules: { createScriptURL: (value: string) => string | null },
    ): unknown
  }
}

/**
 * Under the production policy (`require-trusted-types-for 'script'`, see
 * deploy/security-headers.ts) `navigator.serviceWorker.register()` is a Trusted Types sink, and
 * MSW hands it a plain string, which Chromium refuses. A default policy that lets through
 * exactly the mock's own worker URL, and nothing else, lets the mock build run under the policy
 * unchanged: any other script URL is still refused, and with no `createHTML`/`createScript` rule
 * so is every HTML or script string. The mock is never in the deployable build, nor is this.
 */
function allowMockServiceWorkerUrl(): void {
  const trustedTypes = (window as TrustedTypesWindow).trustedTypes
  // Without Trusted Types nothing is enforced; a second call (dev reloads) keeps the first policy.
  if (!trustedTypes || trustedTypes.defaultPolicy) return
  const workerUrl = new URL(`${import.meta.env.BASE_URL}mockServiceWorker.js`, location.href).href
  trustedTypes.createPolicy('default', {
    createScriptURL: (value) => (new URL(value, location.href).href === workerUrl ? value : null),
  })
}
