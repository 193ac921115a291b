/**
 * When automatic cursor paging must stop, whatever the server says next. A server that hands
 * back a cursor it already gave, or page after page of nothing with a cursor still set, would
 * otherwise keep an infinite list requesting forever; and a list that may page through a
 * whole result must still hold a bounded number of pages in memory.
 */
export const MAX_EMPTY_PAGES_IN_A_ROW = 5

export type PagingStop =
  /** The last page's cursor was already returned by an earlier page: it would loop. */
  | { kind: 'repeated-cursor' }
  /** The last pages were empty although each named a next one. */
  | { kind: 'empty-pages'; count: number }
  /** As many pages as the view keeps are loaded. */
  | { kind: 'limit'; pages: number }

export interface CursorPage {
  items: readonly unknown[]
  nextCursor: string | null
}

export function pagingStop(
  pages: readonly CursorPage[],
  { maxPages }: { maxPages: number },
): PagingStop | null {
  const last = pages.at(-1)
  if (!last?.nextCursor) return null
  if (pages.slice(0, -1).some((page) => page.nextCursor === last.nextCursor)) {
    return { kind: 'repeated-cursor' }
  }
  let empty = 0
  for (let i = pages.length - 1; i >= 0 && pages[i]?.items.length === 0; i--) empty++
  if (empty >= MAX_EMPTY_PAGES_IN_A_ROW) return { kind: 'empty-pages', count: empty }
  if (pages.length >= maxPages) return { kind: 'limit', pages: pages.length }
  return null
}
