import type { AgentInfo } from '@/lib/api/types'

/**
 * Fleet drift between two environments, per application: what runs where (agents, live
 * agents), which agent and Camel versions (with counts), and which routes or applications
 * exist on one side only. Versions and routes are read from the agents that run now (LIVE or
 * STALE): a DEAD agent is usually a pod of the previous rollout, and counting it would report
 * drift that is already gone.
 */

export interface VersionCount {
  version: string
  count: number
}

export interface SideFleet {
  agents: number
  live: number
  /** Most agents first, then by version. */
  agentVersions: VersionCount[]
  camelVersions: VersionCount[]
  routeIds: string[]
}

export interface ApplicationDrift {
  applicationId: string
  /** `null`: the application has no agent in that environment. */
  a: SideFleet | null
  b: SideFleet | null
  routesOnlyInA: string[]
  routesOnlyInB: string[]
  /** The differences in words, e.g. "Agent 3.5.0-rc.2 in staging, 3.4.1 in prod". */
  differences: string[]
}

export interface FleetDrift {
  applications: ApplicationDrift[]
  /** Applications that differ in any way. */
  drifting: number
}

const running = (agent: AgentInfo) => agent.status !== 'DEAD'

function countVersions(values: readonly string[]): VersionCount[] {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()]
    .map(([version, count]) => ({ version, count }))
    .sort((x, y) => y.count - x.count || x.version.localeCompare(y.version))
}

export function summarizeSide(agents: readonly AgentInfo[]): SideFleet {
  const runningAgents = agents.filter(running)
  return {
    agents: agents.length,
    live: agents.filter((agent) => agent.status === 'LIVE').length,
    agentVersions: countVersions(runningAgents.map((agent) => agent.agentVersion)),
    camelVersions: countVersions(runningAgents.map((agent) => agent.camelVersion)),
    routeIds: [...new Set(runningAgents.flatMap((agent) => agent.routeIds))].sort(),
  }
}

function byApplication(agents: readonly AgentInfo[]): Map<string, AgentInfo[]> {
  const out = new Map<string, AgentInfo[]>()
  for (const agent of agents) {
    const list = out.get(agent.applicationId) ?? []
    list.push(agent)
    out.set(agent.applicationId, list)
  }
  return out
}

/** "3.5.0-rc.2 ×2, 3.4.1 ×1" */
export function describeVersions(versions: readonly VersionCount[]): string {
  if (versions.length === 0) return 'none running'
  return versions.map((one) => `${one.version} ×${one.count}`).join(', ')
}

function versionDifferences(
  what: string,
  a: readonly VersionCount[],
  b: readonly VersionCount[],
  envA: string,
  envB: string,
): string[] {
  if (a.length === 0 || b.length === 0) return []
  const mainA = a[0]?.version
  const mainB = b[0]?.version
  const setA = new Set(a.map((one) => one.version))
  const setB = new Set(b.map((one) => one.version))
  if (mainA !== mainB) return [`${what} ${mainB} in ${envB}, ${mainA} in ${envA}`]
  const out: string[] = []
  for (const one of b)
    if (!setA.has(one.version)) out.push(`${what} ${one.version} only in ${envB}`)
  for (const one of a)
    if (!setB.has(one.version)) out.push(`${what} ${one.version} only in ${envA}`)
  return out
}

/**
 * Both sides' registries in, one row per application of either out (by id). A side may be
 * `null` while it loads: its columns are then empty and no difference is claimed.
 */
export function computeFleetDrift(
  sideA: { env: string; agents: readonly AgentInfo[] | null },
  sideB: { env: string; agents: readonly AgentInfo[] | null },
): FleetDrift {
  const appsA = byApplication(sideA.agents ?? [])
  const appsB = byApplication(sideB.agents ?? [])
  const ids = [...new Set([...appsA.keys(), ...appsB.keys()])].sort()
  const bothLoaded = sideA.agents !== null && sideB.agents !== null
  const applications = ids.map((applicationId): ApplicationDrift => {
    const agentsA = appsA.get(applicationId)
    const agentsB = appsB.get(applicationId)
    const a = agentsA ? summarizeSide(agentsA) : null
    const b = agentsB ? summarizeSide(agentsB) : null
    const differences: string[] = []
    let routesOnlyInA: string[] = []
    let routesOnlyInB: string[] = []
    if (bothLoaded) {
      if (a && !b) differences.push(`Only in ${sideA.env}`)
      else if (b && !a) differences.push(`Only in ${sideB.env}`)
      else if (a && b) {
        differences.push(
          ...versionDifferences('Agent', a.agentVersions, b.agentVersions, sideA.env, sideB.env),
          ...versionDifferences('Camel', a.camelVersions, b.camelVersions, sideA.env, sideB.env),
        )
        const routesA = new Set(a.routeIds)
        const routesB = new Set(b.routeIds)
        // Only comparable where both sides have a running agent to report routes.
        if (a.routeIds.length > 0 && b.routeIds.length > 0) {
          routesOnlyInA = a.routeIds.filter((id) => !routesB.has(id))
          routesOnlyInB = b.routeIds.filter((id) => !routesA.has(id))
        }
        for (const id of routesOnlyInB) differences.push(`Route ${id} only in ${sideB.env}`)
        for (const id of routesOnlyInA) differences.push(`Route ${id} only in ${sideA.env}`)
        if (a.live === 0 && b.live > 0) differences.push(`No live agent in ${sideA.env}`)
        if (b.live === 0 && a.live > 0) differences.push(`No live agent in ${sideB.env}`)
      }
    }
    return { applicationId, a, b, routesOnlyInA, routesOnlyInB, differences }
  })
  return {
    applications,
    drifting: applications.filter((app) => app.differences.length > 0).length,
  }
}
