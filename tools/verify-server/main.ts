import { parseArgs } from 'node:util'
import { ProbeClient } from './probe-client'
import { runProbe } from './probe'
import { exitStatus, formatJson, formatLine, formatSummary, summarize } from './report'

/**
 * `npm run verify-server -- --url <base> [--json] [--login user] [--other-login user]`
 *
 * Credentials come from the environment only, never from arguments (which end up in shell
 * history and process lists): CAMELEER_TOKEN and CAMELEER_OTHER_TOKEN, or `--login` /
 * `--other-login` with CAMELEER_PASSWORD / CAMELEER_OTHER_PASSWORD (defaulting to
 * CAMELEER_PASSWORD) for servers with /auth/login. Exit status: 0 when no check failed, 1 when
 * one did, 2 for a usage error (nothing was checked).
 */
export async function main(args: string[]): Promise<number> {
  let values
  try {
    values = parseArgs({
      args,
      options: {
        url: { type: 'string' },
        json: { type: 'boolean', default: false },
        login: { type: 'string' },
        'other-login': { type: 'string' },
        'timeout-ms': { type: 'string', default: '10000' },
        help: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    console.log(usage)
    return 0
  }
  if (!values.url) return usageError('--url <base> is required, e.g. --url http://127.0.0.1:8081')
  let client: ProbeClient
  try {
    const timeoutMs = Number(values['timeout-ms'])
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
      throw new Error('--timeout-ms must be a positive integer')
    client = new ProbeClient(values.url, timeoutMs)
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error))
  }

  const env = process.env
  const secrets = [
    env.CAMELEER_TOKEN,
    env.CAMELEER_OTHER_TOKEN,
    env.CAMELEER_PASSWORD,
    env.CAMELEER_OTHER_PASSWORD,
  ].filter((value): value is string => !!value)
  let token: string | null
  let otherToken: string | null
  try {
    token = await credential(
      client,
      values.login,
      env.CAMELEER_PASSWORD,
      env.CAMELEER_TOKEN,
      'CAMELEER_PASSWORD',
    )
    otherToken = await credential(
      client,
      values['other-login'],
      env.CAMELEER_OTHER_PASSWORD ?? env.CAMELEER_PASSWORD,
      env.CAMELEER_OTHER_TOKEN,
      'CAMELEER_OTHER_PASSWORD or CAMELEER_PASSWORD',
    )
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error), secrets)
  }
  if (token === null)
    return usageError(
      'no credentials: set CAMELEER_TOKEN, or use --login <user> with CAMELEER_PASSWORD',
    )
  secrets.push(token)
  if (otherToken) secrets.push(otherToken)

  if (!values.json) console.log(`Probing ${client.apiBase}`)
  const results = await runProbe({
    client,
    token,
    otherToken,
    onResult: values.json ? undefined : (result) => console.log(formatLine(result, secrets)),
  })
  if (values.json) {
    console.log(formatJson(client.apiBase, results, secrets))
  } else {
    console.log(`\n${client.requestCount} requests`)
    console.log(formatSummary(summarize(results)))
  }
  return exitStatus(results)
}

/** `--login user` (password from the environment) wins over a token variable. */
async function credential(
  client: ProbeClient,
  username: string | undefined,
  password: string | undefined,
  token: string | undefined,
  passwordVariable: string,
): Promise<string | null> {
  if (username === undefined) return token || null
  if (!password) {
    throw new Error(`--login/--other-login ${username} needs the password in ${passwordVariable}`)
  }
  return client.login(username, password)
}

function usageError(message: string, secrets: string[] = []): number {
  let text = message
  for (const secret of secrets) text = text.split(secret).join('[redacted]')
  console.error(`verify-server: ${text}\n\n${usage}`)
  return 2
}

const usage = `usage: npm run verify-server -- --url <base> [--json] [--login <user>] [--other-login <user>] [--timeout-ms 10000]

  CAMELEER_TOKEN          a user token of tenant A (or --login <user> with CAMELEER_PASSWORD)
  CAMELEER_OTHER_TOKEN    optional: a user of another tenant, or of tenant A with a narrower
                          envs claim (or --other-login <user> with CAMELEER_OTHER_PASSWORD,
                          defaulting to CAMELEER_PASSWORD)

Exit status 0 when no check failed, 1 when one did, 2 for a usage error.
See docs/verify-server.md.`
