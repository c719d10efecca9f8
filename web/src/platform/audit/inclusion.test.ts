import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafBytes as serverLeafBytes } from '../../../../src/platform/audit/leaf.ts';
import {
  rootOf,
  hashLeaf as serverHashLeaf,
  inclusionProof as serverInclusionProof,
} from '../../../../src/platform/audit/merkle.ts';
import {
  parseCase,
  RFC6962_TESTDATA,
  rfc6962Available,
  rfc6962Cases,
} from '../../../../test/helpers/rfc6962.ts';
import {
  checkEntry,
  checkSignedTreeHead,
  fromHex,
  hashChildren,
  hashLeaf,
  leafBytes,
  toHex,
  verifyInclusion,
} from './inclusion.ts';

// The browser's check of an audit entry, run here on Node's WebCrypto: against the reference test
// data of RFC 6962 proofs (transparency-dev/merkle, in the shared standards folder beside the
// repository, read as merkle.test.ts reads them), and against the server's own leaf and tree code.
const available = rfc6962Available('inclusion.test.ts');

const bytes = (v: unknown) => new Uint8Array(Buffer.from(typeof v === 'string' ? v : '', 'base64'));
const hashes = (v: unknown) => (Array.isArray(v) ? v.map(bytes) : []);
const big = (v: unknown) => BigInt(String(v));

const inclusionCases = () => rfc6962Cases('inclusion');

// The leaves of RFC 6962's test tree (the reference code's testonly data), whose root the
// size-8 cases name.
const RFC_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];

describe.skipIf(!available)('RFC 6962 reference test data', () => {
  const cases = available ? inclusionCases() : [];

  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)('inclusion $name', async ({ c }) => {
    const verdict = await verifyInclusion(
      big(c.leafIdx),
      big(c.treeSize),
      bytes(c.leafHash),
      hashes(c.proof),
      bytes(c.root),
    );
    expect(verdict.ok).toBe(c.wantErr !== true);
  });

  it("hashes the test tree's leaves (0x00) and nodes (0x01) to the hashes and root the cases give", async () => {
    const happy = parseCase(join(RFC6962_TESTDATA, 'inclusion', '1', 'happy-path.json'));
    expect(happy.treeSize).toBe('8');
    const leaves = await Promise.all(RFC_LEAVES.map((hex) => hashLeaf(fromHex(hex))));
    const [l0, l1, l2, l3] = leaves;
    if (!l0 || !l1 || !l2 || !l3) throw new Error('leaves missing');
    // Leaf 0's hash, then its proof: leaf 1, node (2, 3), node (4..7).
    expect(toHex(l0)).toBe(toHex(bytes(happy.leafHash)));
    const proof = hashes(happy.proof);
    expect(toHex(l1)).toBe(toHex(proof[0] ?? new Uint8Array()));
    expect(toHex(await hashChildren(l2, l3))).toBe(toHex(proof[1] ?? new Uint8Array()));
    let level = leaves;
    while (level.length > 1) {
      const next: Uint8Array[] = [];
      for (let i = 0; i < level.length; i += 2)
        next.push(await hashChildren(level[i] ?? l0, level[i + 1] ?? l0));
      level = next;
    }
    expect(toHex(level[0] ?? new Uint8Array())).toBe(toHex(bytes(happy.root)));
  });
});

const entry = fc.record({
  seq: fc.nat({ max: 1_000_000 }),
  at: fc.constantFrom('2026-11-25 02:34:01.123456+00', '2025-01-01T00:00:00.000001Z'),
  actorId: fc.option(fc.uuid()),
  actor: fc.string(),
  action: fc.string({ minLength: 1 }),
  recordType: fc.string({ minLength: 1 }),
  recordId: fc.option(fc.string()),
  digest: fc.uint8Array({ minLength: 32, maxLength: 32 }).map(toHex),
});

describe('the same leaf and tree as the server', () => {
  it('builds and hashes an entry as leaf.ts and merkle.ts do (property)', async () => {
    await fc.assert(
      fc.asyncProperty(entry, async (e) => {
        const server = serverLeafBytes({ ...e, index: e.seq, digest: Buffer.from(e.digest, 'hex') });
        expect(Buffer.from(leafBytes(e)).equals(server)).toBe(true);
        expect(toHex(await hashLeaf(leafBytes(e)))).toBe(serverHashLeaf(server).toString('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it("verifies every entry of a tree against the server's root, and no other entry or root", async () => {
    const entries = Array.from({ length: 13 }, (_, i) => ({
      seq: i,
      at: '2026-11-25 02:34:01.123456+00',
      actorId: null,
      actor: 'system',
      action: 'user.create',
      recordType: 'user',
      recordId: `r${i}`,
      digest: toHex(new Uint8Array(32).fill(i)),
    }));
    const leafHashes = await Promise.all(entries.map((e) => hashLeaf(leafBytes(e))));
    const root = rootOf(leafHashes).toString('hex');
    for (const e of entries) {
      const proof = {
        treeSize: entries.length,
        leafHash: toHex(leafHashes[e.seq] ?? new Uint8Array()),
        proof: serverInclusionProof(e.seq, leafHashes).map((h) => h.toString('hex')),
      };
      const check = await checkEntry(e, proof, root);
      expect(check.verdict).toEqual({ ok: true });
      expect(check.computedRoot).toBe(root);
      // One changed field, or another root, and the check fails.
      expect((await checkEntry({ ...e, actor: 'someone' }, proof, root)).verdict).toEqual({
        ok: false,
        reason: 'leaf_mismatch',
      });
      const other = `${root.slice(0, -1)}${root.endsWith('0') ? '1' : '0'}`;
      expect((await checkEntry(e, proof, other)).verdict).toEqual({ ok: false, reason: 'root_mismatch' });
    }
  });
});

describe('signed tree head', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  const rootHash = 'ab'.repeat(32);
  const note = `jaring/node\n7\n${Buffer.from(rootHash, 'hex').toString('base64')}\n`;
  const signature = sign(null, Buffer.from(note), privateKey).toString('base64');
  const head = { treeSize: '7', rootHash, note, signature, publicKey: raw };

  it("verifies the node's Ed25519 signature over the note that states the size and root", async () => {
    expect(await checkSignedTreeHead(head)).toBe('verified');
  });

  it('fails a note that states another size or root, or a signature by another key', async () => {
    expect(await checkSignedTreeHead({ ...head, treeSize: '8' })).toBe('failed');
    expect(await checkSignedTreeHead({ ...head, rootHash: 'cd'.repeat(32) })).toBe('failed');
    const other = generateKeyPairSync('ed25519').publicKey;
    const otherRaw = other.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
    expect(await checkSignedTreeHead({ ...head, publicKey: otherRaw })).toBe('failed');
  });
});
