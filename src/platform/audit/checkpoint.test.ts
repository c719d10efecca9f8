import { createHash, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import type { NodeIdentity } from '../http/context.ts';
import { appendAuditBatch } from './append.ts';
import {
  checkpointBody,
  createCheckpoint,
  createCheckpointIfGrown,
  getLatestCheckpoint,
  parseCheckpointBody,
  signedNote,
  startCheckpointer,
  verifyCheckpointSignature,
} from './checkpoint.ts';
import { EMPTY_ROOT } from './merkle.ts';
import { readTreeState } from './repo.ts';

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

let t: TestDatabase;
const node = makeNode();
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

async function append(n: number) {
  await t.db.transaction().execute((tx) =>
    appendAuditBatch(
      tx,
      Array.from({ length: n }, (_, i) => ({
        actor: { id: null, label: 'test' },
        action: 'person.read',
        recordType: 'person',
        recordId: `e${i}`,
        change: { i },
      })),
    ),
  );
}

describe('checkpoint notes', () => {
  it('follow the C2SP tlog-checkpoint body and parse back', () => {
    const root = createHash('sha256').update('x').digest();
    const body = checkpointBody('jaring/abc', 42, root);
    expect(body).toBe(`jaring/abc\n42\n${root.toString('base64')}\n`);
    expect(parseCheckpointBody(body)).toEqual({ origin: 'jaring/abc', size: 42, root });
    for (const bad of ['jaring/abc\n42\n', `jaring/abc\n042\n${root.toString('base64')}\n`, `x\n1\nAAAA\n`]) {
      expect(parseCheckpointBody(bad)).toBeUndefined();
    }
  });

  it('wrap as a C2SP signed note with the key id of the key name and Ed25519 key', () => {
    const note = checkpointBody('jaring/abc', 1, EMPTY_ROOT);
    const signature = Buffer.alloc(64, 7);
    const signed = signedNote(note, signature, 'jaring/abc', node.publicKey);
    const [text, line] = signed.split('\n\n');
    expect(`${text}\n`).toBe(note);
    const m = /^\u2014 jaring\/abc ([A-Za-z0-9+/=]+)\n$/.exec(line ?? '');
    const blob = Buffer.from(m?.[1] ?? '', 'base64');
    const keyId = createHash('sha256')
      .update(Buffer.concat([Buffer.from('jaring/abc\n'), Buffer.from([1]), node.publicKey]))
      .digest()
      .subarray(0, 4);
    expect(blob.subarray(0, 4).equals(keyId)).toBe(true);
    expect(blob.subarray(4).equals(signature)).toBe(true);
  });
});

describe('createCheckpoint', () => {
  it('integrates first, then signs the tree as it stands', async () => {
    await append(5);
    const c = await createCheckpoint({ db: t.db, node });
    const state = await readTreeState(t.db);
    expect(c.treeSize).toBe(5);
    expect(c.rootHash.equals(state.root)).toBe(true);
    expect(c.note).toBe(checkpointBody(`jaring/${node.id}`, 5, state.root));
    expect(verifyCheckpointSignature(c.note, c.signature, node.publicKey)).toBe(true);
    expect(verifyCheckpointSignature(c.note.replace('\n5\n', '\n6\n'), c.signature, node.publicKey)).toBe(
      false,
    );
    expect(verifyCheckpointSignature(c.note, c.signature, makeNode().publicKey)).toBe(false);
    expect((await getLatestCheckpoint(t.db))?.id).toBe(c.id);
  });

  it('signs periodically only when the tree grew', async () => {
    expect(await createCheckpointIfGrown({ db: t.db, node })).toBeUndefined();
    await append(2);
    expect((await createCheckpointIfGrown({ db: t.db, node }))?.treeSize).toBe(7);
    expect(await createCheckpointIfGrown({ db: t.db, node })).toBeUndefined();
  });

  it('runs on a timer and stops', async () => {
    await append(3);
    const checkpointer = startCheckpointer({ db: t.db, node, logger: pino({ level: 'silent' }) }, 0.05);
    for (let i = 0; i < 100 && (await getLatestCheckpoint(t.db))?.treeSize !== 10; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await checkpointer.stop();
    expect((await getLatestCheckpoint(t.db))?.treeSize).toBe(10);
  });
});
