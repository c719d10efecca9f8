import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { type AuditEvent, appendAudit, appendAuditBatch } from './append.ts';
import {
  consistencyProof,
  EMPTY_ROOT,
  hashLeaf,
  inclusionProof,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
import { proveConsistency, proveInclusion, rootAt } from './proofs.ts';
import { countNodes, readEntriesFrom, readTreeState } from './repo.ts';
import { integratePending, startSequencer } from './sequencer.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const event = (i: number): AuditEvent => ({
  actor: { id: null, label: `writer ${i % 3}` },
  action: 'case.update',
  recordType: 'case',
  recordId: `case-${i}`,
  change: { step: i },
});

async function append(n: number): Promise<void> {
  await t.db.transaction().execute((tx) =>
    appendAuditBatch(
      tx,
      Array.from({ length: n }, (_, i) => event(i)),
    ),
  );
}

async function storedLeafHashes(): Promise<Buffer[]> {
  const rows = await readEntriesFrom(t.db, 0, 1_000_000);
  return rows.map((r) => hashLeaf(r.leaf ?? Buffer.alloc(0)));
}

describe('integratePending', () => {
  it('starts from the empty tree', async () => {
    const state = await readTreeState(t.db);
    expect(state.size).toBe(0);
    expect(state.root.equals(EMPTY_ROOT)).toBe(true);
    expect(await integratePending(t.db)).toBe(0);
  });

  it('gives queued entries consecutive indexes in queue order, in batches', async () => {
    await append(10);
    await append(13);
    expect(await integratePending(t.db, { batchSize: 7 })).toBe(23);
    const rows = await readEntriesFrom(t.db, 0, 100);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    const ids = rows.map((r) => BigInt(r.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    // Each leaf carries its own index.
    expect(JSON.parse(rows[5]?.leaf?.toString('utf8') ?? '{}').index).toBe(5);
  });

  it('stores the root and every complete subtree', async () => {
    const leaves = await storedLeafHashes();
    const state = await readTreeState(t.db);
    expect(state.size).toBe(23);
    expect(state.root.equals(rootOf(leaves))).toBe(true);
    // 23 leaves + 11 + 5 + 2 + 1 complete subtrees above them.
    expect(await countNodes(t.db)).toBe(23 + 11 + 5 + 2 + 1);
  });

  it('leaves nothing behind for a writer transaction that rolls back', async () => {
    await t.db
      .transaction()
      .execute(async (tx) => {
        await appendAudit(tx, event(99));
        throw new Error('the change failed');
      })
      .catch(() => {});
    expect(await integratePending(t.db)).toBe(0);
  });

  it('integrates while many writers append at once, without gaps', async () => {
    const before = (await readTreeState(t.db)).size;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let k = 0; k < 10; k++) {
        await t.db.transaction().execute((tx) => appendAuditBatch(tx, [event(w), event(k)]));
      }
    });
    const integrators = Array.from({ length: 3 }, async () => {
      for (let k = 0; k < 10; k++) await integratePending(t.db, { batchSize: 5 });
    });
    await Promise.all([...writers, ...integrators]);
    await integratePending(t.db);
    const state = await readTreeState(t.db);
    expect(state.size).toBe(before + 160);
    const leaves = await storedLeafHashes();
    expect(leaves.length).toBe(state.size);
    expect(state.root.equals(rootOf(leaves))).toBe(true);
  });
});

describe('proofs from stored nodes', () => {
  it('equal the proofs computed from all leaves, at every size', async () => {
    const leaves = await storedLeafHashes();
    const n = leaves.length;
    for (let size = 1; size <= n; size += size < 40 ? 1 : 17) {
      const prefix = leaves.slice(0, size);
      const root = rootOf(prefix);
      expect((await rootAt(t.db, size)).equals(root)).toBe(true);
      for (let index = 0; index < size; index += Math.max(1, Math.floor(size / 9))) {
        const p = await proveInclusion(t.db, index, size);
        expect(p.leafHash.equals(leaves[index] ?? Buffer.alloc(0))).toBe(true);
        expect(p.rootHash.equals(root)).toBe(true);
        expect(p.proof).toEqual(inclusionProof(index, prefix));
        expect(verifyInclusion(index, size, p.leafHash, p.proof, p.rootHash).ok).toBe(true);
      }
      for (let from = 1; from <= size; from += Math.max(1, Math.floor(size / 7))) {
        const p = await proveConsistency(t.db, from, size);
        expect(p.proof).toEqual(consistencyProof(from, prefix));
        expect(p.fromRoot.equals(rootOf(leaves.slice(0, from)))).toBe(true);
        expect(verifyConsistency(from, size, p.proof, p.fromRoot, p.toRoot).ok).toBe(true);
      }
    }
  });

  it('refuses indexes and sizes outside the log with a clear message', async () => {
    const { size } = await readTreeState(t.db);
    await expect(proveInclusion(t.db, size, size)).rejects.toThrow(
      /index must be an integer from 0 to treeSize - 1/,
    );
    await expect(proveInclusion(t.db, 0, size + 1)).rejects.toThrow(/larger than the audit log/);
    await expect(proveConsistency(t.db, 0, size)).rejects.toThrow(/from must be/);
    await expect(proveConsistency(t.db, 2, 1)).rejects.toThrow(/from must be/);
    await expect(proveConsistency(t.db, 1, size + 1)).rejects.toThrow(/larger than the audit log/);
  });
});

describe('startSequencer', () => {
  it('integrates in the background when woken, and stops', async () => {
    const logged: unknown[] = [];
    const sequencer = startSequencer(
      t.db,
      { error: (o: unknown) => logged.push(o), debug: () => {} },
      { intervalMs: 60_000 },
    );
    const before = (await readTreeState(t.db)).size;
    await append(4);
    sequencer.wake();
    for (let i = 0; i < 100 && (await readTreeState(t.db)).size < before + 4; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await sequencer.stop();
    expect((await readTreeState(t.db)).size).toBe(before + 4);
    expect(logged).toEqual([]);
  });

  it('refuses to extend a tree whose stored nodes were altered', async () => {
    // The highest stored node is always part of the right edge the next batch builds on.
    await sql`update audit_tree_nodes set hash = sha256(hash) where (level, idx) = (
      select level, idx from audit_tree_nodes order by level desc limit 1)`.execute(t.db);
    await append(1);
    await expect(integratePending(t.db)).rejects.toThrow(/do not give the stored root/);
  });
});
