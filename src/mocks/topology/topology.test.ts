import { describe, expect, it } from 'vitest'
import { listRoutes, getTopology, walkProcessors } from './topology'
import { listTenants } from './tenants'

describe('topology', () => {
  it('acme/prod runs ≥ 6 applications and ≥ 20 routes', () => {
    const topology = getTopology('acme', 'prod')
    expect(topology?.applications.length).toBeGreaterThanOrEqual(6)
    expect(listRoutes('acme', 'prod').length).toBeGreaterThanOrEqual(20)
  })

  const all = listTenants().flatMap((tenant) =>
    tenant.environments.flatMap((profile) => listRoutes(tenant.tenantId, profile.environment)),
  )

  it.each(all.map((route) => [`${route.tenantId}/${route.environment}/${route.routeId}`, route]))(
    '%s: diagram and processor tree agree',
    (_, route) => {
      const ids = route.nodes.map((node) => node.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids[0]).toBe('from1')
      // The tree walked depth-first is the node list, in start order.
      expect([...walkProcessors(route.tree)].map(({ node }) => node.id)).toEqual(ids)
      for (const edge of route.edges) {
        expect(ids).toContain(edge.from)
        expect(ids).toContain(edge.to)
      }
      // Every node but the entry is reachable over edges.
      const targets = new Set(route.edges.map((edge) => edge.to))
      for (const id of ids.slice(1)) expect(targets.has(id)).toBe(true)
      for (const { node, parentId } of walkProcessors(route.tree)) {
        if (node.type === 'when' || node.type === 'otherwise') {
          const parent = route.nodes.find((candidate) => candidate.id === parentId)
          expect(parent?.type).toBe('choice')
          const edge = route.edges.find((candidate) => candidate.to === node.id)
          expect(edge?.label).toBeTruthy()
        }
        if (['from', 'to', 'enrich', 'wireTap'].includes(node.type)) {
          expect(node.endpointUri).toMatch(/^[a-z0-9-]+:/)
        }
      }
    },
  )

  it('changes the diagram version when the route differs between environments', () => {
    const dev = listRoutes('acme', 'dev').find((route) => route.routeId === 'order-intake')
    const prod = listRoutes('acme', 'prod').find((route) => route.routeId === 'order-intake')
    expect(dev?.version).not.toBe(prod?.version)
    expect(dev?.nodes.length).toBeGreaterThan(prod?.nodes.length ?? 0)
  })
})
