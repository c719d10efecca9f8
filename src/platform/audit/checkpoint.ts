import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { Db, Exec } from '../db/database.ts';
import type { AppDeps, NodeIdentity } from '../http/context.ts';
import { rootAt } from './proofs.ts';
import {
  type CheckpointRow,
  insertCheckpoint,
  latestCheckpoint,
  lockCheckpointer,
  readTreeState,
} from './repo.ts';
import { integratePending, TreeCorruptError } from './sequencer.ts';

// Signed tree heads. The note is a C2SP tlog-checkpoint body, "<origin>\n<size>\n<base64 root>\n",
// signed with the node's Ed25519 key; signedNote() wraps it as a C2SP signed note for standard tools.

export type Checkpoint = CheckpointRow;

export const checkpointOrigin = (nodeId: string): string => `jaring/${nodeId}`;

export function checkpointBody(origin: string, size: number, root: Buffer): string {
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

export function parseCheckpointBody(
  note: string,
): { origin: string; size: number; root: Buffer } | undefined {
  const m = /^([^\n]+)\n(0|[1-9][0-9]*)\n([A-Za-z0-9+/]{43}=)\n$/.exec(note);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const size = Number(m[2]);
  return Number.isSafeInteger(size) ? { origin: m[1], size, root: Buffer.from(m[3], 'base64') } : undefined;
}

// An Ed25519 public key as SubjectPublicKeyInfo DER: this fixed prefix, then the 32 raw bytes.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function verifyCheckpointSignature(note: string, signature: Buffer, publicKey: Buffer): boolean {
  try {
    return verify(null, Buffer.from(note, 'utf8'), ed25519PublicKey(publicKey), signature);
  } catch {
    return false;
  }
}

/** C2SP signed-note: body, blank line, "— <key name> base64(key id ‖ signature)". */
export function signedNote(note: string, signature: Buffer, keyName: string, publicKey: Buffer): string {
  const keyId = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${keyName}\n`, 'utf8'), Buffer.from([0x01]), publicKey]))
    .digest()
    .subarray(0, 4);
  return `${note}\n\u2014 ${keyName} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

/** Integrates what is queued, then signs the tree as it stands (API and CLI, on demand). */
export async function createCheckpoint(deps: { db: Db; node: NodeIdentity }): Promise<Checkpoint> {
  await integratePending(deps.db);
  return deps.db.transaction().execute(async (tx) => signCurrentTree(tx, deps.node));
}

/** As createCheckpoint, but only when the tree grew since the latest checkpoint (the periodic one). */
export async function createCheckpointIfGrown(deps: {
  db: Db;
  node: NodeIdentity;
}): Promise<Checkpoint | undefined> {
  await integratePending(deps.db);
  return deps.db.transaction().execute(async (tx) => {
    await lockCheckpointer(tx);
    const [state, last] = [await readTreeState(tx), await latestCheckpoint(tx)];
    if (state.size === 0 || (last && last.treeSize >= state.size)) return undefined;
    return signCurrentTree(tx, deps.node);
  });
}

async function signCurrentTree(tx: Exec, node: NodeIdentity): Promise<Checkpoint> {
  await lockCheckpointer(tx);
  const state = await readTreeState(tx);
  // Never sign a root the stored nodes do not support.
  if (!(await rootAt(tx, state.size)).equals(state.root)) {
    throw new TreeCorruptError(
      `the stored audit tree nodes do not give the stored root at size ${state.size}`,
    );
  }
  const note = checkpointBody(checkpointOrigin(node.id), state.size, state.root);
  const signature = sign(null, Buffer.from(note, 'utf8'), node.privateKey);
  return insertCheckpoint(tx, { treeSize: state.size, rootHash: state.root, note, signature });
}

export async function getLatestCheckpoint(db: Db): Promise<Checkpoint | undefined> {
  return latestCheckpoint(db);
}

/** Signs a checkpoint every `seconds`, when the tree grew since the last one. */
export function startCheckpointer(
  deps: Pick<AppDeps, 'db' | 'node' | 'logger'>,
  seconds: number,
): { stop(): Promise<void> } {
  let busy: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (busy) return; // the previous one is still being signed
    busy = createCheckpointIfGrown(deps)
      .then(
        (c) => {
          if (c) deps.logger.info({ treeSize: c.treeSize }, 'audit checkpoint signed');
        },
        (err: unknown) => deps.logger.error({ err }, 'audit checkpoint failed'),
      )
      .finally(() => {
        busy = undefined;
      });
  }, seconds * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await busy;
    },
  };
}
