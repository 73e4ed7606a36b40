/**
 * CSV for the audit's data tables (issue 16), pure core: RFC 4180 quoting, CRLF line ends, and a guard
 * against spreadsheet formula injection — a speaker name or passage from a hostile page that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with an apostrophe, so a spreadsheet shows it as
 * text instead of running it (the OWASP "CSV injection" advice).
 */

/** One cell: text or a number (numbers are never prefixed, so "-3" stays a number). */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV: quoted when it holds a comma, quote or line break; formula starts neutralized. */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV text: a header row, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
