import { randomBytes, randomUUID } from 'node:crypto';
import type { Exec } from '../db/database.ts';
import { DecryptionError, open, seal } from './aead.ts';

// Envelope encryption of fields: each value is sealed under a data key and names that key;
// data keys are sealed under the master key. Value format: jf1.<keyId>.<base64url(nonce‖ct‖tag)>.

const PREFIX = 'jf1';

export class FieldCipher {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
  ) {}

  encrypt(plaintext: string, context: string): string {
    const key = this.keys.get(this.activeKeyId);
    if (!key) throw new Error('the active data key is not loaded');
    const body = seal(key, Buffer.from(plaintext, 'utf8'), context).toString('base64url');
    return `${PREFIX}.${this.activeKeyId}.${body}`;
  }

  decrypt(value: string, context: string): string {
    const [prefix, keyId, body, extra] = value.split('.');
    if (prefix !== PREFIX || !keyId || !body || extra !== undefined)
      throw new DecryptionError('not an encrypted field value');
    const key = this.keys.get(keyId);
    if (!key) throw new DecryptionError(`data key ${keyId} is unknown`);
    return open(key, Buffer.from(body, 'base64url'), context).toString('utf8');
  }

  keyIdOf(value: string): string | undefined {
    return value.split('.')[1];
  }

  /**
   * A copy of the active data key and its id, for a cipher that seals in a worker thread of this
   * process: `new FieldCipher(new Map([[keyId, key]]), keyId)` seals exactly as this one does. The
   * bytes must not leave the process: pass them to the worker only, never log, store or send them.
   */
  activeKeyMaterial(): { keyId: string; key: Buffer } {
    const key = this.keys.get(this.activeKeyId);
    if (!key) throw new Error('the active data key is not loaded');
    return { keyId: this.activeKeyId, key: Buffer.from(key) };
  }
}

export function wrapContext(id: string): string {
  return `crypto_keys:${id}`;
}

export async function createDataKey(db: Exec, master: Buffer): Promise<string> {
  const id = `k${Date.now().toString(36)}${randomUUID().slice(0, 8)}`;
  const wrapped = seal(master, randomBytes(32), wrapContext(id)).toString('base64');
  await db.updateTable('crypto_keys').set({ status: 'retired' }).where('status', '=', 'active').execute();
  await db.insertInto('crypto_keys').values({ id, wrapped, status: 'active' }).execute();
  return id;
}

/** Loads every data key, creating the first one on a new node. */
export async function loadFieldCipher(db: Exec, master: Buffer): Promise<FieldCipher> {
  let rows = await db.selectFrom('crypto_keys').selectAll().execute();
  if (rows.length === 0) {
    await createDataKey(db, master);
    rows = await db.selectFrom('crypto_keys').selectAll().execute();
  }
  const keys = new Map<string, Buffer>();
  let active: string | undefined;
  for (const row of rows) {
    try {
      keys.set(row.id, open(master, Buffer.from(row.wrapped, 'base64'), wrapContext(row.id)));
    } catch {
      throw new DecryptionError(
        `data key ${row.id} cannot be unwrapped: JARING_MASTER_KEY (or master.key) is not the key this node was created with`,
      );
    }
    if (row.status === 'active') active = row.id;
  }
  if (!active) throw new Error('no active data key');
  return new FieldCipher(keys, active);
}
