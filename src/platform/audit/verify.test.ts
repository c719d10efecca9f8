import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import type { Db } from '../db/database.ts';
import type { NodeIdentity } from '../http/context.ts';
import { appendAuditBatch } from './append.ts';
import { createCheckpoint } from './checkpoint.ts';
import { leafBytes } from './leaf.ts';
import { readEntryAt } from './repo.ts';
import { integratePending } from './sequencer.ts';
import { verifyAuditLog } from './verify.ts';

function makeNode(): NodeIdentity {
  const { privateKey } = generateKeyPairSync('ed25519');
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    id: randomUUID(),
    name: 'Test node',
    country: 'TH',
    publicKey: spki.subarray(spki.length - 32),
    privateKey,
  };
}

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

/** A log of 50 entries written in 5 transactions, with checkpoints at 20 and 50. */
async function freshLog() {
  const t = await createTestDatabase();
  open.push(t);
  const node = makeNode();
  for (let tx = 0; tx < 5; tx++) {
    await t.db.transaction().execute((trx) =>
      appendAuditBatch(
        trx,
        Array.from({ length: 10 }, (_, i) => ({
          actor: { id: randomUUID(), label: `officer ${i}` },
          action: i % 2 ? 'person.read' : 'person.update',
          recordType: 'person',
          recordId: randomUUID(),
          change: { tx, i },
        })),
      ),
    );
    if (tx === 1) await createCheckpoint({ db: t.db, node });
  }
  const last = await createCheckpoint({ db: t.db, node });
  return { t, node, lastCheckpointId: last.id };
}

/** One entry queued in its own transaction. */
const appendOne = (db: Db, change: number) =>
  db.transaction().execute((tx) =>
    appendAuditBatch(tx, [
      {
        actor: { id: null, label: 'x' },
        action: 'person.read',
        recordType: 'person',
        recordId: null,
        change,
      },
    ]),
  );

describe('verifyAuditLog', () => {
  it('accepts an untouched log and its checkpoints', async () => {
    const { t, node } = await freshLog();
    const result = await verifyAuditLog(t.db, node.publicKey);
    expect(result).toEqual({
      ok: true,
      treeSize: 50,
      checkpointsChecked: 2,
      badCheckpoints: [],
      problems: [],
    });
  });

  it('accepts the empty log, and entries still queued', async () => {
    const t = await createTestDatabase();
    open.push(t);
    const node = makeNode();
    expect((await verifyAuditLog(t.db, node.publicKey)).ok).toBe(true);
    await createCheckpoint({ db: t.db, node });
    await appendOne(t.db, 1);
    expect(await verifyAuditLog(t.db, node.publicKey)).toMatchObject({
      ok: true,
      treeSize: 0,
      checkpointsChecked: 1,
    });
  });

  it('names the entry whose column was changed', async () => {
    const { t, node } = await freshLog();
    await sql`update audit_entries set actor = 'someone else' where seq = 17`.execute(t.db);
    const result = await verifyAuditLog(t.db, node.publicKey);
    expect(result.ok).toBe(false);
    expect(result.firstBadIndex).toBe(17);
    expect(result.problems[0]).toMatch(/entry 17 was modified/);
  });

  it('notices a timestamp moved by one microsecond', async () => {
    const { t, node } = await freshLog();
    await sql`update audit_entries set at = at + interval '1 microsecond' where seq = 3`.execute(t.db);
    expect((await verifyAuditLog(t.db, node.publicKey)).firstBadIndex).toBe(3);
  });

  it('names the entry whose leaf was rewritten to match a changed column', async () => {
    const { t, node } = await freshLog();
    const row = await readEntryAt(t.db, 29);
    if (!row) throw new Error('no entry 29');
    const leaf = leafBytes({
      index: 29,
      at: row.at,
      actorId: row.actor_id,
      actor: 'a forged actor',
      action: row.action,
      recordType: row.record_type,
      recordId: row.record_id,
      digest: row.digest,
    });
    await sql`update audit_entries set actor = 'a forged actor', leaf = ${leaf} where seq = 29`.execute(t.db);
    const result = await verifyAuditLog(t.db, node.publicKey);
    expect(result.ok).toBe(false);
    expect(result.firstBadIndex).toBe(29);
    expect(result.problems.join('\n')).toMatch(/stored tree node 0\/29/);
  });

  it('names the first missing entry after a delete', async () => {
    const { t, node } = await freshLog();
    await sql`delete from audit_entries where seq = 23`.execute(t.db);
    const result = await verifyAuditLog(t.db, node.publicKey);
    expect(result.ok).toBe(false);
    expect(result.firstBadIndex).toBe(23);
    expect(result.problems[0]).toBe('entry 23 is missing');
    expect(result.badCheckpoints.length).toBe(1); // the one at 50; the one at 20 still holds
  });

  it('names the first of two entries whose positions were swapped', async () => {
    const { t, node } = await freshLog();
    await sql`update audit_entries set seq = -1 where seq = 11`.execute(t.db);
    await sql`update audit_entries set seq = 11 where seq = 30`.execute(t.db);
    await sql`update audit_entries set seq = 30 where seq = -1`.execute(t.db);
    const result = await verifyAuditLog(t.db, node.publicKey);
    expect(result.ok).toBe(false);
    expect(result.firstBadIndex).toBe(11);
    expect(result.problems[0]).toMatch(/entry 11 holds the leaf of entry 30/);
  });

  it('notices entries cut off the end, even with the tree state rolled back', async () => {
    const { t, node } = await freshLog();
    await sql`delete from audit_entries where seq >= 45`.execute(t.db);
    const result = await verifyAuditLog(t.db, node.publicKey);
    expect(result.ok).toBe(false);
    expect(result.firstBadIndex).toBe(45);
    expect(result.treeSize).toBe(45);
  });

  it('names the checkpoint whose root was edited', async () => {
    const { t, node, lastCheckpointId } = await freshLog();
    await sql`update audit_checkpoints set root_hash = sha256(root_hash) where id = ${lastCheckpointId}`.execute(
      t.db,
    );
    const result = await verifyAuditLog(t.db, node.publicKey);
    expect(result.ok).toBe(false);
    expect(result.firstBadIndex).toBeUndefined();
    expect(result.badCheckpoints).toEqual([lastCheckpointId]);
    expect(result.problems[0]).toMatch(
      new RegExp(`checkpoint ${lastCheckpointId} \\(size 50\\): its root does not match`),
    );
  });

  it('names the checkpoint whose note was edited, so its signature fails', async () => {
    const { t, node, lastCheckpointId } = await freshLog();
    await sql`update audit_checkpoints set note = replace(note, E'\n50\n', E'\n51\n') where id = ${lastCheckpointId}`.execute(
      t.db,
    );
    const result = await verifyAuditLog(t.db, node.publicKey);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/signature does not verify/);
    expect(result.badCheckpoints).toEqual([lastCheckpointId]);
  });

  it('rejects every checkpoint under another key', async () => {
    const { t } = await freshLog();
    const result = await verifyAuditLog(t.db, makeNode().publicKey);
    expect(result.ok).toBe(false);
    expect(result.badCheckpoints.length).toBe(2);
  });

  it('notices an altered stored node, and an extra one', async () => {
    const { t, node } = await freshLog();
    await sql`update audit_tree_nodes set hash = sha256(hash) where level = 2 and idx = 3`.execute(t.db);
    const result = await verifyAuditLog(t.db, node.publicKey);
    expect(result.firstBadIndex).toBe(12);
    await sql`insert into audit_tree_nodes (level, idx, hash) values (0, 50, sha256(''::bytea))`.execute(
      t.db,
    );
    expect((await verifyAuditLog(t.db, node.publicKey)).problems.join('\n')).toMatch(
      /tree nodes are stored where/,
    );
  });

  it('still integrates and verifies after more entries arrive', async () => {
    const { t, node } = await freshLog();
    await appendOne(t.db, 2);
    expect(await integratePending(t.db)).toBe(1);
    expect(await verifyAuditLog(t.db, node.publicKey)).toMatchObject({ ok: true, treeSize: 51 });
  });
});
