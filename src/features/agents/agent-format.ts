/** Number and id formatting shared by the agents list and detail pages. */

/** An error rate above this (5 %) is called out in text, not just colour. */
export const HOT_ERROR_RATE = 0.05

const rateFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 })
const percentFormat = new Intl.NumberFormat('en', {
  style: 'percent',
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
})

export function formatExchangeRate(perSecond: number): string {
  return rateFormat.format(perSecond)
}

export function formatErrorRate(rate: number): string {
  return percentFormat.format(rate)
}

export function isHotErrorRate(rate: number): boolean {
  return rate > HOT_ERROR_RATE
}

/**
 * An id as display text: ids come from agents and URLs, so one can be thousands of characters
 * long. The full value stays available (title, copy); the page shows a readable head.
 */
export function truncateId(id: string, max = 120): string {
  return id.length > max ? `${id.slice(0, max - 1)}…` : id
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
