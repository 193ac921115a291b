import type { AgentEvent, AgentEventType } from '@/lib/api/types'
import type { AgentRecord } from './agent-data'
import { mockNow, toIso } from '../clock'
import { createRandom, type Random } from '../random'

/**
 * An agent's lifecycle, from registration to its last heartbeat, consistent with its status:
 * a STALE agent's newest event is HEARTBEAT_LATE, a DEAD one's HEARTBEAT_LOST. Weeks-old
 * agents have hundreds of events, so the list really needs its cursor.
 */

export interface AgentEventRecord {
  /** 1 = oldest; ids and the newest-first order derive from it. */
  seq: number
  type: AgentEventType
  agoMs: number
  message: string
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const DAY = 24 * 60 * MINUTE

const cache = new Map<string, AgentEventRecord[]>()
const CACHE_LIMIT = 64

/** Newest first (ties broken by seq, descending, as eventIds are). */
export function listAgentEventRecords(
  tenantId: string,
  environment: string,
  agent: AgentRecord,
): AgentEventRecord[] {
  const key = `${tenantId}/${environment}/${agent.agentId}`
  let events = cache.get(key)
  if (!events) {
    events = generateEvents(agent, createRandom(`${key}/events`))
    // A handful of agents is browsed at a time; keep memory flat however many are opened.
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
    cache.set(key, events)
  }
  return events
}

/**
 * The generated events and, newer than all of them, what route control changed on the agent
 * (ROUTE_STOPPED/ROUTE_STARTED when it acknowledged), newest first.
 */
export function eventId(agentId: string, seq: number): string {
  return `${agentId}:${String(seq).padStart(6, '0')}`
}

export function toAgentEvent(
  record: AgentEventRecord,
  agent: AgentRecord,
  tenantId: string,
  environment: string,
  now: number = mockNow(),
): AgentEvent {
  return {
    eventId: eventId(agent.agentId, record.seq),
    tenantId,
    environment,
    agentId: agent.agentId,
    type: record.type,
    timestamp: toIso(now - record.agoMs),
    message: record.message,
  }
}

type Draft = Omit<AgentEventRecord, 'seq'>

function generateEvents(agent: AgentRecord, random: Random): AgentEventRecord[] {
  const drafts: Draft[] = []
  const add = (type: AgentEventType, agoMs: number, message: string) =>
    drafts.push({ type, agoMs: Math.max(0, Math.round(agoMs)), message })

  const startup = (agoMs: number) => {
    add(
      'REGISTERED',
      agoMs,
      `Registered from ${agent.hostname} (agent ${agent.agentVersion}, Camel ${agent.camelVersion}, ${agent.routeIds.length} routes)`,
    )
    agent.routeIds.forEach((routeId, i) =>
      add('ROUTE_STARTED', agoMs - (i + 1) * random.int(150, 900), `Route ${routeId} started`),
    )
  }

  startup(agent.registeredAgoMs)

  const lifetimeMs = agent.registeredAgoMs - agent.lastHeartbeatAgoMs
  const episodes = Math.min(140, Math.max(12, Math.round((lifetimeMs / DAY) * random.float(3, 8))))
  const newest = agent.lastHeartbeatAgoMs + 15 * MINUTE
  const oldest = agent.registeredAgoMs - 2 * MINUTE
  for (let i = 0; i < episodes; i++) {
    const at = random.float(newest, oldest)
    const kind = random.weighted([
      ['hiccup', 55],
      ['config', 25],
      ['route-restart', 15],
      ['restart', 5],
    ] as const)
    switch (kind) {
      case 'hiccup': {
        const gap = random.int(31, 140)
        add('HEARTBEAT_LATE', at, 'No heartbeat for 30 s')
        add('RECOVERED', at - (gap - 30) * SECOND, `Heartbeat resumed after ${gap} s`)
        break
      }
      case 'config':
        add('CONFIG_CHANGED', at, random.pick(configChanges(agent, random)))
        break
      case 'route-restart': {
        const routeId = random.pick(agent.routeIds)
        const reason = random.pick(stopReasons)
        add('ROUTE_STOPPED', at, `Route ${routeId} stopped: ${reason}`)
        add('ROUTE_STARTED', at - random.int(2, 120) * SECOND, `Route ${routeId} started`)
        break
      }
      case 'restart':
        add('DEREGISTERED', at, random.pick(deregisterReasons))
        startup(at - random.int(20, 90) * SECOND)
        break
    }
  }

  // The ending its status implies: the server raises LATE at 30 s and LOST at 5 min silence.
  if (agent.status !== 'LIVE') {
    add('HEARTBEAT_LATE', agent.lastHeartbeatAgoMs - 30 * SECOND, 'No heartbeat for 30 s')
  }
  if (agent.status === 'DEAD') {
    add(
      'HEARTBEAT_LOST',
      agent.lastHeartbeatAgoMs - 5 * MINUTE,
      'No heartbeat for 5 min: agent marked DEAD',
    )
  }

  // Oldest first for numbering; the sort is stable, so same-instant events keep their order.
  const chronological = drafts
    .filter((draft) => draft.agoMs <= agent.registeredAgoMs)
    .sort((a, b) => b.agoMs - a.agoMs)
  return chronological.map((draft, i) => ({ ...draft, seq: i + 1 })).reverse()
}

const stopReasons = [
  'suspended by operator',
  'circuit breaker open after 5 consecutive failures',
  'stopped for a hot reload of its definition',
] as const

const deregisterReasons = [
  'Deregistered: graceful shutdown (SIGTERM)',
  'Deregistered: rolling restart',
  'Deregistered: JVM restart after OutOfMemoryError',
] as const

function configChanges(agent: AgentRecord, random: Random): string[] {
  const routeId = random.pick(agent.routeIds)
  return [
    'Sampling rate changed from 0.10 to 0.25',
    'Sampling rate changed from 0.25 to 0.10',
    `Body capture enabled for route ${routeId}`,
    `Body capture disabled for route ${routeId}`,
    'Log level of org.apache.camel changed from INFO to DEBUG',
    'Log level of org.apache.camel changed from DEBUG to INFO',
    'Maximum captured body size changed from 16 KiB to 64 KiB',
    'Exporter credentials rotated',
  ]
}
