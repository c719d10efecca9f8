import { normalisePhone } from '../person-schema.ts';
import type { Column } from './fields.ts';

// A cell's text ↔ its value, by the catalogue field's HTCDS type. Empty means no value. Checkboxes
// are TRUE/FALSE (as IOM's HTCDS XLSForm writes them); multiselect values are separated by ";"
// (Salesforce's export form; spaces, as ODK writes them, are read too). Numbers are plain decimals.
// Picklist names, dates and text limits are checked afterwards by the person API's zod shapes.

export type CellValue = string | number | boolean | string[] | null;

/** A cell that cannot be read as its field's type (a class, so a value is never mistaken for one). */
export class CellProblem {
  constructor(readonly message: string) {}
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PHONES = new Set(['prs_HomePhone', 'prs_MobilePhone', 'org_Phone']);

/** The cell's value, or its problem. No result object a cell: an import reads ~100 cells a row twice. */
export function parseCell(column: Column, raw: string): CellValue | CellProblem {
  if (raw === '') return null;
  switch (column.field.type) {
    case 'Checkbox': {
      const upper = raw.toUpperCase();
      if (upper === 'TRUE') return true;
      if (upper === 'FALSE') return false;
      return new CellProblem('must be TRUE or FALSE');
    }
    case 'Number':
    case 'Geolocation': {
      const n = Number(raw);
      if (!DECIMAL.test(raw) || !Number.isFinite(n))
        return new CellProblem('must be a number such as 12 or 10.625');
      return n;
    }
    case 'Multiselect Picklist':
      return raw.split(/[;\s]+/).filter((v) => v !== '');
    default:
      return raw;
  }
}

/** The text a value is written as; the same value always gives the same text. */
export function formatValue(value: CellValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Types whose cells parseCell converts; a cell of any other type is its value as written. */
const CONVERTED_TYPES = new Set(['Checkbox', 'Number', 'Geolocation', 'Multiselect Picklist']);

/**
 * Whether a cell's text is already what formatValue gives of its stored form: neither parseCell nor
 * storedForm changes it (the shapes that check it convert nothing either: a trusted row is written
 * from its cells unconverted). The first pass hashes such a cell as it is.
 */
export const cellIsStoredText = (column: Column): boolean =>
  !CONVERTED_TYPES.has(column.field.type) && !PHONES.has(column.field.field);

/** A parsed value as it will be stored (phones without spaces or brackets), for comparisons. */
export function storedForm(column: Column, value: CellValue): CellValue {
  return typeof value === 'string' && PHONES.has(column.field.field) ? normalisePhone(value) : value;
}
