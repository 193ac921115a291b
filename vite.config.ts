/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { msw } from 'msw/vite'
import { defineConfig } from 'vite'
import { SECURITY_HEADERS } from './deploy/security-headers.ts'

/**
 * Three ways this app is built or served:
 * - `npm run dev`: dev server on the MSW mock (the default), or, with CAMELEER_API_URL set,
 *   against a real server through a proxy (mocks off).
 * - `npm run build:mock` (mode "mock"): a production-style bundle that still starts the mock;
 *   this is what Playwright and the benchmarks run against.
 * - `npm run build` (mode "production"): the deployable bundle. `__MOCKS__` is `false`, so
 *   the mock import is dead code and neither it nor the service worker is emitted.
 */
export default defineConfig(({ command, mode }) => {
  const apiTarget = process.env.CAMELEER_API_URL
  const mocksEnabled =
    mode === 'mock' || (command === 'serve' && mode === 'development' && !apiTarget)

  return {
    plugins: [react(), msw()],
    define: {
      __MOCKS__: JSON.stringify(mocksEnabled),
    },
    resolve: {
      alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
    },
    server: {
      port: 5173,
      proxy: apiTarget ? { '/api': { target: apiTarget, changeOrigin: true } } : undefined,
    },
    // The production headers, CSP included: everything served by `vite preview` (and so every
    // end-to-end test) runs under the policy a real deploy sends. Not on the dev server, whose
    // React Refresh preamble is an inline script.
    preview: { port: 4173, strictPort: true, headers: SECURITY_HEADERS },
    build: {
      outDir: mode === 'mock' ? 'dist-mock' : 'dist',
      sourcemap: mode === 'mock',
      // Leave headroom for lazily loaded chart/diagram chunks without noisy warnings;
      // the real budget is enforced by `npm run bench` (see docs/benchmarks.md).
      chunkSizeWarningLimit: 600,
      // Every browser this app supports has native modulepreload; skip the polyfill's bytes.
      modulePreload: { polyfill: false },
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}', 'tools/**/*.test.ts'],
      restoreMocks: true,
      testTimeout: 15_000,
    },
  }
})
