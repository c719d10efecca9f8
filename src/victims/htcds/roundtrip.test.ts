import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HtcdsDatabase, htcdsDatabase } from '../../../test/helpers/htcds.ts';
import {
  CTDC_FILE,
  caseOnly,
  csvOf,
  htcdsRow,
  personOnly,
  sortRows,
} from '../../../test/helpers/htcds-rows.ts';
import { htcdsHeader } from './fields.ts';
import { bufferSource, readRecords } from './source.ts';

// Export → import into a fresh database → export again gives the same bytes (CSV) and the same
// cells (XLSX), over rows that fill every HTCDS field and every shape a row can take.

const rows = sortRows([
  ...Array.from({ length: 24 }, (_, i) => htcdsRow(i)),
  htcdsRow(3, { caseNo: 7 }), // a person in two cases, a case with two persons
  personOnly(htcdsRow(40)), // a person in no case (with an event outside any case)
  caseOnly(htcdsRow(41)), // a case with no person
]);
const original = csvOf(rows);

async function cellsOf(format: 'csv' | 'xlsx', bytes: Uint8Array): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of readRecords(bufferSource(`x.${format}`, format, bytes), 1 << 30)) out.push(r.cells);
  return out;
}

let a: HtcdsDatabase;
let b: HtcdsDatabase;
beforeAll(async () => {
  [a, b] = await Promise.all([htcdsDatabase(), htcdsDatabase()]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('HTCDS round trip', () => {
  // Without the CTDC rows every test row is the same kind of case, and the fields of the others stay empty.
  it.skipIf(!existsSync(CTDC_FILE))('fills every HTCDS field in the test rows', async () => {
    const cells = await cellsOf('csv', Buffer.from(original));
    const [header = [], ...data] = cells;
    const empty = header.filter((_, i) => data.every((r) => r[i] === ''));
    expect(empty).toEqual([]);
  });

  it('imports a file and exports the same bytes; a fresh database gives them again', async () => {
    const imported = await a.importText(original);
    expect(imported.issues).toEqual([]);
    expect(imported.counts.persons.created).toBe(25);
    const first = await a.exportBytes('csv');
    expect(first.bytes.toString('utf8')).toBe(original);
    const again = await b.importText(first.bytes);
    expect(again.issues).toEqual([]);
    const second = await b.exportBytes('csv');
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(second.report.sha256).toBe(first.report.sha256);
  });

  it('round-trips XLSX cell for cell', async () => {
    const c = await htcdsDatabase();
    try {
      const xlsx = await a.exportBytes('xlsx');
      const imported = await c.importText(xlsx.bytes, { format: 'xlsx' });
      expect(imported.issues).toEqual([]);
      const again = await c.exportBytes('xlsx');
      const [before, after, csv] = await Promise.all([
        cellsOf('xlsx', xlsx.bytes),
        cellsOf('xlsx', again.bytes),
        cellsOf('csv', Buffer.from(original)),
      ]);
      expect(after).toEqual(before);
      expect(before).toEqual(csv);
      expect(before[0]).toEqual(htcdsHeader());
    } finally {
      await c.close();
    }
  });
});
