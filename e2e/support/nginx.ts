import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Runs the example deploy config (deploy/nginx.conf) for real: nginx on a free loopback port,
 * everything it writes (pid, logs, temp files) in a temp dir, in the foreground, serving a
 * built dist/ and proxying /api/v1 to a stand-in Cameleer3 server started here.
 */

export const REPO_ROOT = resolve(import.meta.dirname, '../..')
export const DEPLOY_CONFIG = join(REPO_ROOT, 'deploy/nginx.conf')

const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']
const MIME_TYPES = '/etc/nginx/mime.types'

function findNginx(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim()
  const found = [onPath, ...NGINX_CANDIDATES].find((path) => path && existsSync(path))
  if (!found) {
    throw new Error(
      'nginx is not installed: the deploy config test needs it (Debian: apt-get install nginx)',
    )
  }
  return found
}

export async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  await new Promise((done) => server.close(done))
  if (!address || typeof address === 'string') throw new Error('no port from the OS')
  return address.port
}

/**
 * The deploy config with only its three "site:" lines changed. Each must be found exactly
 * once: if the file is restructured, this fails instead of silently testing something else.
 */
export function siteConfigFor(
  config: string,
  site: { port: number; root: string; upstreamPort: number },
): string {
  const rewrites: [RegExp, string][] = [
    [/^([ \t]*)listen[ \t]+[^;\n]+;.*$/gm, `$1listen 127.0.0.1:${site.port};`],
    [/^([ \t]*)root[ \t]+[^;\n]+;.*$/gm, `$1root ${site.root};`],
    [/^([ \t]*)server[ \t]+[^;\n]+;[ \t]*# site:.*$/gm, `$1server 127.0.0.1:${site.upstreamPort};`],
  ]
  return rewrites.reduce((text, [pattern, replacement]) => {
    const matches = text.match(pattern)?.length ?? 0
    if (matches !== 1) {
      throw new Error(`deploy/nginx.conf: expected one line matching ${pattern}, found ${matches}`)
    }
    return text.replace(pattern, replacement)
  }, config)
}

export interface UpstreamRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** The stand-in Cameleer3 server: records what reaches it and answers like the contract. */
export async function startUpstream(): Promise<{
  port: number
  requests: UpstreamRequest[]
  close: () => Promise<void>
}> {
  const requests: UpstreamRequest[] = []
  const server = createHttpServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      })
      if (request.url?.startsWith('/api/v1/auth/login')) {
        response.writeHead(401, { 'Content-Type': 'application/problem+json' })
        response.end(
          JSON.stringify({
            type: 'about:blank',
            title: 'Unauthorized',
            status: 401,
            detail: 'Wrong username or password',
          }),
        )
        return
      }
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Cache-Control': 'private, no-store',
        'X-Stand-In-Server': 'cameleer3',
      })
      response.end(JSON.stringify({ items: [], nextCursor: null }))
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port for the upstream')
  return {
    port: address.port,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  }
}

export interface RunningNginx {
  baseURL: string
  stop: () => Promise<void>
}

/** Starts nginx in the foreground with deploy/nginx.conf serving `root`; resolves once it answers. */
export async function startNginx(root: string, upstreamPort: number): Promise<RunningNginx> {
  const nginx = findNginx()
  const dir = await mkdtemp(join(tmpdir(), 'cameleer3-nginx-'))
  // Workers run as another user when nginx is started by root: let them into the temp dir.
  await chmod(dir, 0o755)
  const port = await freePort()
  const site = siteConfigFor(await readFile(DEPLOY_CONFIG, 'utf8'), { port, root, upstreamPort })
  await writeFile(join(dir, 'cameleer3-ui.conf'), site)
  // What the stock /etc/nginx/nginx.conf provides around a conf.d file, minus every path
  // outside the temp dir (except the read-only mime.types).
  const runningAsRoot = process.getuid?.() === 0
  await writeFile(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      runningAsRoot ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      `  include ${MIME_TYPES};`,
      '  default_type application/octet-stream;',
      `  access_log ${dir}/access.log;`,
      `  client_body_temp_path ${dir}/client-body;`,
      `  proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi;`,
      `  uwsgi_temp_path ${dir}/uwsgi;`,
      `  scgi_temp_path ${dir}/scgi;`,
      `  include ${dir}/cameleer3-ui.conf;`,
      '}',
      '',
    ].join('\n'),
  )

  let output = ''
  const child: ChildProcess = spawn(
    nginx,
    ['-p', `${dir}/`, '-c', `${dir}/nginx.conf`, '-e', `${dir}/error.log`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))

  const errorLog = async () => readFile(join(dir, 'error.log'), 'utf8').catch(() => '')
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT') // graceful shutdown; the workers go with the master
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timeout)
    }
    await rm(dir, { recursive: true, force: true })
  }

  const baseURL = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const log = await errorLog()
      await stop()
      throw new Error(`nginx exited with ${child.exitCode}:\n${output}\n${log}`)
    }
    try {
      await fetch(`${baseURL}/`)
      return { baseURL, stop }
    } catch {
      await new Promise((done) => setTimeout(done, 100))
    }
  }
  const log = await errorLog()
  await stop()
  throw new Error(`nginx did not answer on ${baseURL} within 15 s:\n${output}\n${log}`)
}

/**
 * dist/ as `npm run build` leaves it (CI builds it before the tests); built here with the
 * same Vite production build when it is missing, so `npm test` works from a fresh clone.
 */
export function ensureProductionBuild(): string {
  const dist = join(REPO_ROOT, 'dist')
  if (existsSync(join(dist, 'index.html'))) return dist
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js')
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', 'production'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`)
  }
  return dist
}
