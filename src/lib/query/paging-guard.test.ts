import { describe, expect, it } from 'vitest'
import { MAX_EMPTY_PAGES_IN_A_ROW, pagingStop, type CursorPage } from './paging-guard'

const page = (items: number, nextCursor: string | null): CursorPage => ({
  items: Array.from({ length: items }, (_, i) => i),
  nextCursor,
})

describe('pagingStop', () => {
  it('lets paging go on while pages bring new cursors', () => {
    expect(pagingStop([page(50, 'a'), page(50, 'b'), page(3, 'c')], { maxPages: 10 })).toBeNull()
  })

  it('has nothing to stop at the end of a result', () => {
    expect(pagingStop([page(50, 'a'), page(0, null)], { maxPages: 1 })).toBeNull()
    expect(pagingStop([], { maxPages: 1 })).toBeNull()
  })

  it('stops on a cursor the server already gave', () => {
    expect(pagingStop([page(50, 'a'), page(50, 'b'), page(50, 'a')], { maxPages: 10 })).toEqual({
      kind: 'repeated-cursor',
    })
  })

  it(`stops after ${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row, not before`, () => {
    const empties = (n: number, tag = 'e') =>
      Array.from({ length: n }, (_, i) => page(0, `${tag}${i}`))
    expect(pagingStop([page(50, 'a'), ...empties(4)], { maxPages: 100 })).toBeNull()
    expect(pagingStop([page(50, 'a'), ...empties(5)], { maxPages: 100 })).toEqual({
      kind: 'empty-pages',
      count: 5,
    })
    // A page with rows in between starts the count again (short pages are allowed).
    expect(
      pagingStop([...empties(4), page(1, 'x'), ...empties(4, 'f')], { maxPages: 100 }),
    ).toBeNull()
  })

  it('stops when the view holds as many pages as it keeps', () => {
    const pages = Array.from({ length: 3 }, (_, i) => page(10, `c${i}`))
    expect(pagingStop(pages, { maxPages: 3 })).toEqual({ kind: 'limit', pages: 3 })
    expect(pagingStop(pages, { maxPages: 4 })).toBeNull()
  })
})
