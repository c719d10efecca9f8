import { createHash } from 'node:crypto';

// Merkle tree hashing of RFC 6962 §2.1 (restated in RFC 9162 §2.1) over SHA-256: pure functions,
// no I/O. Tree sizes and indexes are JS numbers (safe to 2^53); the verifiers take bigints too,
// because a proof handed in from outside may carry any uint64.

export const HASH_SIZE = 32;
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function hashLeaf(entry: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(entry).digest();
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** The largest power of two strictly less than n (n ≥ 2): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) by the recursive definition of RFC 6962 §2.1: the reference everything else is tested against. */
export function rootOf(leafHashes: readonly Uint8Array[]): Buffer {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  return rangeRoot(leafHashes, 0, leafHashes.length);
}

function rangeRoot(leafHashes: readonly Uint8Array[], start: number, end: number): Buffer {
  if (end - start === 1) return Buffer.from(leafAt(leafHashes, start));
  const k = splitPoint(end - start);
  return hashChildren(rangeRoot(leafHashes, start, start + k), rangeRoot(leafHashes, start + k, end));
}

function leafAt(leafHashes: readonly Uint8Array[], i: number): Uint8Array {
  const h = leafHashes[i];
  if (!h) throw new RangeError(`no leaf hash at ${i}`);
  return h;
}

/** A node of the tree: the subtree over leaves [start, end). */
export type NodeRange = { start: number; end: number };

/** A complete (perfect) subtree: leaves [index·2^level, (index+1)·2^level). */
export type NodeId = { level: number; index: number };

/** The nodes whose hashes make up PATH(m, D[n]) (RFC 9162 §2.1.3.1), from the leaf upwards. */
export function inclusionPath(index: number, size: number): NodeRange[] {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) {
    throw new RangeError(`leaf index ${index} is not inside a tree of size ${size}`);
  }
  const path: NodeRange[] = [];
  let m = index;
  let start = 0;
  let end = size;
  // Walk down from the root, then reverse: the proof lists siblings from the bottom.
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      path.push({ start: start + k, end });
      end = start + k;
    } else {
      path.push({ start, end: start + k });
      m -= k;
      start += k;
    }
  }
  return path.reverse();
}

/** The nodes whose hashes make up PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (RFC 9162 §2.1.4.1). */
export function consistencyPath(from: number, to: number): NodeRange[] {
  if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from > 0 && from <= to)) {
    throw new RangeError(`no consistency proof from size ${from} to size ${to}`);
  }
  const path: NodeRange[] = [];
  let m = from;
  let start = 0;
  let end = to;
  let whole = true; // SUBPROOF's b: is the subtree over [start, end) the old tree itself?
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      path.push({ start: start + k, end });
      end = start + k;
    } else {
      path.push({ start, end: start + k });
      m -= k;
      start += k;
      whole = false;
    }
  }
  if (!whole) path.push({ start, end });
  return path.reverse();
}

/**
 * The complete subtrees that make up leaves [start, end), left to right (largest first). For a node
 * of a tree of any size, hashing them together from the right gives the node's hash; for [0, n) it
 * gives the root. This is how hashes are assembled from stored complete subtrees.
 */
export function completeSubtrees(start: number, end: number): NodeId[] {
  const out: NodeId[] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level++;
    out.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return out;
}

/** Hashes complete subtrees (left to right, as completeSubtrees lists them) into their parent node. */
export function foldSubtrees(hashes: readonly Uint8Array[]): Buffer {
  const last = hashes[hashes.length - 1];
  if (!last) return EMPTY_ROOT;
  let acc: Buffer = Buffer.from(last);
  for (let i = hashes.length - 2; i >= 0; i--) acc = hashChildren(leafAt(hashes, i), acc);
  return acc;
}

/** Inclusion proof from a full list of leaf hashes (in memory). */
export function inclusionProof(index: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  return inclusionPath(index, leafHashes.length).map((r) => rangeRoot(leafHashes, r.start, r.end));
}

/** Consistency proof between the first `from` leaves and all of `leafHashes` (in memory). */
export function consistencyProof(from: number, leafHashes: readonly Uint8Array[]): Buffer[] {
  return consistencyPath(from, leafHashes.length).map((r) => rangeRoot(leafHashes, r.start, r.end));
}

export type Verdict = { ok: true } | { ok: false; reason: string };
const OK: Verdict = { ok: true };
const fail = (reason: string): Verdict => ({ ok: false, reason });

function toSize(n: number | bigint): bigint | undefined {
  if (typeof n === 'bigint') return n >= 0n ? n : undefined;
  return Number.isSafeInteger(n) && n >= 0 ? BigInt(n) : undefined;
}

function badHashes(hashes: readonly Uint8Array[]): boolean {
  return hashes.some((h) => h.length !== HASH_SIZE);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/** RFC 9162 §2.1.3.2: does `proof` show that `leafHash` is leaf `index` of the tree of `size` with `root`? */
export function verifyInclusion(
  index: number | bigint,
  size: number | bigint,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Verdict {
  const leafIndex = toSize(index);
  const treeSize = toSize(size);
  if (leafIndex === undefined || treeSize === undefined)
    return fail('index and tree size must be non-negative integers');
  if (leafIndex >= treeSize) return fail(`leaf index ${leafIndex} is not below tree size ${treeSize}`);
  if (leafHash.length !== HASH_SIZE) return fail(`the leaf hash must be ${HASH_SIZE} bytes`);
  if (badHashes(proof)) return fail(`every proof hash must be ${HASH_SIZE} bytes`);
  let fn = leafIndex;
  let sn = treeSize - 1n;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0n) return fail('the proof is longer than the path to the root');
    if ((fn & 1n) === 1n || fn === sn) {
      r = hashChildren(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return fail('the proof is shorter than the path to the root');
  return equalBytes(r, root) ? OK : fail('the computed root does not match the given root');
}

/** A subtree [start, end) of a log: non-empty, and start a multiple of the smallest power of 2 ≥ its size. */
function isSubtree(start: bigint, end: bigint): boolean {
  if (end <= start) return false;
  let width = 1n;
  while (width < end - start) width <<= 1n;
  return start % width === 0n;
}

/**
 * Inclusion of leaf `index` in the subtree [start, end) with hash `root` (the subtree proofs of
 * C2SP tlog-tiles / Merkle Tree Certificates): an ordinary proof within that subtree.
 */
export function verifySubtreeInclusion(
  index: number | bigint,
  start: number | bigint,
  end: number | bigint,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Verdict {
  const [i, s, e] = [toSize(index), toSize(start), toSize(end)];
  if (i === undefined || s === undefined || e === undefined)
    return fail('indexes must be non-negative integers');
  if (!isSubtree(s, e)) return fail(`[${s}, ${e}) is not a subtree`);
  if (i < s || i >= e) return fail(`leaf index ${i} is not inside [${s}, ${e})`);
  return verifyInclusion(i - s, e - s, leafHash, proof, root);
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree of size `from` is a prefix of the tree of size `to`? */
export function verifyConsistency(
  from: number | bigint,
  to: number | bigint,
  proof: readonly Uint8Array[],
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
): Verdict {
  const first = toSize(from);
  const second = toSize(to);
  if (first === undefined || second === undefined) return fail('tree sizes must be non-negative integers');
  if (first > second) return fail(`the first size ${first} is larger than the second size ${second}`);
  // A proof from the empty tree proves nothing (RFC 9162 requires 0 < first).
  if (first === 0n) return fail('a consistency proof from the empty tree is not meaningful');
  if (first === second) {
    if (proof.length > 0) return fail('equal sizes need an empty proof');
    return equalBytes(fromRoot, toRoot) ? OK : fail('equal sizes but the roots differ');
  }
  if (proof.length === 0) return fail('the proof is empty');
  if (badHashes(proof)) return fail(`every proof hash must be ${HASH_SIZE} bytes`);
  const path: readonly Uint8Array[] = (first & (first - 1n)) === 0n ? [fromRoot, ...proof] : proof;
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  const [head, ...rest] = path;
  if (!head) return fail('the proof is empty');
  let fr: Uint8Array = head;
  let sr: Uint8Array = head;
  for (const c of rest) {
    if (sn === 0n) return fail('the proof is longer than expected');
    if ((fn & 1n) === 1n || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return fail('the proof is shorter than expected');
  if (!equalBytes(fr, fromRoot)) return fail('the computed first root does not match');
  return equalBytes(sr, toRoot) ? OK : fail('the computed second root does not match');
}
