import { describe, expect, it } from 'vitest'
import {
  actionLabel,
  allowedActions,
  allowedActionsAcross,
  routeActionSentence,
  routeStateOf,
  summarizeRouteStates,
} from './route-actions'

describe('allowedActions', () => {
  it('offers Stop and Suspend for a started route, Resume and Stop for a suspended one, Start for a stopped one', () => {
    expect(allowedActions('Started').map(actionLabel)).toEqual(['Stop', 'Suspend'])
    expect(allowedActions('Suspended').map(actionLabel)).toEqual(['Resume', 'Stop'])
    expect(allowedActions('Stopped').map(actionLabel)).toEqual(['Start'])
  })

  it('across agents, offers what applies to any of them', () => {
    expect(allowedActionsAcross(['Started', 'Stopped'])).toEqual(['start', 'stop', 'suspend'])
    expect(allowedActionsAcross(['Started', 'Started'])).toEqual(['stop', 'suspend'])
    expect(allowedActionsAcross([])).toEqual([])
  })
})

describe('summarizeRouteStates', () => {
  it('names the state all agents agree on', () => {
    expect(summarizeRouteStates(['Started', 'Started'])).toBe('Started')
    expect(summarizeRouteStates(['Stopped'])).toBe('Stopped')
    expect(summarizeRouteStates(['Suspended', 'Suspended'])).toBe('Suspended')
  })

  it('counts the agents that differ from Started', () => {
    expect(summarizeRouteStates(['Started', 'Stopped', 'Started', 'Started', 'Started'])).toBe(
      'Stopped on 1 of 5 agents',
    )
    expect(summarizeRouteStates(['Suspended', 'Stopped', 'Suspended', 'Started', 'Started'])).toBe(
      'Stopped on 1 and Suspended on 2 of 5 agents',
    )
    expect(summarizeRouteStates(['Stopped', 'Suspended'])).toBe(
      'Stopped on 1 and Suspended on 1 of 2 agents',
    )
  })

  it('says nothing for no agent', () => {
    expect(summarizeRouteStates([])).toBeNull()
  })
})

describe('routeActionSentence and routeStateOf', () => {
  it('names action, route, agents and environment', () => {
    expect(routeActionSentence('stop', 'orders-in', 5, 'Production')).toBe(
      'Stop route orders-in on 5 agents in Production',
    )
    expect(routeActionSentence('resume', 'orders-in', 1, 'Development')).toBe(
      'Resume route orders-in on 1 agent in Development',
    )
  })

  it('reads an agent’s reported state, Started when it reported none', () => {
    expect(routeStateOf({ routeStates: { a: 'Stopped' } }, 'a')).toBe('Stopped')
    expect(routeStateOf({ routeStates: {} }, 'a')).toBe('Started')
  })
})
