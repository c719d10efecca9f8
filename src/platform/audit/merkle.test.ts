import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfc6962Available, rfc6962Cases } from '../../../test/helpers/rfc6962.ts';
import {
  completeSubtrees,
  consistencyPath,
  consistencyProof,
  EMPTY_ROOT,
  foldSubtrees,
  hashLeaf,
  inclusionPath,
  inclusionProof,
  rootOf,
  verifyConsistency,
  verifyInclusion,
  verifySubtreeInclusion,
} from './merkle.ts';

// The reference implementation's cases (transparency-dev/merkle testdata): happy paths verify,
// every corruption is rejected, as each file's wantErr says.
const available = rfc6962Available('merkle.test.ts');

const big = (v: unknown): bigint => BigInt(String(v));
const bytes = (v: unknown): Buffer => Buffer.from(typeof v === 'string' ? v : '', 'base64');
const hashes = (v: unknown): Buffer[] => (Array.isArray(v) ? v.map(bytes) : []);

const cases = rfc6962Cases;

describe.skipIf(!available)('RFC 6962 reference test data', () => {
  // Read only when present: a skipped suite's body still runs to collect its tests.
  const inclusion = available ? cases('inclusion') : [];
  const consistency = available ? cases('consistency') : [];
  const subtreeInclusion = available ? cases('subtreeinclusion') : [];

  it('finds the cases', () => {
    expect(inclusion.length).toBeGreaterThan(50);
    expect(consistency.length).toBeGreaterThan(50);
    expect(subtreeInclusion.length).toBeGreaterThan(50);
  });

  it.each(inclusion)('inclusion $name', ({ c }) => {
    const verdict = verifyInclusion(
      big(c.leafIdx),
      big(c.treeSize),
      bytes(c.leafHash),
      hashes(c.proof),
      bytes(c.root),
    );
    expect(verdict.ok).toBe(c.wantErr !== true);
  });

  it.each(consistency)('consistency $name', ({ c }) => {
    const verdict = verifyConsistency(
      big(c.size1),
      big(c.size2),
      hashes(c.proof),
      bytes(c.root1),
      bytes(c.root2),
    );
    expect(verdict.ok).toBe(c.wantErr !== true);
  });

  // Subtree inclusion (C2SP tlog-tiles / Merkle Tree Certificates) is an ordinary proof within the subtree.
  it.each(subtreeInclusion)('subtree inclusion $name', ({ c }) => {
    const args = [
      big(c.leafIdx),
      big(c.start),
      big(c.end),
      bytes(c.leafHash),
      hashes(c.proof),
      bytes(c.root),
    ] as const;
    expect(verifySubtreeInclusion(...args).ok).toBe(c.wantErr !== true);
  });
});

function leaves(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));
}

function flipBit(list: readonly Buffer[], item: number, bit: number): Buffer[] {
  return list.map((h, i) => {
    if (i !== item) return h;
    const copy = Buffer.from(h);
    copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
    return copy;
  });
}

describe('proofs', () => {
  it('hashes as RFC 6962 says', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    // The reference tree's leaf 0 is the empty string: the first happy path's leaf hash.
    expect(hashLeaf(Buffer.alloc(0)).toString('base64')).toBe('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=');
  });

  it('assembles every node from complete subtrees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        const all = leaves(n);
        const parts = completeSubtrees(0, n).map((s) =>
          rootOf(all.slice(s.index * 2 ** s.level, (s.index + 1) * 2 ** s.level)),
        );
        expect(foldSubtrees(parts).equals(rootOf(all))).toBe(true);
      }),
    );
  });

  it('inclusion proofs verify, and a flipped bit or the sibling index breaks them', () => {
    const sizeAndIndex = fc
      .integer({ min: 1, max: 400 })
      .chain((n) =>
        fc.record({ n: fc.constant(n), i: fc.integer({ min: 0, max: n - 1 }), bit: fc.nat(255) }),
      );
    fc.assert(
      fc.property(sizeAndIndex, ({ n, i, bit }) => {
        const all = leaves(n);
        const root = rootOf(all);
        const leaf = all[i] ?? Buffer.alloc(0);
        const proof = inclusionProof(i, all);
        expect(proof.length).toBe(inclusionPath(i, n).length);
        expect(verifyInclusion(i, n, leaf, proof, root).ok).toBe(true);
        for (let k = 0; k < proof.length; k++) {
          expect(verifyInclusion(i, n, leaf, flipBit(proof, k, bit), root).ok).toBe(false);
        }
        expect(verifyInclusion(i, n, flipBit([leaf], 0, bit)[0] ?? leaf, proof, root).ok).toBe(false);
        expect(verifyInclusion(i, n, leaf, proof, flipBit([root], 0, bit)[0] ?? root).ok).toBe(false);
        if ((i ^ 1) < n) expect(verifyInclusion(i ^ 1, n, leaf, proof, root).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('consistency proofs verify, and a flipped bit or a wrong root breaks them', () => {
    const sizes = fc
      .integer({ min: 1, max: 400 })
      .chain((n) => fc.record({ n: fc.constant(n), m: fc.integer({ min: 1, max: n }), bit: fc.nat(255) }));
    fc.assert(
      fc.property(sizes, ({ n, m, bit }) => {
        const all = leaves(n);
        const oldRoot = rootOf(all.slice(0, m));
        const newRoot = rootOf(all);
        const proof = consistencyProof(m, all);
        expect(proof.length).toBe(consistencyPath(m, n).length);
        expect(verifyConsistency(m, n, proof, oldRoot, newRoot).ok).toBe(true);
        for (let k = 0; k < proof.length; k++) {
          expect(verifyConsistency(m, n, flipBit(proof, k, bit), oldRoot, newRoot).ok).toBe(false);
        }
        expect(verifyConsistency(m, n, proof, flipBit([oldRoot], 0, bit)[0] ?? oldRoot, newRoot).ok).toBe(
          false,
        );
        expect(verifyConsistency(m, n, proof, oldRoot, flipBit([newRoot], 0, bit)[0] ?? newRoot).ok).toBe(
          false,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('rejects proofs for indexes outside the tree', () => {
    expect(() => inclusionPath(3, 3)).toThrow(RangeError);
    expect(() => consistencyPath(0, 3)).toThrow(RangeError);
    expect(() => consistencyPath(4, 3)).toThrow(RangeError);
  });
});
