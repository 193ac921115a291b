import { failed, passed, skipped, spec, type Caller, type ProbeContext } from './context'

/**
 * `etag /apps/{applicationId}/config @<env>`: an application's configuration is a versioned
 * resource, so its answer carries `ETag: "<version>"`, the value a change must send back as
 * `If-Match`. The probe only reads: the refusals of a change (428 without `If-Match`, 412 with
 * `current` for a stale one) are not probed, as it sends no write to the server it checks.
 */
export async function checkConfigEtag(
  ctx: ProbeContext,
  a: Caller,
  environment: string,
  path: string | null,
): Promise<void> {
  const endpoint = '/apps/{applicationId}/config'
  const check = spec(
    'shape',
    `etag ${endpoint} @${environment}`,
    endpoint,
    environment,
    `shape: ${endpoint} in ${environment} carries ETag "<version>" of the configuration it answers`,
    1,
  )
  if (path === null) {
    ctx.record(check, skipped('no agent listed'))
    return
  }
  await ctx.check(check, async (http) => {
    const answer = await http.get(path, { environment }, a.token)
    if (answer.status !== 200) return skipped(`${answer.label} answered ${answer.status}`)
    const version = (answer.json as { version?: unknown } | undefined)?.version
    if (typeof version !== 'number') return failed(`${answer.label}: no numeric version`)
    if (answer.etag !== `"${version}"`) {
      return failed(
        `${answer.label}: ETag ${answer.etag === null || answer.etag === undefined ? 'missing' : JSON.stringify(answer.etag.slice(0, 40))}, expected "${version}" (the version)`,
      )
    }
    return passed(`version ${version}`)
  })
}
