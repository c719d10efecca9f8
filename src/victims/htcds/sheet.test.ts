import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXlsx, unescapeXlsx } from './ooxml.ts';
import { sheetWriter } from './sheet.ts';
import { bufferSource, readRecords } from './source.ts';

async function roundTrip(format: 'csv' | 'xlsx', rows: string[][]): Promise<string[][]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const sheet = sheetWriter(format, out, () => {});
  for (const r of rows) await sheet.row(r);
  await sheet.close();
  const read: string[][] = [];
  for await (const r of readRecords(bufferSource(`x.${format}`, format, Buffer.concat(chunks)), 1 << 30)) {
    read.push(r.cells);
  }
  return read;
}

const awkward = fc.string({
  unit: fc.constantFrom('a', 'ไทย', ' ', ',', '"', '\r', '\n', '\t', '\u0007', '_x0041_', '_x', '=', '+84'),
  maxLength: 12,
});

describe('sheets', () => {
  it('escapes what XML cannot carry, as OOXML does, and reads it back', () => {
    expect(escapeXlsx('a\r\nb\u0007_x0041_')).toBe('a_x000D_\nb_x0007__x005F_x0041_');
    fc.assert(
      fc.property(awkward, (s) => {
        expect(unescapeXlsx(escapeXlsx(s))).toBe(s);
      }),
    );
  });

  it('reads back every cell as written, CSV and XLSX', async () => {
    const header = ['h1', 'h2', 'h3'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(awkward, awkward, awkward), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          const table = [header, ...rows.map((r) => [...r])];
          // A row of only empty cells is not a record in either format.
          const expected = table.filter((r) => r.some((c) => c !== ''));
          expect(await roundTrip('xlsx', table)).toEqual(expected);
          const csv = table.filter((r) => r.some((c) => c !== ''));
          expect(await roundTrip('csv', csv)).toEqual(csv);
        },
      ),
      { numRuns: 15 },
    );
  });
});
