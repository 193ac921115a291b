import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { JsonReport } from './report'

/**
 * The mock server and the probe as real child processes, started exactly as their npm
 * scripts start them. Not in-process on purpose: Vitest's setup file runs MSW's Node
 * interceptor in the test process, which would answer the probe's requests itself and never
 * reach the HTTP server under test.
 */

const root = fileURLToPath(new URL('../..', import.meta.url))
const runTool = fileURLToPath(new URL('../run-tool.ts', import.meta.url))

/** The child's environment: nothing of the caller's credentials or break settings. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(CAMELEER_|MOCK_|VITE_MOCK_)/.test(name),
  )
  return { ...Object.fromEntries(inherited), ...extra }
}

export interface MockServerProcess {
  url: string
  /** Everything it printed so far (the request log). */
  output(): string
  stop(): Promise<void>
}

/** Starts `npm run mock:server` on a free port and resolves once it listens. */
export function startMockServer(
  env: Record<string, string> = {},
  args: string[] = ['--quiet'],
): Promise<MockServerProcess> {
  const child = spawn(
    process.execPath,
    [runTool, 'tools/mock-server/main.ts', '--port', '0', ...args],
    {
      cwd: root,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`the mock server did not start within 15 s:\n${output}`))
    }, 15_000)
    const onData = () => {
      const url = /listening on (http:\/\/[^\s/]+)/.exec(output)?.[1]
      if (!url) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      resolve({ url, output: () => output, stop: () => stop(child) })
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the mock server exited with ${code}:\n${output}`))
    })
  })
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export interface ProbeRun {
  exitCode: number | null
  stdout: string
  stderr: string
}

/** Runs `npm run verify-server -- <args>` with the given environment. */
export function runVerifyServer(args: string[], env: Record<string, string>): Promise<ProbeRun> {
  const child = spawn(process.execPath, [runTool, 'tools/verify-server/main.ts', ...args], {
    cwd: root,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve) => {
    child.once('exit', (exitCode) => resolve({ exitCode, stdout, stderr }))
  })
}

/**
 * The demo pair that lets every check run: dev@acme (envs dev + staging, so the 403 check has
 * an environment outside its claim) and admin@beta (another tenant, for isolation).
 */
export async function probeAsDemoUsers(
  url: string,
): Promise<{ run: ProbeRun; report: JsonReport }> {
  const run = await runVerifyServer(
    ['--url', url, '--json', '--login', 'dev@acme', '--other-login', 'admin@beta'],
    { CAMELEER_PASSWORD: 'demo' },
  )
  let report: JsonReport
  try {
    report = JSON.parse(run.stdout) as JsonReport
  } catch {
    throw new Error(
      `verify-server printed no JSON report (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`,
    )
  }
  return { run, report }
}
