// Rows as the text format of `COPY … FROM STDIN` (PostgreSQL manual, "COPY", File Formats: Text
// Format), for the writer thread of a large import: PostgreSQL reads a batch's rows this way for
// about half the CPU json_populate_recordset spends on the same rows (measured at 1,000 rows of each
// table, every field filled: 242 → 135 ms for the eleven tables of a row).
//
// A line per row, columns in the given order separated by tabs, `\N` for null. In a value,
// backslash, newline, carriage return and tab are written as backslash escapes; nothing else is
// special. Arrays are array literals (every element quoted) escaped the same way. A value with
// `toJSON` (a Date, a PendingSeal) is written as what that returns, as JSON.stringify would.

import type { CompiledQuery } from 'kysely';

/** A COPY statement and its rows' text, as the writer thread sends them. */
export type CopyRows = { copy: string; text: string };
/** A statement of a prepared batch: SQL with its parameters, or a COPY (writer thread only). */
export type BatchStatement = CompiledQuery | CopyRows;
export const isCopy = (s: object): s is CopyRows => 'copy' in s;

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeChar = (c: string) => ESCAPED[c] ?? c;

function escaped(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, escapeChar) : text;
}

const QUOTED = /["\\]/g;

function arrayLiteral(values: readonly unknown[], table: string, column: string): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null || value === undefined) out += 'NULL';
    else if (typeof value === 'string') out += `"${value.replace(QUOTED, '\\$&')}"`;
    else if (typeof value === 'number' && Number.isFinite(value)) out += String(value);
    else throw new Error(`COPY ${table}.${column}: an array element that is not text or a number`);
  }
  return `${out}}`;
}

function cell(given: unknown, table: string, column: string): string {
  let value = given;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const toJSON = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof toJSON !== 'function') throw new Error(`COPY ${table}.${column}: an object value`);
    value = toJSON.call(value);
  }
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'string':
      return escaped(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
      if (!Number.isFinite(value))
        throw new Error(`COPY ${table}.${column}: ${value} is not a finite number`);
      return String(value);
    default:
      if (Array.isArray(value)) return escaped(arrayLiteral(value, table, column));
      throw new Error(`COPY ${table}.${column}: a ${typeof value} value`);
  }
}

/**
 * `COPY table (columns) FROM STDIN` with the rows' text. Each row gives the columns by name;
 * a column a row leaves undefined is null there (as json_populate_recordset reads a missing key).
 */
export function copyRows(table: string, columns: readonly string[], rows: readonly object[]): CopyRows {
  const names = columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
  let text = '';
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as string;
      line += i === 0 ? cell(values[column], table, column) : `\t${cell(values[column], table, column)}`;
    }
    text += `${line}\n`;
  }
  return { copy: `copy "${table.replace(/"/g, '""')}" (${names}) from stdin`, text };
}
