import type { Exec } from '../db/database.ts';
import { parseCheckpointBody, verifyCheckpointSignature } from './checkpoint.ts';
import { CompactRange, type NodeHash } from './compact-range.ts';
import { leafBytes, leafIndexOf } from './leaf.ts';
import { EMPTY_ROOT, hashLeaf } from './merkle.ts';
import {
  type CheckpointRow,
  countNodes,
  countOrphanLeaves,
  listCheckpoints,
  nodeKey,
  readEntriesFrom,
  readNodesCompleting,
  readTreeState,
  type SequencedEntry,
} from './repo.ts';

// Recomputes the whole tree from the entry rows, streamed in seq order, and compares everything that
// was stored or signed along the way. Nothing stored is trusted: only the rows' columns and the key.

export type VerifyResult = {
  ok: boolean;
  treeSize: number;
  checkpointsChecked: number;
  /** The lowest leaf index found missing, moved or altered. */
  firstBadIndex?: number;
  /** Ids of checkpoints whose root or signature does not hold. */
  badCheckpoints: number[];
  problems: string[];
};

const BATCH = 10_000;
const MAX_PROBLEMS = 50;

class Findings {
  readonly problems: string[] = [];
  readonly badCheckpoints: number[] = [];
  firstBadIndex: number | undefined;
  private dropped = 0;

  add(message: string, badIndex?: number): void {
    if (badIndex !== undefined && (this.firstBadIndex === undefined || badIndex < this.firstBadIndex)) {
      this.firstBadIndex = badIndex;
    }
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(message);
    else this.dropped++;
  }

  list(): string[] {
    return this.dropped > 0 ? [...this.problems, `... and ${this.dropped} more problems`] : this.problems;
  }
}

function checkRow(row: SequencedEntry, f: Findings): Buffer | undefined {
  if (!row.leaf) {
    f.add(`entry ${row.seq} has an index but no leaf`, row.seq);
    return undefined;
  }
  const claimed = leafIndexOf(row.leaf);
  if (claimed !== row.seq) {
    f.add(
      `entry ${row.seq} holds the leaf of entry ${claimed ?? '?'} (rows reordered or leaf replaced)`,
      row.seq,
    );
    return row.leaf;
  }
  const derived = leafBytes({
    index: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actor: row.actor,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    digest: row.digest,
  });
  if (!derived.equals(row.leaf))
    f.add(`entry ${row.seq} was modified: its columns no longer match its leaf`, row.seq);
  return row.leaf;
}

function checkCheckpoint(c: CheckpointRow, root: Buffer, publicKey: Buffer, f: Findings): void {
  const bad = (why: string) => {
    if (!f.badCheckpoints.includes(c.id)) f.badCheckpoints.push(c.id);
    f.add(`checkpoint ${c.id} (size ${c.treeSize}): ${why}`);
  };
  if (!c.rootHash.equals(root)) bad('its root does not match the recomputed root');
  const body = parseCheckpointBody(c.note);
  if (!body || body.size !== c.treeSize || !body.root.equals(c.rootHash))
    bad('its note does not state its size and root');
  if (!verifyCheckpointSignature(c.note, c.signature, publicKey))
    bad('its signature does not verify under the node key');
}

export type VerifyOptions = { onProgress?: (verified: number, total: number) => void };

/** Verifies the audit log in `db` against the node's raw Ed25519 public key. */
export async function verifyAuditLog(
  db: Exec,
  publicKey: Buffer,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const f = new Findings();
  const state = await readTreeState(db);
  const checkpoints = await listCheckpoints(db);
  let nextCheckpoint = 0;
  const tree = new CompactRange();
  const checkCheckpointsAt = (size: number) => {
    for (let c = checkpoints[nextCheckpoint]; c && c.treeSize === size; c = checkpoints[++nextCheckpoint]) {
      checkCheckpoint(c, tree.root(), publicKey, f);
    }
  };
  checkCheckpointsAt(0);
  let expectedSeq = 0;
  let nodeMismatches = 0;

  for (let cursor = 0; ; ) {
    const rows = await readEntriesFrom(db, cursor, BATCH);
    if (rows.length === 0) break;
    const from = tree.size;
    const computed: NodeHash[] = [];
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        const gap =
          row.seq - expectedSeq === 1
            ? `entry ${expectedSeq} is`
            : `entries ${expectedSeq} to ${row.seq - 1} are`;
        f.add(`${gap} missing`, expectedSeq);
      }
      expectedSeq = row.seq + 1;
      const leaf = checkRow(row, f);
      tree.append(hashLeaf(leaf ?? Buffer.alloc(0)), (n) => computed.push(n));
      checkCheckpointsAt(tree.size);
    }
    const stored = new Map<string, Buffer>();
    for (const n of await readNodesCompleting(db, from, tree.size))
      stored.set(nodeKey(n.level, n.index), n.hash);
    for (const n of computed) {
      const hash = stored.get(nodeKey(n.level, n.index));
      if (hash?.equals(n.hash)) continue;
      nodeMismatches++;
      if (nodeMismatches === 1) {
        const what = hash ? 'does not match the recomputed hash' : 'is missing';
        f.add(`stored tree node ${nodeKey(n.level, n.index)} (level/index) ${what}`, n.index * 2 ** n.level);
      }
    }
    const last = rows[rows.length - 1];
    cursor = (last?.seq ?? cursor) + 1;
    options.onProgress?.(tree.size, state.size);
  }

  if (nodeMismatches > 1) f.add(`${nodeMismatches} stored tree nodes in all differ from the recomputation`);
  const size = tree.size;
  for (const c of checkpoints.slice(nextCheckpoint)) {
    f.badCheckpoints.push(c.id);
    f.add(
      `checkpoint ${c.id} covers ${c.treeSize} entries but the log has ${size}`,
      Math.min(size, c.treeSize),
    );
  }
  if (state.size !== size)
    f.add(`the tree state says ${state.size} entries but the log has ${size}`, Math.min(size, state.size));
  if (!state.root.equals(size === 0 ? EMPTY_ROOT : tree.root()))
    f.add('the stored root does not match the recomputed root');
  let expectedNodes = 0;
  for (let level = 0; 2 ** level <= size; level++) expectedNodes += Math.floor(size / 2 ** level);
  const storedNodes = await countNodes(db);
  if (storedNodes !== expectedNodes)
    f.add(`${storedNodes} tree nodes are stored where ${expectedNodes} are expected`);
  const orphans = await countOrphanLeaves(db);
  if (orphans > 0) f.add(`${orphans} queued entries carry a leaf without an index`);

  const problems = f.list();
  return {
    ok: problems.length === 0,
    treeSize: size,
    checkpointsChecked: checkpoints.length,
    ...(f.firstBadIndex === undefined ? {} : { firstBadIndex: f.firstBadIndex }),
    badCheckpoints: f.badCheckpoints,
    problems,
  };
}
