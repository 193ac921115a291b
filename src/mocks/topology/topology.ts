import type { DiagramEdge, DiagramNode } from '@/lib/api/types'
import { routeSpecsFor, type RouteContext } from './route-catalog'
import type { ProcessorType, StepSpec } from './route-dsl'
import { hashString } from '../random'
import { getEnvironmentProfile, type EnvironmentProfile } from './tenants'

/**
 * What runs in one (tenant, environment): applications, their routes, and per route the
 * diagram (nodes + edges) and the processor tree that executions walk. Node ids follow
 * Camel's defaults (`from1`, `to3`, `choice1`), counted per type within a route.
 */

export interface ProcessorNode {
  id: string
  type: ProcessorType
  label: string
  endpointUri: string | null
  /** Children of a choice are its when/otherwise; a when, otherwise, split or filter holds
   *  the processors it runs. Everything else has none. */
  children: ProcessorNode[]
}

export interface RouteDefinition {
  tenantId: string
  environment: string
  applicationId: string
  routeId: string
  /** Changes when the route's shape changes, as an agent-reported diagram version would. */
  version: string
  /** Pre-order (the order processors start in), `from1` first. */
  nodes: DiagramNode[]
  edges: DiagramEdge[]
  /** Top-level processors in route order; `from1` is the first. */
  tree: ProcessorNode[]
}

export interface ApplicationDefinition {
  applicationId: string
  replicas: number
  routes: RouteDefinition[]
}

export interface Topology {
  tenantId: string
  environment: string
  profile: EnvironmentProfile
  applications: ApplicationDefinition[]
}

const cache = new Map<string, Topology | undefined>()

/** `undefined` when the tenant has no such environment. Built once, then shared. */
export function getTopology(tenantId: string, environment: string): Topology | undefined {
  const key = `${tenantId}/${environment}`
  if (!cache.has(key)) cache.set(key, buildTopology(tenantId, environment))
  return cache.get(key)
}

export function getRouteDefinition(
  tenantId: string,
  environment: string,
  applicationId: string,
  routeId: string,
): RouteDefinition | undefined {
  return getTopology(tenantId, environment)
    ?.applications.find((app) => app.applicationId === applicationId)
    ?.routes.find((route) => route.routeId === routeId)
}

export function listRoutes(tenantId: string, environment: string): RouteDefinition[] {
  return getTopology(tenantId, environment)?.applications.flatMap((app) => app.routes) ?? []
}

export interface WalkedProcessor {
  node: ProcessorNode
  parentId: string | null
  depth: number
}

/** Depth-first, in start order: what an execution of the route would record. */
export function* walkProcessors(
  tree: readonly ProcessorNode[],
  parentId: string | null = null,
  depth = 0,
): Generator<WalkedProcessor> {
  for (const node of tree) {
    yield { node, parentId, depth }
    yield* walkProcessors(node.children, node.id, depth + 1)
  }
}

function buildTopology(tenantId: string, environment: string): Topology | undefined {
  const profile = getEnvironmentProfile(tenantId, environment)
  if (!profile) return undefined
  const context: RouteContext = {
    environment,
    http: (service, path) => `http://${service}.${profile.serviceDomain}${path}`,
  }
  const applications = Object.entries(profile.replicas).map(([applicationId, replicas]) => ({
    applicationId,
    replicas,
    routes: routeSpecsFor(tenantId, applicationId)
      .filter((spec) => !spec.onlyIn || spec.onlyIn.includes(environment))
      .map((spec) =>
        compileRoute(tenantId, environment, applicationId, spec.routeId, spec.steps(context)),
      ),
  }))
  return { tenantId, environment, profile, applications }
}

function compileRoute(
  tenantId: string,
  environment: string,
  applicationId: string,
  routeId: string,
  steps: StepSpec[],
): RouteDefinition {
  const counters = new Map<ProcessorType, number>()
  const assignIds = (specs: StepSpec[]): ProcessorNode[] =>
    specs.map((spec) => {
      const count = (counters.get(spec.type) ?? 0) + 1
      counters.set(spec.type, count)
      return {
        id: `${spec.type}${count}`,
        type: spec.type,
        label: spec.label,
        endpointUri: spec.endpointUri,
        children: assignIds(spec.children),
      }
    })
  const tree = assignIds(steps)
  const nodes: DiagramNode[] = [...walkProcessors(tree)].map(({ node }) => ({
    id: node.id,
    type: node.type,
    label: node.label,
    endpointUri: node.endpointUri,
  }))
  const branchLabels = new Map<string, string | null>()
  const collectLabels = (specs: StepSpec[], processors: ProcessorNode[]) =>
    specs.forEach((spec, i) => {
      const node = processors[i]
      if (!node) return
      branchLabels.set(node.id, spec.branchLabel)
      collectLabels(spec.children, node.children)
    })
  collectLabels(steps, tree)
  const edges = buildEdges(tree, branchLabels)
  const version = `${hashString(JSON.stringify({ nodes, edges })).toString(16).padStart(8, '0')}`
  return { tenantId, environment, applicationId, routeId, version, nodes, edges, tree }
}

interface Exit {
  from: string
  label: string | null
}

/**
 * Control flow as a diagram shows it: a sequence chains; a choice fans out to its branches,
 * whose ends (and, without an otherwise, the choice itself) join the next step; a split or
 * filter runs its body and continues, a filter also straight on when it does not match;
 * throwException ends its path.
 */
function buildEdges(
  tree: ProcessorNode[],
  branchLabels: Map<string, string | null>,
): DiagramEdge[] {
  const edges: DiagramEdge[] = []
  const edge = (from: string, to: string, label: string | null) => edges.push({ from, to, label })

  const sequence = (nodes: ProcessorNode[], incoming: Exit[]): Exit[] => {
    let exits = incoming
    for (const node of nodes) {
      for (const exit of exits) edge(exit.from, node.id, exit.label)
      exits = exitsOf(node)
    }
    return exits
  }

  const exitsOf = (node: ProcessorNode): Exit[] => {
    const bodyLabel = branchLabels.get(node.id) ?? null
    switch (node.type) {
      case 'choice': {
        const exits: Exit[] = []
        for (const branch of node.children) {
          edge(node.id, branch.id, branchLabels.get(branch.id) ?? null)
          exits.push(...sequence(branch.children, [{ from: branch.id, label: null }]))
        }
        if (!node.children.some((branch) => branch.type === 'otherwise')) {
          exits.push({ from: node.id, label: 'no match' })
        }
        return exits
      }
      case 'split':
        return sequence(node.children, [{ from: node.id, label: bodyLabel }])
      case 'filter':
        return [
          ...sequence(node.children, [{ from: node.id, label: bodyLabel }]),
          { from: node.id, label: 'no match' },
        ]
      case 'throwException':
        return []
      default:
        return [{ from: node.id, label: null }]
    }
  }

  sequence(tree, [])
  return edges
}
