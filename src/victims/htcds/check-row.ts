import { cellIsStoredText, formatValue, storedForm } from './codec.ts';
import type { RawRecord } from './csv.ts';
import { CASE_KEY, type Part, PERSON_KEY } from './fields.ts';
import { type FileLayout, type Issue, type ParsedRow, parseRow } from './parse-row.ts';
import { valueAt } from './plain.ts';

// What the first pass needs to know of one row, computed from that row alone (so rows can be looked
// at in worker threads, check-pool.ts): its hash, its problems, its keys, and a hash of each cell
// that must be the same in every row of its person, case or organisation.

/** FNV-1a: enough to notice that two rows' cells differ, without keeping the cells. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export const rowHash = (cells: readonly string[]) => hash(cells.join('\u0000'));

export const GROUPS: { name: string; key: (r: ParsedRow) => string | null; parts: readonly Part[] }[] = [
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

export type RowFacts = {
  row: number;
  hash: number;
  /** The row's own problems; with any, the row is not parsed and the fields below are empty. */
  issues: Issue[];
  /** The key cells as written (for skipping a person's or case's other rows). */
  personCell: string;
  caseCell: string;
  personKey: string | null;
  caseKey: string | null;
  /** Per group of GROUPS: the record's key and its cells hashed, or null when the row has none. */
  groups: ({ key: string; cells: Int32Array } | null)[];
  owner: string | null;
};

export type RowInspector = (record: RawRecord) => RowFacts;

export function rowInspector(layout: FileLayout, header: readonly string[]): RowInspector {
  // Per group, its columns and where their cells are in a row.
  const groupColumns = GROUPS.map((g) =>
    layout.columns.flatMap((column, at) =>
      g.parts.includes(column.part) ? [{ column, at, asWritten: cellIsStoredText(column) }] : [],
    ),
  );
  const [personAt, caseAt] = [header.indexOf(PERSON_KEY), header.indexOf(CASE_KEY)];
  return (record) => {
    const facts: RowFacts = {
      row: record.row,
      hash: rowHash(record.cells),
      issues: [],
      personCell: (personAt >= 0 ? record.cells[personAt] : '') ?? '',
      caseCell: (caseAt >= 0 ? record.cells[caseAt] : '') ?? '',
      personKey: null,
      caseKey: null,
      groups: [],
      owner: null,
    };
    const { parsed, issues } = parseRow(layout, record);
    if (!parsed) {
      facts.issues = issues;
      return facts;
    }
    facts.personKey = parsed.personKey;
    facts.caseKey = parsed.caseKey;
    facts.owner = parsed.values.case.owner ?? null;
    facts.groups = GROUPS.map((group, g) => {
      const key = group.key(parsed);
      const columns = groupColumns[g] ?? [];
      if (key === null || columns.length === 0) return null;
      const cells = new Int32Array(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const { column: c, at, asWritten } = columns[i] as (typeof columns)[number];
        // Most cells are text kept as written: hashed as they are, without looking up the value.
        cells[i] = hash(
          asWritten
            ? (record.cells[at] ?? '')
            : formatValue(storedForm(c, valueAt(parsed.values[c.part], c.key))),
        );
      }
      return { key, cells };
    });
    return facts;
  };
}
