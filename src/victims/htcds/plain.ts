import { type CellValue, formatValue } from './codec.ts';
import { type Column, FIELD_HOMES, type Part } from './fields.ts';

// A record's parts in plain values (decrypted, lookups as names), the form both directions share:
// export renders stored records to cells through it, and import compares what a row would store
// with what is stored through it. The same plain values always render to the same cells.

/** A part's values by key (the person API's keys for person parts); null is no value. */
export type Plain = Record<string, CellValue>;
export type PlainRow = { [P in Part]?: Plain | null };

const KEYS = new Map<Part, string[]>();
for (const [part, key] of Object.values(FIELD_HOMES)) KEYS.set(part, [...(KEYS.get(part) ?? []), key]);

export const keysOf = (part: Part): readonly string[] => KEYS.get(part) ?? [];

const BLANKS = new Map<Part, Plain>(
  [...KEYS].map(([part, keys]) => [part, Object.fromEntries(keys.map((k) => [k, null]))]),
);

/** The part with every key null: a record that has no values yet (a new object each call). */
export function blank(part: Part): Plain {
  return { ...BLANKS.get(part) };
}

export const text = (p: Plain | null | undefined, key: string): string | null => {
  const v = p?.[key];
  return typeof v === 'string' ? v : null;
};
export const num = (p: Plain | null | undefined, key: string): number | null => {
  const v = p?.[key];
  return typeof v === 'number' ? v : null;
};
export const bool = (p: Plain | null | undefined, key: string): boolean | null => {
  const v = p?.[key];
  return typeof v === 'boolean' ? v : null;
};
export const list = (p: Plain | null | undefined, key: string): string[] => {
  const v = p?.[key];
  return Array.isArray(v) ? v : [];
};

function isCellValue(v: unknown): v is CellValue {
  return (
    v === null ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    (Array.isArray(v) && v.every((x) => typeof x === 'string'))
  );
}

export function valueAt(values: object | null | undefined, key: string): CellValue {
  if (!values) return null;
  const v: unknown = Reflect.get(values, key);
  return isCellValue(v) ? v : null;
}

/** A part's values as the file writes them, for comparing two versions of a record. */
export function partText(part: Part, values: object | null | undefined): string {
  return keysOf(part)
    .map((k) => formatValue(valueAt(values, k)))
    .join('\u0000');
}

/** Whether a part has any value (an empty list is no value). */
export function hasValues(values: object | null | undefined): boolean {
  if (!values) return false;
  return Object.values(values).some(
    (v) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
}

export function renderRow(columns: readonly Column[], row: PlainRow): string[] {
  return columns.map((c) => formatValue(valueAt(row[c.part], c.key)));
}
