import { EMPTY_ROOT, foldSubtrees, hashChildren, type NodeId } from './merkle.ts';

// The right edge of a growing tree (Trillian's "compact range"): one hash per set bit of the size,
// i.e. the complete subtrees that make up leaves [0, size). Appending a leaf completes 1 + the number
// of trailing 1-bits of the size new subtrees; each is reported, so a caller can store every node.

export type NodeHash = NodeId & { hash: Buffer };

export class CompactRange {
  private readonly hashes: Buffer[];
  private count: number;

  /** `frontier`: the hashes of completeSubtrees(0, size), left to right. */
  constructor(size = 0, frontier: readonly Buffer[] = []) {
    const expected = popCount(size);
    if (frontier.length !== expected) {
      throw new RangeError(`a tree of size ${size} has ${expected} frontier hashes, not ${frontier.length}`);
    }
    this.count = size;
    this.hashes = [...frontier];
  }

  get size(): number {
    return this.count;
  }

  /** Adds the next leaf; `onNode` sees the leaf itself (level 0) and every subtree it completes. */
  append(leafHash: Buffer, onNode?: (node: NodeHash) => void): void {
    let hash = leafHash;
    let level = 0;
    let index = this.count;
    onNode?.({ level, index, hash });
    for (let s = this.count; s % 2 === 1; s = (s - 1) / 2) {
      const left = this.hashes.pop();
      if (!left) throw new Error('compact range is inconsistent with its size');
      hash = hashChildren(left, hash);
      level++;
      index = (index - 1) / 2;
      onNode?.({ level, index, hash });
    }
    this.hashes.push(hash);
    this.count++;
  }

  root(): Buffer {
    return this.hashes.length === 0 ? EMPTY_ROOT : foldSubtrees(this.hashes);
  }
}

function popCount(n: number): number {
  let bits = 0;
  for (let s = n; s > 0; s = Math.floor(s / 2)) bits += s % 2;
  return bits;
}
