import type { Exec } from '../../platform/db/database.ts';
import { type CheckPool, createCheckPool } from './check-pool.ts';
import { GROUPS, type RowFacts, rowInspector } from './check-row.ts';
import { blockRecords, FileProblem, type RawRecord } from './csv.ts';
import { CannotCut, type CsvBlock, csvBlocks } from './csv-blocks.ts';
import { CASE_KEY, PERSON_KEY } from './fields.ts';
import { type FileLayout, type Issue, layoutOf } from './parse-row.ts';
import { idsByKeys, mergedAway, usersByName } from './repo.ts';
import { capped, type HtcdsSource, readRecords } from './source.ts';

// The first pass of an import: every row checked on its own (check-row.ts, in worker threads for a
// large file), then across rows: a person (or case, or organisation) appearing in several rows must
// say the same in each, a person–case pair appears once, case owners are users of the agency, and
// no row names a person merged into another (new records go to the survivor).
// Nothing is written; every problem is reported.

export { rowHash } from './check-row.ts';

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

type Seen = { row: number; cells: Int32Array };

/** Rows sent to a worker at a time, and chunks in flight per worker. */
const CHUNK = 250;
const IN_FLIGHT = 3;
/** A CSV block: 250 rows or 512 KiB; a record of more than 16 MiB is read in one thread. */
const BLOCK_SIZES = { records: CHUNK, bytes: 512 << 10, maxRecordBytes: 16 << 20 };

export async function checkFile(
  db: Exec,
  agencyId: string,
  source: HtcdsSource,
  maxBytes: number,
  workers = 0,
): Promise<Checked> {
  if (workers > 0 && source.format === 'csv') {
    const checker = await checkCsvBlocks(source, maxBytes, workers);
    if (checker) return checker.finish(db, agencyId);
  }
  const records = readRecords(source, maxBytes);
  const first = await records.next();
  if (first.done) throw new FileProblem('The file is empty: it needs a header row of HTCDS field names.');
  const checker = rowChecker(first.value.cells);
  if (workers > 0) await inspectInPool(records, checker, workers);
  else {
    const inspect = rowInspector(checker.layout, checker.header);
    for await (const record of records) checker.absorb(inspect(record));
  }
  return checker.finish(db, agencyId);
}

type RowChecker = {
  layout: FileLayout;
  header: string[];
  /** Compares a row with the rows before it; rows must come in file order. */
  absorb(facts: RowFacts): void;
  /** After the last row: the checks against the database, and the result. */
  finish(db: Exec, agencyId: string): Promise<Checked>;
};

function rowChecker(header: string[]): RowChecker {
  const { layout, problems } = layoutOf(header);
  if (!layout) throw new FileProblem(`The header row is not an HTCDS header: ${problems.join('; ')}.`);
  const groupColumns = GROUPS.map((g) => layout.columns.filter((c) => g.parts.includes(c.part)));
  const seen = GROUPS.map(() => new Map<string, Seen>());
  const pairs = new Map<string, number>();
  const owners = new Map<string, number[]>();
  const personRows = new Map<string, number[]>();
  const issues: Issue[] = [];
  const skip: Checked['skip'] = { rows: new Set(), persons: new Set(), cases: new Set() };
  let rows = 0;
  let rowHashes = new Int32Array(1024);

  const refuse = (facts: RowFacts, found: Issue[]) => {
    issues.push(...found);
    skip.rows.add(facts.row);
    if (facts.personCell) skip.persons.add(facts.personCell);
    if (facts.caseCell) skip.cases.add(facts.caseCell);
  };

  const absorb = (facts: RowFacts) => {
    if (rows === rowHashes.length) {
      const grown = new Int32Array(rows * 2);
      grown.set(rowHashes);
      rowHashes = grown;
    }
    rowHashes[rows] = facts.hash;
    rows += 1;
    if (facts.issues.length > 0) {
      refuse(facts, facts.issues);
      return;
    }
    const mismatches: Issue[] = [];
    for (const [g, group] of GROUPS.entries()) {
      const mine = facts.groups[g];
      if (!mine) continue;
      const earlier = seen[g]?.get(mine.key);
      if (!earlier) {
        seen[g]?.set(mine.key, { row: facts.row, cells: mine.cells });
        continue;
      }
      for (const [i, column] of (groupColumns[g] ?? []).entries()) {
        if (earlier.cells[i] === mine.cells[i]) continue;
        mismatches.push({
          row: facts.row,
          column: column.field.field,
          message: `differs from row ${earlier.row}, which has the same ${group.name} (a record's fields must be the same in each of its rows)`,
        });
      }
    }
    // One row per person–case pair, per person in no case, and per case with no person.
    const pair = `${facts.personKey ?? ''}\u0000${facts.caseKey ?? ''}`;
    const earlier = pairs.get(pair);
    if (earlier !== undefined) {
      mismatches.push({
        row: facts.row,
        column: facts.caseKey === null ? PERSON_KEY : CASE_KEY,
        message: `is the same ${facts.personKey === null ? 'case' : facts.caseKey === null ? 'person' : 'person and case'} as row ${earlier}: one row each`,
      });
    } else pairs.set(pair, facts.row);
    // Pushed, not copied: every row of a file may name the same owner.
    const owner = facts.owner?.toLowerCase();
    if (owner) pushRow(owners, owner, facts.row);
    if (facts.personKey !== null) pushRow(personRows, facts.personKey, facts.row);
    if (mismatches.length > 0) refuse(facts, mismatches);
  };

  const finish = async (db: Exec, agencyId: string): Promise<Checked> => {
    if (rows === 0) throw new FileProblem('The file has a header but no rows.');
    const users = await usersByName(db, agencyId, [...owners.keys()]);
    for (const [name, at] of owners) {
      if (users.has(name)) continue;
      for (const row of at) {
        issues.push({ row, column: 'cas_CaseOwner', message: `"${name}" is not a user of your agency` });
        skip.rows.add(row);
      }
    }
    const stored = await idsByKeys(db, 'persons', agencyId, [...personRows.keys()]);
    const merged = await mergedAway(db, agencyId, stored);
    for (const [key, survivor] of merged) {
      skip.persons.add(key);
      for (const row of personRows.get(key) ?? []) {
        issues.push({
          row,
          column: PERSON_KEY,
          message: `person "${key}" was merged into person "${survivor}": use the surviving person's id`,
        });
        skip.rows.add(row);
      }
    }
    issues.sort((a, b) => a.row - b.row);
    return { layout, header, rows, issues, skip, rowHashes: rowHashes.subarray(0, rows) };
  };
  return { layout, header, absorb, finish };
}

function pushRow(map: Map<string, number[]>, key: string, row: number): void {
  const at = map.get(key);
  if (at) at.push(row);
  else map.set(key, [row]);
}

async function inspectInPool(
  records: AsyncIterable<RawRecord>,
  checker: RowChecker,
  workers: number,
): Promise<void> {
  const pool = createCheckPool(checker.header, workers);
  try {
    await absorbInOrder(chunksOf(records), pool.inspect, checker, workers * IN_FLIGHT);
  } finally {
    await pool.close();
  }
}

async function* chunksOf(records: AsyncIterable<RawRecord>): AsyncGenerator<RawRecord[]> {
  let chunk: RawRecord[] = [];
  for await (const record of records) {
    chunk.push(record);
    if (chunk.length < CHUNK) continue;
    yield chunk;
    chunk = [];
  }
  if (chunk.length > 0) yield chunk;
}

/** Thrown by `absorbInOrder` when the file must be read in one thread after all. */
class Reread extends Error {}

/**
 * Sends the chunks to be inspected, at most `inFlight` out at once, and absorbs their rows in file
 * order. A chunk answered `reread` ends it with `Reread`.
 */
async function absorbInOrder<T>(
  chunks: AsyncIterable<T>,
  inspect: (chunk: T) => Promise<RowFacts[] | 'reread'>,
  checker: RowChecker,
  inFlight: number,
): Promise<void> {
  const queue: Promise<RowFacts[] | 'reread'>[] = [];
  const take = async () => {
    const facts = await queue.shift();
    if (facts === 'reread') throw new Reread();
    for (const f of facts ?? []) checker.absorb(f);
  };
  try {
    for await (const chunk of chunks) {
      queue.push(inspect(chunk));
      if (queue.length >= inFlight) await take();
    }
    while (queue.length > 0) await take();
  } finally {
    // A chunk still out when reading failed must not count as unhandled.
    for (const p of queue) p.catch(() => {});
  }
}

/**
 * A CSV file's rows checked in worker threads that parse blocks of its bytes themselves
 * (csv-blocks.ts): this thread only cuts the blocks and compares the rows. Undefined when a block
 * could not be cut or read as cut (a malformed file, a line ending of CR alone): the caller then
 * reads the file in one thread, which reports its problem exactly as it always does.
 */
async function checkCsvBlocks(
  source: HtcdsSource,
  maxBytes: number,
  workers: number,
): Promise<RowChecker | undefined> {
  const blocks = csvBlocks(capped(source.bytes(), maxBytes), BLOCK_SIZES);
  let pool: CheckPool | undefined;
  try {
    const first = await blocks.next();
    if (first.done) return undefined;
    const header = await headerOf(first.value);
    if (!header || !layoutOf(header).layout) return undefined;
    const checker = rowChecker(header);
    pool = createCheckPool(header, workers);
    await absorbInOrder(blocks, pool.inspectBlock, checker, workers * IN_FLIGHT);
    return checker;
  } catch (err) {
    if (err instanceof Reread || err instanceof CannotCut) return undefined;
    throw err;
  } finally {
    await pool?.close();
  }
}

/** The header block's one record, or undefined when it is not one well-formed record. */
async function headerOf(block: CsvBlock): Promise<string[] | undefined> {
  const records: RawRecord[] = [];
  try {
    for await (const record of blockRecords(block.bytes, block.atStart, block.firstRow)) records.push(record);
  } catch (err) {
    if (err instanceof FileProblem) return undefined;
    throw err;
  }
  return records.length === 1 ? records[0]?.cells : undefined;
}
