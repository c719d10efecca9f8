import { normalisePhone } from '../person-schema.ts';
import type { Column } from './fields.ts';

// A cell's text ↔ its value, by the catalogue field's HTCDS type. Empty means no value. Checkboxes
// are TRUE/FALSE (as IOM's HTCDS XLSForm writes them); multiselect values are separated by ";"
// (Salesforce's export form; spaces, as ODK writes them, are read too). Numbers are plain decimals.
// Picklist names, dates and text limits are checked afterwards by the person API's zod shapes.

export type CellValue = string | number | boolean | string[] | null;

export type Parsed = { ok: true; value: CellValue } | { ok: false; message: string };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PHONES = new Set(['prs_HomePhone', 'prs_MobilePhone', 'org_Phone']);

export function parseCell(column: Column, raw: string): Parsed {
  if (raw === '') return { ok: true, value: null };
  switch (column.field.type) {
    case 'Checkbox': {
      const upper = raw.toUpperCase();
      if (upper === 'TRUE') return { ok: true, value: true };
      if (upper === 'FALSE') return { ok: true, value: false };
      return { ok: false, message: 'must be TRUE or FALSE' };
    }
    case 'Number':
    case 'Geolocation': {
      const n = Number(raw);
      if (!DECIMAL.test(raw) || !Number.isFinite(n))
        return { ok: false, message: 'must be a number such as 12 or 10.625' };
      return { ok: true, value: n };
    }
    case 'Multiselect Picklist':
      return { ok: true, value: raw.split(/[;\s]+/).filter((v) => v !== '') };
    default:
      return { ok: true, value: raw };
  }
}

/** The text a value is written as; the same value always gives the same text. */
export function formatValue(value: CellValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** A parsed value as it will be stored (phones without spaces or brackets), for comparisons. */
export function storedForm(column: Column, value: CellValue): CellValue {
  return typeof value === 'string' && PHONES.has(column.field.field) ? normalisePhone(value) : value;
}
