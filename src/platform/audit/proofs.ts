import type { Exec } from '../db/database.ts';
import { badRequest } from '../http/errors.ts';
import {
  completeSubtrees,
  consistencyPath,
  foldSubtrees,
  inclusionPath,
  type NodeId,
  type NodeRange,
} from './merkle.ts';
import { nodeKey, readNodes, readNodesAndSize } from './repo.ts';
import { TreeCorruptError } from './sequencer.ts';

// Proofs read from the stored complete subtrees: every node a proof needs is either stored or (on
// the right edge of a smaller tree) folded from at most log2(n) stored ones. One query per proof.

export type InclusionProof = {
  index: number;
  treeSize: number;
  leafHash: Buffer;
  proof: Buffer[];
  rootHash: Buffer;
};
export type ConsistencyProof = {
  from: number;
  to: number;
  proof: Buffer[];
  fromRoot: Buffer;
  toRoot: Buffer;
};

/** The complete subtrees behind each range, once each. */
function subtreesOf(ranges: readonly NodeRange[]): { parts: NodeId[][]; unique: NodeId[] } {
  const parts = ranges.map((r) => completeSubtrees(r.start, r.end));
  const unique = new Map<string, NodeId>();
  for (const id of parts.flat()) unique.set(nodeKey(id.level, id.index), id);
  return { parts, unique: [...unique.values()] };
}

function fold(parts: readonly NodeId[][], stored: Map<string, Buffer>): Buffer[] {
  return parts.map((ids) =>
    foldSubtrees(
      ids.map((id) => {
        const hash = stored.get(nodeKey(id.level, id.index));
        if (!hash) throw new TreeCorruptError(`audit tree node ${nodeKey(id.level, id.index)} is missing`);
        return hash;
      }),
    ),
  );
}

/** Reads the nodes behind `ranges` and the current size together, checks `treeSize`, hashes each range. */
async function hashRangesAt(ex: Exec, treeSize: number, ranges: readonly NodeRange[]): Promise<Buffer[]> {
  const { parts, unique } = subtreesOf(ranges);
  const { size, hashes } = await readNodesAndSize(ex, unique);
  if (treeSize > size) {
    throw badRequest(
      `Tree size ${treeSize} is larger than the audit log, which has ${size} integrated entries.`,
    );
  }
  const stored = new Map<string, Buffer>();
  unique.forEach((id, i) => {
    const hash = hashes[i];
    if (hash) stored.set(nodeKey(id.level, id.index), hash);
  });
  return fold(parts, stored);
}

function checkInteger(name: string, value: number, min: number, max: number, maxName = `${max}`): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw badRequest(`${name} must be an integer from ${min} to ${maxName}; got ${value}.`);
  }
}

export async function proveInclusion(ex: Exec, index: number, treeSize: number): Promise<InclusionProof> {
  checkInteger('treeSize', treeSize, 1, Number.MAX_SAFE_INTEGER, 'the log size');
  checkInteger('index', index, 0, treeSize - 1, `treeSize - 1 (${treeSize - 1})`);
  const [leafHash, rootHash, ...proof] = await hashRangesAt(ex, treeSize, [
    { start: index, end: index + 1 },
    { start: 0, end: treeSize },
    ...inclusionPath(index, treeSize),
  ]);
  if (!leafHash || !rootHash) throw new Error('hashRangesAt lost a range');
  return { index, treeSize, leafHash, proof, rootHash };
}

export async function proveConsistency(ex: Exec, from: number, to: number): Promise<ConsistencyProof> {
  checkInteger('to', to, 1, Number.MAX_SAFE_INTEGER, 'the log size');
  checkInteger('from', from, 1, to, `"to" (${to})`);
  const [fromRoot, toRoot, ...proof] = await hashRangesAt(ex, to, [
    { start: 0, end: from },
    { start: 0, end: to },
    ...consistencyPath(from, to),
  ]);
  if (!fromRoot || !toRoot) throw new Error('hashRangesAt lost a range');
  return { from, to, proof, fromRoot, toRoot };
}

/** The root of the log's first `size` entries, from stored nodes (size ≤ the integrated size). */
export async function rootAt(ex: Exec, size: number): Promise<Buffer> {
  const { parts, unique } = subtreesOf([{ start: 0, end: size }]);
  const [root] = fold(parts, await readNodes(ex, unique));
  if (!root) throw new Error('rootAt lost its range');
  return root;
}
