import { screen } from '@testing-library/react'

/** Test helpers of the agents feature (table readers are in src/test/table-readers.ts). */

export async function findAgentsTable(): Promise<HTMLElement> {
  return screen.findByRole('table', { name: 'Agents' }, { timeout: 5_000 })
}

/** "12.5%" / "0.42%  high" → 0.125 / 0.0042. */
export function parsePercent(text: string): number {
  const match = /([\d.,]+)\s*%/.exec(text)
  if (!match?.[1]) throw new Error(`Not a percentage: "${text}"`)
  return Number(match[1].replace(/,/g, '')) / 100
}
