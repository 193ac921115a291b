import { problemIssue } from '../evidence'
import type { Query } from '../probe-client'
import { failed, passed, skipped, spec, type Caller, type ProbeContext } from './context'

/**
 * `auth no-token|malformed-token|bad-signature`: without a verified token, `/me`,
 * `/environments` and `/agents` answer 401 with problem details.
 */
export async function checkAuthentication(ctx: ProbeContext, a: Caller): Promise<void> {
  const targets: [string, Query][] = [
    ['/me', {}],
    ['/environments', {}],
    ['/agents', { environment: a.claims.envs?.[0] ?? 'default' }],
  ]
  const cases: [string, string, string | null][] = [
    ['no-token', 'no token', null],
    ['malformed-token', 'a malformed token', 'not-a-jwt'],
    ['bad-signature', 'a token with a bad signature', withBadSignature(a.token)],
  ]
  for (const [id, words, token] of cases) {
    await ctx.check(
      spec(
        'auth',
        `auth ${id}`,
        null,
        null,
        `auth: ${words} → 401 with problem details (/me, /environments, /agents)`,
        targets.length,
      ),
      async (http) => {
        if (id === 'bad-signature' && token === null)
          return skipped('CAMELEER_TOKEN is not a JWT, so no badly signed copy can be made')
        const issues: string[] = []
        for (const [path, query] of targets) {
          const issue = problemIssue(await http.get(path, query, token), 401)
          if (issue) issues.push(issue)
        }
        return issues.length ? failed(issues.join('; ')) : passed()
      },
    )
  }
}

/** The same header and claims with another signature: the first signature character changed. */
function withBadSignature(token: string): string | null {
  const parts = token.split('.')
  const signature = parts[2]
  if (parts.length !== 3 || !signature) return null
  const swapped = signature[0] === 'A' ? 'B' : 'A'
  return `${parts[0]}.${parts[1]}.${swapped}${signature.slice(1)}`
}
