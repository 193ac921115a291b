/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled), with
 * text that a spreadsheet would run as a formula defused.
 */
export function escapeCsvField(value: string): string {
  // A leading = + - @ (or tab/CR) makes spreadsheets run the cell as a formula: such text is
  // prefixed with an apostrophe (OWASP's advice for CSV injection). Numbers never start so.
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused
}
