import { screen, within } from '@testing-library/react'

/** Test helpers of the agents feature: read the agents table as a user sees it. */

export async function findAgentsTable(): Promise<HTMLElement> {
  return screen.findByRole('table', { name: 'Agents' }, { timeout: 5_000 })
}

/** Body rows only (the header row is the first row of the table). */
export function bodyRows(table: HTMLElement): HTMLElement[] {
  return within(table).getAllByRole('row').slice(1)
}

/** Column index by the header's accessible name. */
export function columnIndex(table: HTMLElement, name: string): number {
  const headers = within(table).getAllByRole('columnheader')
  const index = headers.findIndex(
    (header) => within(header).queryByRole('button', { name }) ?? header.textContent === name,
  )
  if (index < 0) throw new Error(`No column "${name}"`)
  return index
}

export function columnTexts(table: HTMLElement, name: string): string[] {
  const index = columnIndex(table, name)
  return bodyRows(table).map((row) => within(row).getAllByRole('cell')[index]?.textContent ?? '')
}

/** "12.5%" / "0.42%  high" → 0.125 / 0.0042. */
export function parsePercent(text: string): number {
  const match = /([\d.,]+)\s*%/.exec(text)
  if (!match?.[1]) throw new Error(`Not a percentage: "${text}"`)
  return Number(match[1].replace(/,/g, '')) / 100
}
