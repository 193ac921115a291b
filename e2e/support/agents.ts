import type { Page } from '@playwright/test'
import { listAgentRecords } from '@/mocks/agents/agent-data'
import type { AgentStatus } from '@/lib/api/types'

/**
 * The agents a tenant's environment has, straight from the mock's deterministic generator:
 * the oracle that tells which rows belong to which environment, so a spec can say "these are
 * staging's rows" without trusting the page it is testing.
 */
export function agentIdsOf(tenant: string, env: string, status?: AgentStatus): string[] {
  return listAgentRecords(tenant, env)
    .filter((agent) => status === undefined || agent.status === status)
    .map((agent) => agent.agentId)
}

export function agentsTable(page: Page) {
  return page.getByRole('table', { name: 'Agents' })
}

/** The agent ids in the table's rows, in display order (the id cell is the row's link). */
export async function visibleAgentIds(page: Page): Promise<string[]> {
  const ids = await agentsTable(page).getByRole('row').getByRole('link').allTextContents()
  return ids.map((id) => id.trim())
}

/**
 * Records, from now on, every one of `ids` that appears anywhere in the page's text: the proof
 * that rows of a scope the user has left were never painted, not even for one frame.
 * Read the result with `readPaintedIds`.
 */
export async function watchForIds(page: Page, ids: readonly string[]): Promise<void> {
  await page.evaluate((watched) => {
    const found = new Set<string>()
    const scan = (text: string | null) => {
      if (!text) return
      for (const id of watched) if (text.includes(id)) found.add(id)
    }
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'characterData') scan(mutation.target.textContent)
        for (const node of mutation.addedNodes) scan(node.textContent)
      }
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    // Also what is on screen right now: a watch must not start after the damage was done.
    scan(document.body.textContent)
    ;(window as unknown as { __paintedIds: Set<string> }).__paintedIds = found
  }, ids)
}

export function readPaintedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...((window as unknown as { __paintedIds?: Set<string> }).__paintedIds ?? []),
  ])
}

/** Watches from before the first script of every document (for ids that must never show). */
export async function watchForIdsFromStart(page: Page, ids: readonly string[]): Promise<void> {
  await page.addInitScript((watched) => {
    const found = new Set<string>()
    ;(window as unknown as { __paintedIds: Set<string> }).__paintedIds = found
    const scan = (text: string | null) => {
      if (!text) return
      for (const id of watched) if (text.includes(id)) found.add(id)
    }
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'characterData') scan(mutation.target.textContent)
        for (const node of mutation.addedNodes) scan(node.textContent)
      }
    }).observe(document, { childList: true, subtree: true, characterData: true })
  }, ids)
}
