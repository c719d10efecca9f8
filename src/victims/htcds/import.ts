import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { appendAudit } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Catalog } from '../identification/types.ts';
import { type SearchKeys, searchKeys } from '../search-keys.ts';
import { checkFile, rowHash } from './check.ts';
import { FileProblem } from './csv.ts';
import { type Issue, type ParsedRow, parseRow } from './parse-row.ts';
import { withAgencyImportLock } from './repo.ts';
import { createSealPool, type SealPool } from './seal-pool.ts';
import { digestOf, type HtcdsSource, readRecords } from './source.ts';
import {
  applyBatch,
  emptyCounts,
  type ImportCounts,
  newRun,
  type PreparedBatch,
  prepareBatch,
  type Who,
} from './write.ts';
import { type BatchWriter, createBatchWriter } from './write-thread.ts';

// An HTCDS import in two passes. First every row is checked (check.ts); with any problem, and
// without `partial`, nothing is written. Then the rows are written in batches, each batch one
// transaction with its audit entries: a process killed halfway leaves whole batches, and running
// the import again finds them unchanged and writes the rest, so the counts come out exact.

export type ImportOptions = {
  maxBytes: number;
  /** Write the rows without problems, skipping every row of a person or case that has one. */
  partial?: boolean;
  batchSize?: number;
  /** Worker threads for the first pass; by default none for a small file, one per core for a large one. */
  workers?: number;
  /**
   * Seal the write pass's field values in a worker thread; by default for a large file (as
   * `workers`), whose second pass is paced by the main thread.
   */
  sealWorker?: boolean;
  /**
   * Write the batches from a worker thread with a connection of its own (needs `ImportDeps.url`);
   * by default as `sealWorker`.
   */
  writerThread?: boolean;
  /** Called after each batch commits; the next batch is sent once what it returns has settled. */
  onBatch?: (progress: { committedRows: number; totalRows: number }) => void | Promise<void>;
};

export type ImportReport = {
  importId: string;
  file: { name: string; format: string; sha256: string; bytes: number };
  rows: number;
  written: boolean;
  writtenRows: number;
  skippedRows: number;
  issues: Issue[];
  counts: ImportCounts;
  seconds: number;
};

export type ImportDeps = {
  db: Db;
  cipher: FieldCipher;
  catalog: Catalog;
  /** The database's connection string, for the writer thread of a large file (`writerThread`). */
  url?: string;
};

const DEFAULT_BATCH = 500;
/** From this size on, starting worker threads (~0.5 s) pays for itself in the first pass. */
const WORKERS_FROM_BYTES = 4 << 20;

const workersFor = (bytes: number, options: ImportOptions) =>
  options.workers ?? (bytes >= WORKERS_FROM_BYTES ? Math.min(4, availableParallelism()) : 0);
const sealWorkerFor = (bytes: number, options: ImportOptions) =>
  options.sealWorker ?? (bytes >= WORKERS_FROM_BYTES && availableParallelism() > 1);

export async function importHtcds(
  deps: ImportDeps,
  who: Who,
  source: HtcdsSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const importId = randomUUID();
  const digest = await digestOf(source, options.maxBytes);
  const workers = workersFor(digest.bytes, options);
  const keys = await searchKeys(deps.db, deps.cipher);
  // Started now, its start-up overlaps the first pass.
  const threads = sealWorkerFor(digest.bytes, options);
  const seals = threads ? createSealPool(deps.cipher, keys) : undefined;
  const writer =
    deps.url !== undefined && (options.writerThread ?? threads) ? createBatchWriter(deps.url) : undefined;
  try {
    return await checkAndWrite(deps, who, source, options, {
      started,
      importId,
      digest,
      workers,
      seals,
      writer,
      keys,
    });
  } finally {
    await Promise.all([seals?.close(), writer?.close()]);
  }
}

type ImportStart = {
  started: number;
  importId: string;
  digest: Awaited<ReturnType<typeof digestOf>>;
  workers: number;
  seals: SealPool | undefined;
  writer: BatchWriter | undefined;
  keys: SearchKeys;
};

/** The two passes of an import: check the whole file, then (unless refused) write it in batches. */
async function checkAndWrite(
  deps: ImportDeps,
  who: Who,
  source: HtcdsSource,
  options: ImportOptions,
  { started, importId, digest, workers, seals, writer, keys }: ImportStart,
): Promise<ImportReport> {
  const checked = await checkFile(deps.db, who.agencyId, source, options.maxBytes, workers);
  const counts = emptyCounts();
  const refused = checked.issues.length > 0 && !options.partial;
  const report = (writtenRows: number, skippedRows: number): ImportReport => ({
    importId,
    file: { name: source.name, format: source.format, ...digest },
    rows: checked.rows,
    written: writtenRows > 0,
    writtenRows,
    skippedRows,
    issues: checked.issues,
    counts,
    seconds: (performance.now() - started) / 1000,
  });
  const actor = { id: who.userId, label: who.username };
  await appendAudit(deps.db, {
    actor,
    action: 'htcds.import',
    recordType: 'import',
    recordId: importId,
    change: {
      file: source.name,
      format: source.format,
      ...digest,
      rows: checked.rows,
      problems: checked.issues.length,
      partial: options.partial === true,
      outcome: refused ? 'refused' : 'writing',
    },
  });
  if (refused) return report(0, checked.rows);

  const today = new Date().toISOString().slice(0, 10);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const run = newRun();
  let batch: ParsedRow[] = [];
  let written = 0;
  let skipped = 0;
  const changed = () =>
    new FileProblem(`${source.name} changed while it was being imported; run the import again.`);
  const context = {
    run,
    db: deps.db,
    cipher: deps.cipher,
    seals,
    copy: writer !== undefined,
    keys,
    catalog: deps.catalog,
    who,
    importId,
    source: source.name,
    today,
  };
  // A batch is prepared (read, merged, sealed, scored) while the one before is being written; the
  // writes themselves run one batch after another, each in its own transaction.
  let writing: Promise<void> = Promise.resolve();
  // A batch in one transaction: on the writer thread's connection, or here. With the writer, the
  // file is checked before its statements are sent rather than before they commit.
  const commit = (prepared: PreparedBatch): Promise<void> => {
    if (writer) return source.unchanged() ? writer.write(prepared.statements) : Promise.reject(changed());
    return deps.db.transaction().execute(async (tx) => {
      await applyBatch(tx, prepared);
      if (!source.unchanged()) throw changed();
    });
  };
  // With a seal worker, a prepared batch is compiled and sent once the next one is prepared: its last
  // values are being sealed meanwhile, so the main thread does not wait for them. Without one, it is
  // sent at once, and written while the next one is prepared.
  let held: { rows: number; compile: () => Promise<PreparedBatch> } | undefined;
  const send = async () => {
    if (!held) return;
    const { rows, compile } = held;
    held = undefined;
    const prepared = await compile();
    await writing;
    writing = commit(prepared).then(async () => {
      written += rows;
      await options.onBatch?.({ committedRows: written, totalRows: checked.rows });
    });
    // Observed when awaited; a failure meanwhile must not count as unhandled.
    writing.catch(() => {});
  };
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (rows.length === 0) return;
    let compile: () => Promise<PreparedBatch>;
    try {
      compile = await prepareBatch(context, rows, counts);
    } catch (err) {
      // The batches before the one that failed are written, as they were prepared.
      await send();
      throw err;
    }
    await send();
    held = { rows: rows.length, compile };
    if (!seals) await send();
  };

  await withAgencyImportLock(deps.db, who.agencyId, async () => {
    const records = readRecords(source, options.maxBytes);
    const header = await records.next();
    if (header.done || header.value.cells.join('\u0000') !== checked.header.join('\u0000')) throw changed();
    let index = 0;
    try {
      for await (const record of records) {
        if (checked.rowHashes[index] !== rowHash(record.cells)) throw changed();
        index += 1;
        const { skip } = checked;
        const keyed = (p: ParsedRow) =>
          (p.personKey !== null && skip.persons.has(p.personKey)) ||
          (p.caseKey !== null && skip.cases.has(p.caseKey));
        const parsed = skip.rows.has(record.row)
          ? undefined
          : parseRow(checked.layout, record, { trusted: true }).parsed;
        if (!parsed || keyed(parsed)) {
          skipped += 1;
          continue;
        }
        batch.push(parsed);
        if (batch.length >= batchSize) await flush();
      }
      if (index !== checked.rows) throw changed();
      await flush();
      await send();
    } finally {
      await writing;
    }
  });
  await appendAudit(deps.db, {
    actor,
    action: 'htcds.import_done',
    recordType: 'import',
    recordId: importId,
    change: { writtenRows: written, skippedRows: skipped, counts },
  });
  return report(written, skipped);
}
