import type { CellValue } from './codec.ts';
import { parseCell } from './codec.ts';
import type { RawRecord } from './csv.ts';
import { CASE_KEY, type Column, FIELD_HOMES, htcdsColumns, type Part, PERSON_KEY } from './fields.ts';
import { rowRuleIssues } from './row-rules.ts';
import { PART_SHAPES, type PartValues } from './schema.ts';

// One row's cells → its parts' values, checked cell by cell (type, picklist, date, limits) and then
// across cells (row-rules.ts). Every problem is reported with its row and column.

export type Issue = { row: number; column: string; message: string };

/** Which catalogue column each of the file's columns is (the header, checked). */
export type FileLayout = { columns: readonly Column[]; parts: ReadonlySet<Part> };

export type ParsedRow = {
  row: number;
  /** Each part's values for the file's columns only; an absent column is an absent key. */
  values: { [P in Part]: Partial<PartValues[P]> };
  /** Parts with at least one non-empty cell. */
  filled: ReadonlySet<Part>;
  personKey: string | null;
  caseKey: string | null;
};

const keyOf = (v: unknown) => (typeof v === 'string' ? v : null);

/** Checks the header: known, unique column names, and at least one key column. */
export function layoutOf(header: readonly string[]): { layout?: FileLayout; problems: string[] } {
  const byName = new Map(htcdsColumns().map((c) => [c.field.field, c]));
  const problems: string[] = [];
  const seen = new Set<string>();
  const columns: Column[] = [];
  for (const [i, name] of header.entries()) {
    const column = byName.get(name);
    if (!column) problems.push(`column ${i + 1} "${name}" is not an HTCDS 2.0 field or a Jaring extension`);
    else if (seen.has(name)) problems.push(`column ${i + 1} "${name}" appears twice`);
    else columns.push(column);
    seen.add(name);
  }
  if (!seen.has(PERSON_KEY) && !seen.has(CASE_KEY)) {
    problems.push(`the header needs ${PERSON_KEY} or ${CASE_KEY}: rows are matched by their external ids`);
  }
  if (problems.length > 0) return { problems };
  return { layout: { columns, parts: new Set(columns.map((c) => c.part)) }, problems };
}

const fieldOf = new Map(Object.entries(FIELD_HOMES).map(([field, [part, key]]) => [`${part}.${key}`, field]));

function emptyValues(): ParsedRow['values'] {
  return {
    identity: {},
    profile: {},
    person: {},
    victim: {},
    perpetrator: {},
    organisation: {},
    case: {},
    link: {},
    referral: {},
    comment: {},
    event: {},
    plan: {},
    item: {},
  };
}

/**
 * Parses and checks a row. `trusted`: the row passed these checks before (the import's first pass,
 * with the same cells, as its hash shows), so only the cells are converted.
 */
export function parseRow(
  layout: FileLayout,
  record: RawRecord,
  options: { trusted?: boolean } = {},
): { parsed?: ParsedRow; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (column: string, message: string) => issues.push({ row: record.row, column, message });
  if (record.cells.length !== layout.columns.length) {
    at(
      layout.columns[0]?.field.field ?? PERSON_KEY,
      `the row has ${record.cells.length} cells; the header has ${layout.columns.length}`,
    );
    return { issues };
  }
  const raw: Record<string, Record<string, CellValue>> = {};
  const filled = new Set<Part>();
  for (const [i, column] of layout.columns.entries()) {
    const cell = parseCell(column, record.cells[i] ?? '');
    if (!cell.ok) {
      at(column.field.field, cell.message);
      continue;
    }
    const part = raw[column.part] ?? {};
    part[column.key] = cell.value;
    raw[column.part] = part;
    if (cell.value !== null && !(Array.isArray(cell.value) && cell.value.length === 0))
      filled.add(column.part);
  }
  const values = emptyValues();
  if (options.trusted) {
    for (const part of layout.parts) Object.assign(values[part], raw[part]);
    const parsed = { row: record.row, values, filled, personKey: null, caseKey: null };
    return {
      parsed: {
        ...parsed,
        personKey: keyOf(values.person.externalId),
        caseKey: keyOf(values.case.externalId),
      },
      issues,
    };
  }
  for (const part of layout.parts) {
    const given = raw[part] ?? {};
    const result = PART_SHAPES[part].safeParse(given);
    if (result.success) {
      Object.assign(values[part], result.data);
      continue;
    }
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = fieldOf.get(`${part}.${key}`) ?? key;
      const value =
        issue.path.length > 1 ? (given[key] as string[] | undefined)?.[Number(issue.path[1])] : given[key];
      at(
        field,
        issue.code === 'invalid_value' ? `"${String(value)}" is not a value of ${field}` : issue.message,
      );
    }
  }
  if (issues.length > 0) return { issues };
  const personKey = values.person.externalId ?? null;
  const caseKey = values.case.externalId ?? null;
  const parsed: ParsedRow = { row: record.row, values, filled, personKey, caseKey };
  for (const i of rowRuleIssues(parsed)) at(i.column, i.message);
  return issues.length > 0 ? { issues } : { parsed, issues };
}
