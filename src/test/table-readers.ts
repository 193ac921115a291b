/**
 * Read a table as a user sees it: its body rows, a column's index by its header's name, a
 * column's texts. Works on native tables (`<table>`, `<tr>`, `<th scope="col">`) and on ARIA
 * tables built of `div`s (`role="row"`, `role="columnheader"`, `role="cell"`) alike. Elements
 * are found by selector, not by Testing Library's role queries: those compute styles for every
 * element, which is slow across hundreds of cells polled by `waitFor`.
 */

const ROWS = 'tr, [role="row"]'
const HEADERS = 'th[scope="col"], [role="columnheader"]'
const CELLS = 'td, th[scope="row"], [role="cell"], [role="gridcell"]'

function isHeaderRow(row: Element): boolean {
  return (
    row.closest('thead') !== null ||
    row.getAttribute('aria-rowindex') === '1' ||
    row.querySelector(HEADERS) !== null
  )
}

/** Body rows only: header rows are left out. */
export function bodyRows(table: HTMLElement): HTMLElement[] {
  return [...table.querySelectorAll<HTMLElement>(ROWS)].filter((row) => !isHeaderRow(row))
}

/** A header's name: a sort button's label, or else its text. */
function headerName(header: Element): string {
  const button = header.querySelector('button[aria-label]')
  return button?.getAttribute('aria-label') ?? header.textContent?.trim() ?? ''
}

/** Column index by the header's name. */
export function columnIndex(table: HTMLElement, name: string): number {
  const index = [...table.querySelectorAll(HEADERS)].findIndex(
    (header) => headerName(header) === name,
  )
  if (index < 0) throw new Error(`No column "${name}"`)
  return index
}

/** The text of one column, body row by body row. */
export function columnTexts(table: HTMLElement, name: string): string[] {
  const index = columnIndex(table, name)
  return bodyRows(table).map((row) => row.querySelectorAll(CELLS)[index]?.textContent ?? '')
}
