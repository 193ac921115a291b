/// <reference types="vitest/config" />
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { msw } from 'msw/vite'
import { defineConfig, minifySync, type Plugin } from 'vite'
import { SECURITY_HEADERS } from './deploy/security-headers.ts'

/**
 * public/ is copied as it is, comments and all; public/theme-boot.js is a blocking script of
 * every first paint (it applies the theme before it), so builds ship it minified (964 → 467
 * bytes gzipped). Its name stays fixed: index.html names it, and no bundle imports it.
 */
function minifyThemeBoot(): Plugin {
  let outDir = ''
  return {
    name: 'cameleer3:minify-theme-boot',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    writeBundle() {
      const file = join(outDir, 'theme-boot.js')
      if (!existsSync(file)) return
      const result = minifySync('theme-boot.js', readFileSync(file, 'utf8'), {
        compress: true,
        mangle: true,
      })
      if (result.errors.length) throw new Error(`theme-boot.js: ${result.errors[0]?.message}`)
      writeFileSync(file, result.code)
    },
  }
}

/**
 * Three ways this app is built or served:
 * - `npm run dev`: dev server on the MSW mock (the default), or, with CAMELEER_API_URL set,
 *   against a real server through a proxy (mocks off).
 * - `npm run build:mock` (mode "mock"): a production-style bundle that still starts the mock;
 *   this is what Playwright runs against (the benchmarks measure the production bundle).
 * - `npm run build` (mode "production"): the deployable bundle. `__MOCKS__` is `false`, so
 *   the mock import is dead code and neither it nor the service worker is emitted.
 */
export default defineConfig(({ command, mode }) => {
  const apiTarget = process.env.CAMELEER_API_URL
  const mocksEnabled =
    mode === 'mock' || (command === 'serve' && mode === 'development' && !apiTarget)

  return {
    plugins: [react(), msw(), minifyThemeBoot()],
    define: {
      __MOCKS__: JSON.stringify(mocksEnabled),
    },
    resolve: {
      alias: [
        { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
        // The shim's fallback is for React < 18; on React 19 the plain build (which calls
        // React.useSyncExternalStore directly) does the same in fewer bytes. Used by
        // @tanstack/react-store (the agents table), zustand 4 (xyflow).
        {
          find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
          replacement: 'use-sync-external-store/with-selector.js',
        },
      ],
    },
    server: {
      port: 5173,
      proxy: apiTarget ? { '/api': { target: apiTarget, changeOrigin: true } } : undefined,
    },
    // The production headers, CSP included: everything served by `vite preview` (and so every
    // end-to-end test) runs under the policy a real deploy sends. Not on the dev server, whose
    // React Refresh preamble is an inline script.
    // With CAMELEER_API_URL, the production build previewed against a server (the benchmarks
    // measure the deployable bundle this way, against `npm run mock:server`).
    preview: {
      port: 4173,
      strictPort: true,
      headers: SECURITY_HEADERS,
      proxy: apiTarget ? { '/api': { target: apiTarget, changeOrigin: true } } : undefined,
    },
    build: {
      outDir: mode === 'mock' ? 'dist-mock' : 'dist',
      sourcemap: mode === 'mock',
      // Leave headroom for lazily loaded chart/diagram chunks without noisy warnings;
      // the real budget is enforced by `npm run bench` (see docs/benchmarks.md).
      chunkSizeWarningLimit: 600,
      // Every browser this app supports has native modulepreload; skip the polyfill's bytes.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // Everything the entry loads statically belongs in the entry chunk. Without this
              // group rolldown moves react + react/jsx-runtime (CommonJS, shared by many lazy
              // chunks) into a chunk of their own that every first visit must fetch anyway
              // (rolldown/rolldown#9331, #10731): one more request and ~0.7 kB gzipped of
              // cross-chunk imports and exports. '$initial' is exactly the entry's static
              // graph, entry module included, so this group becomes the entry chunk; lazily
              // loaded code is not '$initial' and keeps its own chunks.
              { name: 'index', tags: ['$initial'] },
              // Small modules the lazy views share (lucide's icon base and icons, the scope and
              // page-title hooks, the status badge, with-selector, react-query's
              // infiniteQueryOptions): left alone, each set of views sharing one gets a chunk of
              // its own, and /agents fetched seven of them under 0.5 kB gzipped (1.8 kB for
              // use-scope), each paying gzip and import/export overhead. One chunk for all of
              // them costs a view the few icons it does not draw; /agents saves ~0.7 kB.
              // minShareCount 2: a module one chunk alone uses stays in that chunk.
              {
                name: 'shared',
                test: /[\\/]lucide-react[\\/]|[\\/]src[\\/](environment[\\/]use-scope|environment[\\/]use-page-title|components[\\/]status-badge)\.tsx?$|[\\/]use-sync-external-store[\\/].*with-selector|[\\/]infiniteQueryOptions\.js$/,
                minShareCount: 2,
              },
              // The shareable-link helper (0.2 kB) would be a chunk of its own, shared by the
              // time-range controls, the logs page and the saved-views dialogs: it goes with
              // the controls, which every view that uses it loads anyway.
              // A view's URL state: its declaration helpers, the hook and the notice of ignored
              // link values. Every view that has one uses all three (three chunks otherwise).
              {
                name: 'url-state',
                test: /[\\/]src[\\/](lib[\\/]url-state[\\/][^/\\]+|components[\\/]ignored-link-values)\.tsx?$/,
                minShareCount: 2,
              },
              {
                name: 'time-range-controls',
                test: /[\\/]src[\\/](components[\\/]time-range-controls\.tsx|lib[\\/]shareable-url\.ts|lib[\\/]resources[\\/]range\.ts)$/,
                minShareCount: 2,
              },
            ],
          },
        },
      },
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
