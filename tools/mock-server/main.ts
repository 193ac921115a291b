import { parseArgs } from 'node:util'
import { BREAK_MODES, parseBreakMode, parseVariants, VARIANTS } from './break-modes'
import { startMockHttpServer } from './mock-http-server'

/**
 * `npm run mock:server [-- --port 8081 --host 127.0.0.1]`: the MSW mock as a plain HTTP
 * server for curl, agents, the SaaS platform, `npm run verify-server` and
 * `CAMELEER_API_URL=http://127.0.0.1:8081 npm run dev`. Same demo tenants, users and data as
 * the browser mock; latency and faults from MOCK_LATENCY_MS, MOCK_ERROR_RATE and
 * MOCK_MALFORMED_RATE (src/mocks/mock-settings.ts); MOCK_BREAK for deliberate contract bugs,
 * MOCK_VARIANT for answers within the contract but unlike the mock's.
 */
export async function main(args: string[]): Promise<number | undefined> {
  let options
  try {
    options = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '8081' },
        host: { type: 'string', default: '127.0.0.1' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    return 2
  }
  if (options.help) {
    console.log(usage)
    return 0
  }
  const port = Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be an integer 0–65535; got "${options.port}".`)
    return 2
  }
  let breakMode
  let variants
  try {
    breakMode = parseBreakMode(process.env.MOCK_BREAK)
    variants = parseVariants(process.env.MOCK_VARIANT)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    return 2
  }

  let server
  try {
    server = await startMockHttpServer({
      port,
      host: options.host,
      breakMode,
      variants,
      log: options.quiet ? null : (line) => console.log(`${new Date().toISOString()} ${line}`),
    })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    console.error(
      code === 'EADDRINUSE'
        ? `${options.host}:${port} is already in use; pick another with --port.`
        : `could not listen on ${options.host}:${port}: ${error instanceof Error ? error.message : error}`,
    )
    return 1
  }
  // The test harness reads this line for the URL (port 0 picks a free port).
  console.log(`mock server listening on ${server.url}/api/v1`)
  if (breakMode)
    console.log(`MOCK_BREAK=${breakMode}: this server violates the contract on purpose`)
  if (variants.length)
    console.log(`MOCK_VARIANT=${variants.join(',')}: answers within the contract, unlike the mock`)

  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  // No exit status: the process keeps serving until a signal stops it.
  return undefined
}

const usage = `npm run mock:server [-- --port 8081] [--host 127.0.0.1] [--quiet]

Serves /api/v1/* from the MSW mock handlers (demo users admin@acme, dev@acme, admin@beta,
user@default; password demo). Environment: MOCK_LATENCY_MS, MOCK_ERROR_RATE,
MOCK_MALFORMED_RATE; MOCK_BREAK=${BREAK_MODES.join('|')} breaks the contract on purpose;
MOCK_VARIANT=${VARIANTS.join(',')} answers within the contract but unlike the mock.`
