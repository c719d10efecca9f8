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
import { nodeKey, readNodes, readTreeState } from './repo.ts';
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

/** Reads the stored nodes behind `ranges` and returns each range's hash. */
async function hashRanges(ex: Exec, ranges: readonly NodeRange[]): Promise<Buffer[]> {
  const parts = ranges.map((r) => completeSubtrees(r.start, r.end));
  const wanted = new Map<string, NodeId>();
  for (const id of parts.flat()) wanted.set(nodeKey(id.level, id.index), id);
  const stored = await readNodes(ex, [...wanted.values()]);
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

function checkSize(name: string, value: number, min: number, currentSize: number): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw badRequest(`${name} must be an integer of at least ${min}.`);
  if (value > currentSize) {
    throw badRequest(
      `${name} ${value} is larger than the audit log, which has ${currentSize} integrated entries.`,
    );
  }
}

export async function proveInclusion(ex: Exec, index: number, treeSize: number): Promise<InclusionProof> {
  const { size } = await readTreeState(ex);
  checkSize('treeSize', treeSize, 1, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= treeSize) {
    throw badRequest(`index must be an integer from 0 to treeSize - 1 (${treeSize - 1}); got ${index}.`);
  }
  const path = inclusionPath(index, treeSize);
  const [leafHash, rootHash, ...proof] = await hashRanges(ex, [
    { start: index, end: index + 1 },
    { start: 0, end: treeSize },
    ...path,
  ]);
  if (!leafHash || !rootHash) throw new Error('hashRanges lost a range');
  return { index, treeSize, leafHash, proof, rootHash };
}

export async function proveConsistency(ex: Exec, from: number, to: number): Promise<ConsistencyProof> {
  const { size } = await readTreeState(ex);
  checkSize('to', to, 1, size);
  if (!Number.isSafeInteger(from) || from < 1 || from > to) {
    throw badRequest(`from must be an integer from 1 to "to" (${to}); got ${from}.`);
  }
  const [fromRoot, toRoot, ...proof] = await hashRanges(ex, [
    { start: 0, end: from },
    { start: 0, end: to },
    ...consistencyPath(from, to),
  ]);
  if (!fromRoot || !toRoot) throw new Error('hashRanges lost a range');
  return { from, to, proof, fromRoot, toRoot };
}

/** The root of the log's first `size` entries (size ≤ the current size). */
export async function rootAt(ex: Exec, size: number): Promise<Buffer> {
  const [root] = await hashRanges(ex, [{ start: 0, end: size }]);
  if (!root) throw new Error('hashRanges lost a range');
  return root;
}
