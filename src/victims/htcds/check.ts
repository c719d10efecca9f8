import type { Exec } from '../../platform/db/database.ts';
import { formatValue, storedForm } from './codec.ts';
import { FileProblem } from './csv.ts';
import { CASE_KEY, type Column, type Part, PERSON_KEY } from './fields.ts';
import { type FileLayout, type Issue, layoutOf, type ParsedRow, parseRow } from './parse-row.ts';
import { valueAt } from './plain.ts';
import { usersByName } from './repo.ts';
import { type HtcdsSource, readRecords } from './source.ts';

// The first pass of an import: every row checked on its own, then across rows: a person (or case,
// or organisation) appearing in several rows must say the same in each, a person–case pair appears
// once, and case owners are users of the agency. Nothing is written; every problem is reported.

export type Checked = {
  layout: FileLayout;
  header: string[];
  rows: number;
  issues: Issue[];
  /** Each row's cells hashed (by row order), so the second pass can tell the file is unchanged. */
  rowHashes: Int32Array;
  /** Rows an import with `partial` skips: those with a problem, and all rows of their persons and cases. */
  skip: { rows: Set<number>; persons: Set<string>; cases: Set<string> };
};

const GROUPS: { name: string; key: (r: ParsedRow) => string | null; parts: readonly Part[] }[] = [
  {
    name: PERSON_KEY,
    key: (r) => r.personKey,
    parts: ['identity', 'profile', 'person', 'victim', 'perpetrator'],
  },
  { name: CASE_KEY, key: (r) => r.caseKey, parts: ['case', 'referral', 'comment'] },
  {
    name: 'org_Name',
    key: (r) => (r.filled.has('organisation') ? (r.values.organisation.name ?? null) : null),
    parts: ['organisation'],
  },
];

/** FNV-1a: enough to notice that two rows' cells differ, without keeping the cells. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

type Seen = { row: number; cells: Int32Array };

export const rowHash = (cells: readonly string[]) => hash(cells.join('\u0000'));

export async function checkFile(
  db: Exec,
  agencyId: string,
  source: HtcdsSource,
  maxBytes: number,
): Promise<Checked> {
  const records = readRecords(source, maxBytes);
  const first = await records.next();
  if (first.done) throw new FileProblem('The file is empty: it needs a header row of HTCDS field names.');
  const header = first.value.cells;
  const { layout, problems } = layoutOf(header);
  if (!layout) throw new FileProblem(`The header row is not an HTCDS header: ${problems.join('; ')}.`);
  const groupColumns = GROUPS.map((g) => layout.columns.filter((c) => g.parts.includes(c.part)));
  const seen = GROUPS.map(() => new Map<string, Seen>());
  const pairs = new Map<string, number>();
  const owners = new Map<string, number[]>();
  const issues: Issue[] = [];
  const skip: Checked['skip'] = { rows: new Set(), persons: new Set(), cases: new Set() };
  const keyIndex = (name: string) => header.indexOf(name);
  const [personAt, caseAt] = [keyIndex(PERSON_KEY), keyIndex(CASE_KEY)];
  let rows = 0;
  let rowHashes = new Int32Array(1024);

  const refuse = (row: number, cells: readonly string[], found: Issue[]) => {
    issues.push(...found);
    skip.rows.add(row);
    const p = personAt >= 0 ? cells[personAt] : '';
    const c = caseAt >= 0 ? cells[caseAt] : '';
    if (p) skip.persons.add(p);
    if (c) skip.cases.add(c);
  };

  for await (const record of records) {
    if (rows === rowHashes.length) {
      const grown = new Int32Array(rows * 2);
      grown.set(rowHashes);
      rowHashes = grown;
    }
    rowHashes[rows] = rowHash(record.cells);
    rows += 1;
    const { parsed, issues: found } = parseRow(layout, record);
    if (!parsed) {
      refuse(record.row, record.cells, found);
      continue;
    }
    const mismatches: Issue[] = [];
    for (const [g, group] of GROUPS.entries()) {
      const key = group.key(parsed);
      const columns = groupColumns[g] ?? [];
      if (key === null || columns.length === 0) continue;
      const cells = Int32Array.from(columns, (c: Column) =>
        hash(formatValue(storedForm(c, valueAt(parsed.values[c.part], c.key)))),
      );
      const earlier = seen[g]?.get(key);
      if (!earlier) {
        seen[g]?.set(key, { row: record.row, cells });
        continue;
      }
      for (const [i, column] of columns.entries()) {
        if (earlier.cells[i] === cells[i]) continue;
        mismatches.push({
          row: record.row,
          column: column.field.field,
          message: `differs from row ${earlier.row}, which has the same ${group.name} (a record's fields must be the same in each of its rows)`,
        });
      }
    }
    // One row per person–case pair, per person in no case, and per case with no person.
    const pair = `${parsed.personKey ?? ''}\u0000${parsed.caseKey ?? ''}`;
    const earlier = pairs.get(pair);
    if (earlier !== undefined) {
      mismatches.push({
        row: record.row,
        column: parsed.caseKey === null ? PERSON_KEY : CASE_KEY,
        message: `is the same ${parsed.personKey === null ? 'case' : parsed.caseKey === null ? 'person' : 'person and case'} as row ${earlier}: one row each`,
      });
    } else pairs.set(pair, record.row);
    const owner = parsed.values.case.owner;
    if (owner) owners.set(owner.toLowerCase(), [...(owners.get(owner.toLowerCase()) ?? []), record.row]);
    if (mismatches.length > 0) refuse(record.row, record.cells, mismatches);
  }
  if (rows === 0) throw new FileProblem('The file has a header but no rows.');

  const users = await usersByName(db, agencyId, [...owners.keys()]);
  for (const [name, at] of owners) {
    if (users.has(name)) continue;
    for (const row of at) {
      issues.push({ row, column: 'cas_CaseOwner', message: `"${name}" is not a user of your agency` });
      skip.rows.add(row);
    }
  }
  issues.sort((a, b) => a.row - b.row);
  return { layout, header, rows, issues, skip, rowHashes: rowHashes.subarray(0, rows) };
}
