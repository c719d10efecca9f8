import { describe, expect, it } from 'vitest';
import { CellProblem, cellIsStoredText, formatValue, parseCell, storedForm } from './codec.ts';
import { type Column, htcdsColumns } from './fields.ts';

/** The text a cell stands for once read and stored; null when it cannot be read. */
function storedText(column: Column, raw: string): string | null {
  const value = parseCell(column, raw);
  return value instanceof CellProblem ? null : formatValue(storedForm(column, value));
}

// The first pass hashes a cell of such a column as written, not its stored form: they must agree.
describe('cellIsStoredText', () => {
  const samples = ['x', 'a; b', ' 12 ', 'TRUE', '+66 (81) 234-5678', '2024-01-31', 'Nguyễn Thị'];

  it('holds only where a cell is its stored form as written', () => {
    const asWritten = htcdsColumns().filter(cellIsStoredText);
    expect(asWritten.length).toBeGreaterThan(50);
    for (const column of asWritten) for (const raw of samples) expect(storedText(column, raw)).toBe(raw);
  });

  it('excludes phones, and cells parseCell converts', () => {
    for (const column of htcdsColumns()) {
      const converted = samples.some((raw) => storedText(column, raw) !== raw);
      if (converted) expect(cellIsStoredText(column)).toBe(false);
    }
    const excluded = htcdsColumns().filter((c) => !cellIsStoredText(c));
    expect(excluded.map((c) => c.field.field)).toEqual(
      expect.arrayContaining(['prs_HomePhone', 'prs_MobilePhone', 'org_Phone']),
    );
  });
});
