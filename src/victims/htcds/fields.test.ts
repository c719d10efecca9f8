import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../platform/paths.ts';
import { catalogue } from '../catalogue.ts';
import { csvRecords } from './csv.ts';
import { CASE_KEY, FIELD_HOMES, htcdsHeader, PERSON_KEY } from './fields.ts';

const SHARED_CSV = repoPath('..', 'shared', 'standards', 'htcds', 'htcds-2.0-fields.csv');

/** The text as a stream yields it, here in a single read. */
async function* stream(text: string): AsyncGenerator<string> {
  yield text;
}

/** The standard's field names in its order, read with the module's own CSV reader. */
async function standardFields(): Promise<string[]> {
  const records = [];
  for await (const r of csvRecords(stream(readFileSync(SHARED_CSV, 'utf8')))) records.push(r.cells);
  const [header = [], ...rows] = records;
  const [prefix, name, full] = ['Field Name Prefix', 'Field Name', 'Field Name including Prefix'].map((c) =>
    header.indexOf(c),
  );
  return rows
    .filter((r) => /^[a-z]{3}_$/.test((r[prefix ?? -1] ?? '').trim()))
    .map(
      (r) =>
        (r[full ?? -1] ?? '').trim() || `${(r[prefix ?? -1] ?? '').trim()}${(r[name ?? -1] ?? '').trim()}`,
    );
}

describe('the HTCDS file header', () => {
  it.skipIf(!existsSync(SHARED_CSV))(
    'has every Field Name including Prefix of the standard, in its order, then the jar_ extensions and the keys',
    async () => {
      const standard = await standardFields();
      expect(standard.length).toBeGreaterThanOrEqual(80);
      const header = htcdsHeader();
      expect(header.slice(0, standard.length)).toEqual(standard);
      const rest = header.slice(standard.length);
      expect(rest.every((f) => f.startsWith('jar_'))).toBe(true);
      expect(rest.slice(-2)).toEqual([PERSON_KEY, CASE_KEY]);
      expect(new Set(header).size).toBe(header.length);
    },
  );

  it('gives every catalogue field a column, and no other', () => {
    const fields = catalogue().fields.map((f) => f.field);
    expect(Object.keys(FIELD_HOMES).sort()).toEqual([...fields].sort());
    expect([...htcdsHeader()].sort()).toEqual([...fields].sort());
  });
});
