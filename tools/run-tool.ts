/**
 * Runs one of the repository's TypeScript tools (`tools/…/main.ts`) on Node, through Vite's
 * module runner: the tools import the app's own modules (the MSW handlers, the response
 * validators and the generated JSON Schemas), which use the `@/` alias, extension-less imports
 * and JSON imports that Node's own TypeScript support does not resolve. Vite resolves them
 * exactly as in the dev server and Vitest, without a build step or another loader dependency.
 *
 * Usage: `node tools/run-tool.ts <entry.ts> [args…]`. The entry exports
 * `main(args): Promise<number | undefined>`; a number becomes the exit status, `undefined`
 * leaves the process running (a server).
 *
 * Runs on Node's own TypeScript support (erasable syntax only), so no imports from `src/`.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

interface ToolModule {
  main(args: string[]): Promise<number | undefined>
}

const root = fileURLToPath(new URL('..', import.meta.url))
const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node tools/run-tool.ts <entry.ts> [args…]')
  process.exit(2)
}

const { module } = await runnerImport<ToolModule>(resolve(process.cwd(), entry), {
  root,
  logLevel: 'error',
  resolve: { alias: { '@': resolve(root, 'src') } },
})
const status = await module.main(args)
if (typeof status === 'number') process.exitCode = status
