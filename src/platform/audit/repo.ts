import { sql } from 'kysely';
import type { Exec } from '../db/database.ts';
import type { NodeHash } from './compact-range.ts';
import type { NodeId } from './merkle.ts';

// Every SQL statement of the audit log. Functions take the executor (db or tx) first.
// bigint columns come back from pg as strings; sizes and indexes here stay below 2^53.

/** pg_advisory_xact_lock keys: one integrator and one checkpointer at a time, across processes. */
const INTEGRATOR_LOCK = 7261101;
const CHECKPOINTER_LOCK = 7261102;

/** `at` as the leaf carries it: UTC, microseconds (a JS Date would drop them). */
const AT_TEXT = sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type QueuedEntry = {
  id: string;
  at: string;
  actor_id: string | null;
  actor: string;
  action: string;
  record_type: string;
  record_id: string | null;
  digest: Buffer;
};
export type SequencedEntry = QueuedEntry & { seq: number; leaf: Buffer | null };
export type TreeState = { size: number; root: Buffer; updatedAt: Date };
export type CheckpointRow = {
  id: number;
  treeSize: number;
  rootHash: Buffer;
  createdAt: Date;
  note: string;
  signature: Buffer;
};

export async function lockIntegrator(tx: Exec): Promise<void> {
  await sql`select pg_advisory_xact_lock(${INTEGRATOR_LOCK})`.execute(tx);
}

export async function lockCheckpointer(tx: Exec): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHECKPOINTER_LOCK})`.execute(tx);
}

export async function readTreeState(ex: Exec): Promise<TreeState> {
  const { rows } = await sql<{ size: string; root: Buffer; updated_at: Date }>`
    select size, root, updated_at from audit_tree_state`.execute(ex);
  const row = rows[0];
  if (!row) throw new Error('audit_tree_state has no row: is migration 0002 applied?');
  return { size: Number(row.size), root: row.root, updatedAt: row.updated_at };
}

export async function writeTreeState(tx: Exec, size: number, root: Buffer): Promise<void> {
  await sql`update audit_tree_state set size = ${size}, root = ${root}, updated_at = now()`.execute(tx);
}

/** The highest queued id now, so a caller can integrate what is queued without chasing new writes. */
export async function lastQueuedId(ex: Exec): Promise<string | undefined> {
  const { rows } = await sql<{ id: string | null }>`
    select max(id) as id from audit_entries where seq is null`.execute(ex);
  return rows[0]?.id ?? undefined;
}

/** The oldest queued entries (queue order = id), locked for this integrator's transaction. */
export async function takeQueued(tx: Exec, limit: number, upToId: string): Promise<QueuedEntry[]> {
  // Walk the partial index in id order. Without stats on a fresh backlog the planner picks a bitmap
  // scan that sorts the whole queue for every batch (measured: 240 ms per 2,000 of a 200k backlog).
  await sql`set local enable_bitmapscan = off`.execute(tx);
  const { rows } = await sql<QueuedEntry>`
    select id, ${AT_TEXT} as at, actor_id, actor, action, record_type, record_id, digest
    from audit_entries where seq is null and id <= ${upToId}
    order by id limit ${limit} for update`.execute(tx);
  return rows;
}

export async function assignLeaves(
  tx: Exec,
  leaves: readonly { id: string; seq: number; leaf: Buffer }[],
): Promise<void> {
  if (leaves.length === 0) return;
  await sql`
    update audit_entries e set seq = v.seq, leaf = v.leaf
    from unnest(${leaves.map((l) => l.id)}::bigint[], ${leaves.map((l) => l.seq)}::bigint[],
                ${leaves.map((l) => l.leaf)}::bytea[]) as v(id, seq, leaf)
    where e.id = v.id`.execute(tx);
}

export async function insertNodes(tx: Exec, nodes: readonly NodeHash[]): Promise<void> {
  if (nodes.length === 0) return;
  await sql`
    insert into audit_tree_nodes (level, idx, hash)
    select * from unnest(${nodes.map((n) => n.level)}::smallint[], ${nodes.map((n) => n.index)}::bigint[],
                         ${nodes.map((n) => n.hash)}::bytea[])`.execute(tx);
}

export const nodeKey = (level: number, index: number): string => `${level}/${index}`;

/** Stored hashes of the given complete subtrees, keyed by nodeKey (absent ones are missing). */
export async function readNodes(ex: Exec, ids: readonly NodeId[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (ids.length === 0) return found;
  const { rows } = await sql<{ level: number; idx: string; hash: Buffer }>`
    select n.level, n.idx, n.hash
    from unnest(${ids.map((i) => i.level)}::smallint[], ${ids.map((i) => i.index)}::bigint[]) as w(level, idx)
    join audit_tree_nodes n on n.level = w.level and n.idx = w.idx`.execute(ex);
  for (const r of rows) found.set(nodeKey(r.level, Number(r.idx)), r.hash);
  return found;
}

/**
 * The stored hashes of `ids` (in that order; undefined where missing) and the current tree size, in
 * one round trip and one row: proofs run this once each, and fewer, larger values keep them cheap.
 */
export async function readNodesAndSize(
  ex: Exec,
  ids: readonly NodeId[],
): Promise<{ size: number; hashes: (Buffer | undefined)[] }> {
  const { rows } = await sql<{ size: string; found: number[] | null; hashes: Buffer | null }>`
    select s.size, f.found, f.hashes
    from audit_tree_state s, lateral (
      select array_agg(w.ord order by w.ord) as found, string_agg(n.hash, ''::bytea order by w.ord) as hashes
      from unnest(${ids.map((i) => i.level)}::smallint[], ${ids.map((i) => i.index)}::bigint[])
        with ordinality as w(level, idx, ord)
      join audit_tree_nodes n on n.level = w.level and n.idx = w.idx
    ) f`.execute(ex);
  const row = rows[0];
  const hashes: (Buffer | undefined)[] = ids.map(() => undefined);
  (row?.found ?? []).forEach((ord, i) => {
    hashes[ord - 1] = row?.hashes?.subarray(i * 32, (i + 1) * 32);
  });
  return { size: Number(row?.size ?? 0), hashes };
}

/** Stored nodes whose last leaf lies in [from, to): the ones a tree grown from `from` to `to` completes. */
export async function readNodesCompleting(ex: Exec, from: number, to: number): Promise<NodeHash[]> {
  const levels: number[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  for (let level = 0; 2 ** level <= to; level++) {
    const lo = Math.floor(from / 2 ** level);
    const hi = Math.floor(to / 2 ** level) - 1;
    if (lo > hi) continue;
    levels.push(level);
    lows.push(lo);
    highs.push(hi);
  }
  if (levels.length === 0) return [];
  const { rows } = await sql<{ level: number; idx: string; hash: Buffer }>`
    select n.level, n.idx, n.hash
    from unnest(${levels}::smallint[], ${lows}::bigint[], ${highs}::bigint[]) as w(level, lo, hi)
    join audit_tree_nodes n on n.level = w.level and n.idx between w.lo and w.hi`.execute(ex);
  return rows.map((r) => ({ level: r.level, index: Number(r.idx), hash: r.hash }));
}

export async function countNodes(ex: Exec): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from audit_tree_nodes`.execute(ex);
  return Number(rows[0]?.n ?? 0);
}

const ENTRY_COLUMNS = sql`id, seq, ${AT_TEXT} as at, actor_id, actor, action, record_type, record_id, digest, leaf`;

function toSequenced(row: Omit<SequencedEntry, 'seq'> & { seq: string }): SequencedEntry {
  return { ...row, seq: Number(row.seq) };
}

/** What a listing may ask of an entry's columns, each compared exactly. */
export type EntryFilter = { action?: string; recordType?: string; recordId?: string; actor?: string };

/** Integrated entries matching `filter`, newest first, with `floor` ≤ seq < `before`. */
export async function listEntries(
  ex: Exec,
  before: number,
  limit: number,
  filter: EntryFilter = {},
  floor = 0,
): Promise<SequencedEntry[]> {
  const where = [sql`seq < ${before}`, sql`seq >= ${floor}`];
  if (filter.action !== undefined) where.push(sql`action = ${filter.action}`);
  if (filter.recordType !== undefined) where.push(sql`record_type = ${filter.recordType}`);
  if (filter.recordId !== undefined) where.push(sql`record_id = ${filter.recordId}`);
  if (filter.actor !== undefined) where.push(sql`actor = ${filter.actor}`);
  const { rows } = await sql<Omit<SequencedEntry, 'seq'> & { seq: string }>`
    select ${ENTRY_COLUMNS} from audit_entries
    where ${sql.join(where, sql` and `)} order by seq desc limit ${limit}`.execute(ex);
  return rows.map(toSequenced);
}

/** Integrated entries in leaf order from seq `from` on (for streaming the whole log). */
export async function readEntriesFrom(ex: Exec, from: number, limit: number): Promise<SequencedEntry[]> {
  const { rows } = await sql<Omit<SequencedEntry, 'seq'> & { seq: string }>`
    select ${ENTRY_COLUMNS} from audit_entries
    where seq >= ${from} order by seq limit ${limit}`.execute(ex);
  return rows.map(toSequenced);
}

export async function readEntryAt(ex: Exec, seq: number): Promise<SequencedEntry | undefined> {
  return (await readEntriesFrom(ex, seq, 1)).find((e) => e.seq === seq);
}

/** Rows that carry a leaf but no index: only a hand edit makes these. */
export async function countOrphanLeaves(ex: Exec): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from audit_entries where seq is null and leaf is not null`.execute(ex);
  return Number(rows[0]?.n ?? 0);
}

type CheckpointDbRow = {
  id: string;
  tree_size: string;
  root_hash: Buffer;
  created_at: Date;
  note: string;
  signature: Buffer;
};

function toCheckpoint(r: CheckpointDbRow): CheckpointRow {
  return {
    id: Number(r.id),
    treeSize: Number(r.tree_size),
    rootHash: r.root_hash,
    createdAt: r.created_at,
    note: r.note,
    signature: r.signature,
  };
}

export async function insertCheckpoint(
  tx: Exec,
  c: { treeSize: number; rootHash: Buffer; note: string; signature: Buffer },
): Promise<CheckpointRow> {
  const { rows } = await sql<CheckpointDbRow>`
    insert into audit_checkpoints (tree_size, root_hash, note, signature)
    values (${c.treeSize}, ${c.rootHash}, ${c.note}, ${c.signature})
    returning id, tree_size, root_hash, created_at, note, signature`.execute(tx);
  const row = rows[0];
  if (!row) throw new Error('insert into audit_checkpoints returned no row');
  return toCheckpoint(row);
}

export async function latestCheckpoint(ex: Exec): Promise<CheckpointRow | undefined> {
  const { rows } = await sql<CheckpointDbRow>`
    select id, tree_size, root_hash, created_at, note, signature from audit_checkpoints
    order by tree_size desc, id desc limit 1`.execute(ex);
  return rows[0] && toCheckpoint(rows[0]);
}

export async function listCheckpoints(ex: Exec): Promise<CheckpointRow[]> {
  const { rows } = await sql<CheckpointDbRow>`
    select id, tree_size, root_hash, created_at, note, signature from audit_checkpoints
    order by tree_size, id`.execute(ex);
  return rows.map(toCheckpoint);
}
