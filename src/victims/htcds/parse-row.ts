import type { z } from 'zod';
import { CellProblem, type CellValue, parseCell } from './codec.ts';
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
 * Parts whose cells can be checked one field at a time: their shape has no rule across fields and
 * no required key. Zod on whole parts was ~60 % of checking a row, and most cells repeat
 * (picklists, dates, places), so the first pass checks only the cells no earlier row had
 * (`cellsAccepted`); the others are parsed whole.
 */
const BY_FIELD = new Set(
  (Object.keys(PART_SHAPES) as Part[]).filter((part) => {
    const shape = PART_SHAPES[part];
    const fields: Record<string, z.ZodType> = shape.shape;
    return (
      (shape.def.checks?.length ?? 0) === 0 &&
      Object.values(fields).every((f) => f.safeParse(undefined).success)
    );
  }),
);
/** Per column, at most this many accepted cells, of at most this length, are remembered. */
const ACCEPTED_KEPT = 1_000;
const ACCEPTED_LENGTH = 100;

/** Per file layout (one import's first pass): by column index, the cells its field accepted. */
const acceptedCells = new WeakMap<FileLayout, Set<string>[]>();

/** A row's cells not accepted before, by part: those `cellsAccepted` checks. */
type FreshCells = Record<Part, { column: Column; cell: string }[]>;

/**
 * Whether a part's cells pass its shape: each cell no earlier row had is checked with its field's
 * own shape. Sound for BY_FIELD parts, since the shapes accept no other keys, convert nothing, and
 * a value once valid stays valid (a date "not in the future" included). False sends the part to
 * its shape, which reports its problems as it always did.
 */
function cellsAccepted(
  part: Part,
  given: Record<string, CellValue>,
  fresh: FreshCells[Part],
  accepted: Set<string>[],
): boolean {
  if (!BY_FIELD.has(part)) return false;
  const fields: Record<string, z.ZodType | undefined> = PART_SHAPES[part].shape;
  for (const { column } of fresh) {
    const field = Object.hasOwn(fields, column.key) ? fields[column.key] : undefined;
    if (!field?.safeParse(given[column.key]).success) return false;
  }
  for (const { column, cell } of fresh) {
    const seen = accepted[column.index] ?? new Set();
    accepted[column.index] = seen;
    if (seen.size < ACCEPTED_KEPT && cell.length <= ACCEPTED_LENGTH) seen.add(cell);
  }
  return true;
}

function freshCells(layout: FileLayout): { fresh: FreshCells; accepted: Set<string>[] } {
  let accepted = acceptedCells.get(layout);
  if (!accepted) {
    accepted = [];
    acceptedCells.set(layout, accepted);
  }
  const fresh = Object.fromEntries([...layout.parts].map((p) => [p, []])) as unknown as FreshCells;
  return { fresh, accepted };
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
  const values = emptyValues();
  // Trusted, the cells are converted straight into the values; else into `raw`, for the zod shapes.
  const raw: Record<Part, Record<string, CellValue>> = options.trusted ? values : emptyValues();
  const filled = new Set<Part>();
  // Untrusted: the cells no earlier row had, by part (cellsAccepted).
  const seen = options.trusted ? undefined : freshCells(layout);
  const { columns } = layout;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as Column;
    const cell = record.cells[i] ?? '';
    const value = parseCell(column, cell);
    if (value instanceof CellProblem) {
      at(column.field.field, value.message);
      continue;
    }
    raw[column.part][column.key] = value;
    if (seen && !seen.accepted[column.index]?.has(cell)) seen.fresh[column.part].push({ column, cell });
    if (value !== null && !(Array.isArray(value) && value.length === 0)) filled.add(column.part);
  }
  if (options.trusted) {
    return {
      parsed: {
        row: record.row,
        values,
        filled,
        personKey: keyOf(values.person.externalId),
        caseKey: keyOf(values.case.externalId),
      },
      issues,
    };
  }
  for (const part of layout.parts) {
    const given = raw[part];
    if (seen && cellsAccepted(part, given, seen.fresh[part], seen.accepted)) {
      Object.assign(values[part], given);
      continue;
    }
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
