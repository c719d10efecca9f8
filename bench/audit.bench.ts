import { randomInt } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import pino from 'pino';
import { type AuditEvent, appendAudit, appendAuditBatch } from '../src/platform/audit/append.ts';
import { verifyInclusion } from '../src/platform/audit/merkle.ts';
import { proveConsistency, proveInclusion } from '../src/platform/audit/proofs.ts';
import { readTreeState } from '../src/platform/audit/repo.ts';
import { integratePending, startSequencer } from '../src/platform/audit/sequencer.ts';
import { listAuditEntries, SEARCH_STRETCH } from '../src/platform/audit/service.ts';
import { verifyAuditLog } from '../src/platform/audit/verify.ts';
import { type Db, openDatabase } from '../src/platform/db/database.ts';
import type { BenchResult } from './lib/types.ts';

// Audit log: audited writes per second (batched and one per transaction, with the sequencer running
// alongside), and proof latency read from the stored tree at one million entries.

type Ctx = { url: string; log(line: string): void };

const BATCH = 500;
const BATCHED_ENTRIES = 100_000;
const SINGLE_ENTRIES = 5_000;
const WRITERS = 4;
const LARGE_TREE = 1_000_000;
const PROOFS = 1_000;
const PAGES = 200;

const event = (i: number): AuditEvent => ({
  actor: { id: '5b0f5a0e-3c52-4a4e-9d1e-6f1f2b8f0a11', label: 'bench officer' },
  action: 'person.update',
  recordType: 'person',
  recordId: `v-${i}`,
  change: { field: 'support_plan', value: i },
});

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function waitIntegrated(db: Db, size: number): Promise<void> {
  while ((await readTreeState(db)).size < size) await new Promise((r) => setTimeout(r, 5));
}

/** Writers append while the sequencer integrates; returns [enqueue rate, integrated rate]. */
async function measureWrites(db: Db, total: number, perTx: number): Promise<[number, number]> {
  const start = (await readTreeState(db)).size;
  const sequencer = startSequencer(db, pino({ level: 'silent' }), { intervalMs: 20, batchSize: 5000 });
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < total) {
        const from = next;
        next += perTx;
        const events = Array.from({ length: Math.min(perTx, total - from) }, (_, i) => event(from + i));
        await db
          .transaction()
          .execute((tx) => (perTx === 1 ? appendAudit(tx, event(from)) : appendAuditBatch(tx, events)));
      }
    }),
  );
  const written = (performance.now() - t0) / 1000;
  await waitIntegrated(db, start + total);
  const integrated = (performance.now() - t0) / 1000;
  await sequencer.stop();
  return [total / written, total / integrated];
}

/** Queues the rest of a large log in one statement per 100k rows, then integrates it in big batches. */
async function fill(db: Db, size: number, log: Ctx['log']): Promise<number> {
  const t0 = performance.now();
  const have = (await readTreeState(db)).size;
  for (let from = have; from < size; from += 100_000) {
    const to = Math.min(size, from + 100_000) - 1;
    await sql`
      insert into audit_entries (actor_id, actor, action, record_type, record_id, digest)
      select null, 'bench', 'person.read', 'person', 'v-' || i, sha256(i::text::bytea)
      from generate_series(${from}::int, ${to}::int) as i`.execute(db);
  }
  const queued = performance.now();
  let done = have;
  while (done < size) {
    const before = done;
    done += await integratePending(db, { batchSize: 20_000 });
    if (Math.floor(done / 200_000) > Math.floor(before / 200_000)) log(`integrated ${done} of ${size}`);
  }
  const seconds = (performance.now() - queued) / 1000;
  log(
    `queued ${size - have} in ${((queued - t0) / 1000).toFixed(1)} s, integrated in ${seconds.toFixed(1)} s`,
  );
  return (size - have) / seconds;
}

async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

export async function runAuditBench(ctx: Ctx): Promise<BenchResult[]> {
  const { db, close } = openDatabase(ctx.url, WRITERS + 4);
  try {
    const results: BenchResult[] = [];
    ctx.log(`batched writes: ${BATCHED_ENTRIES} entries, ${BATCH} per transaction, ${WRITERS} writers`);
    const [enqueued, integrated] = await measureWrites(db, BATCHED_ENTRIES, BATCH);
    results.push(
      { name: `Audited writes, ${BATCH} per transaction: queued`, value: enqueued, unit: 'entries/s' },
      {
        name: `Audited writes, ${BATCH} per transaction: queued and integrated`,
        value: integrated,
        unit: 'entries/s',
        target: '≥ 5,000 entries/s',
        pass: integrated >= 5000,
      },
    );
    ctx.log(`single writes: ${SINGLE_ENTRIES} transactions, ${WRITERS} writers`);
    const [single, singleIntegrated] = await measureWrites(db, SINGLE_ENTRIES, 1);
    results.push(
      { name: 'Audited writes, one per transaction: queued', value: single, unit: 'entries/s' },
      {
        name: 'Audited writes, one per transaction: queued and integrated',
        value: singleIntegrated,
        unit: 'entries/s',
      },
    );

    ctx.log(`filling the log to ${LARGE_TREE} entries`);
    const bulk = await fill(db, LARGE_TREE, ctx.log);
    results.push({
      name: 'Integration of a queued backlog (20,000 per transaction)',
      value: bulk,
      unit: 'entries/s',
    });
    const { size } = await readTreeState(db);
    // Measure the steady state: the bulk fill left a million dead row versions that autovacuum would
    // otherwise be cleaning (and competing for the two cores) during the timing.
    await sql`vacuum analyze audit_entries, audit_tree_nodes`.execute(db);
    await timeEach(300, () => proveInclusion(db, randomInt(size), size));
    const inclusion = await timeEach(PROOFS, () => proveInclusion(db, randomInt(size), size));
    // The timed proofs come from the stored nodes; check a sample of them against the stored root.
    const { root } = await readTreeState(db);
    for (let i = 0; i < 20; i++) {
      const p = await proveInclusion(db, randomInt(size), size);
      if (!p.rootHash.equals(root) || !verifyInclusion(p.index, size, p.leafHash, p.proof, root).ok) {
        throw new Error(`inclusion proof for ${p.index} does not verify`);
      }
    }
    const consistency = await timeEach(PROOFS, () => proveConsistency(db, 1 + randomInt(size - 1), size));
    // Other work on the machine shows in the tail: record how busy it was.
    const load = loadavg()[0] ?? 0;
    const target = '≤ 5 ms';
    const p50 = quantile(inclusion, 0.5);
    const p99 = quantile(inclusion, 0.99);
    results.push(
      { name: `Inclusion proof at ${size} entries, median`, value: p50, unit: 'ms', target, pass: p50 <= 5 },
      { name: `Inclusion proof at ${size} entries, p99`, value: p99, unit: 'ms', target, pass: p99 <= 5 },
      { name: `Consistency proof to ${size} entries, median`, value: quantile(consistency, 0.5), unit: 'ms' },
      { name: `Consistency proof to ${size} entries, p99`, value: quantile(consistency, 0.99), unit: 'ms' },
      {
        name: 'Load average (1 min) while proofs were timed',
        value: load,
        unit: `on ${cpus().length} cores`,
      },
    );

    // Listing the log filtered (the audit page): by a record (through its index), and by an action
    // no entry has, the worst case of a filter without an index (a whole stretch read for nothing).
    const byRecord = await timeEach(PAGES, () =>
      listAuditEntries(db, { limit: 50, recordId: `v-${randomInt(size)}`, before: size }),
    );
    const byAction = await timeEach(PAGES, () =>
      listAuditEntries(db, { limit: 50, action: 'case.export', before: 1 + randomInt(size) }),
    );
    results.push(
      {
        name: `Entries of one record at ${size} entries, median`,
        value: quantile(byRecord, 0.5),
        unit: 'ms',
      },
      { name: `Entries of one record at ${size} entries, p99`, value: quantile(byRecord, 0.99), unit: 'ms' },
      {
        name: `Entries of an action none has (${SEARCH_STRETCH} entries read) at ${size} entries, median`,
        value: quantile(byAction, 0.5),
        unit: 'ms',
      },
      {
        name: `Entries of an action none has (${SEARCH_STRETCH} entries read) at ${size} entries, p99`,
        value: quantile(byAction, 0.99),
        unit: 'ms',
      },
    );

    ctx.log(`verifying all ${size} entries`);
    const t0 = performance.now();
    const verdict = await verifyAuditLog(db, Buffer.alloc(32));
    const seconds = (performance.now() - t0) / 1000;
    if (!verdict.ok) ctx.log(`verification problems: ${verdict.problems.slice(0, 3).join('; ')}`);
    results.push({ name: `Full verification of ${size} entries`, value: size / seconds, unit: 'entries/s' });
    return results;
  } finally {
    await close();
  }
}
