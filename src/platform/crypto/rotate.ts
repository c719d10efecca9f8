import { sql } from 'kysely';
import { type Actor, appendAudit, SYSTEM_ACTOR } from '../audit/append.ts';
import type { Db, Exec } from '../db/database.ts';
import { NODE_KEY_CONTEXT } from '../node/identity.ts';
import { DecryptionError, open, seal } from './aead.ts';
import { createDataKey, type FieldCipher, loadFieldCipher, wrapContext } from './fields.ts';
import { masterKeyFingerprint } from './master-key.ts';
import { columnName, type EncryptedColumn, encryptedColumns } from './registry.ts';

// Key rotation. Both operations run in one transaction: they commit whole or change nothing.
// Retired data keys stay (still wrapped) so values in older backups remain readable.

export type RotateOptions = {
  actor?: Actor;
  /** Defaults to every registered column. */
  columns?: readonly EncryptedColumn[];
  batchSize?: number;
};

export type RotationResult = {
  newKeyId: string;
  previousKeyId: string;
  /** Values re-encrypted, per `table.column`. */
  reEncrypted: Record<string, number>;
  /** A cipher holding every key, the new one active. */
  cipher: FieldCipher;
};

/** Serialises rotations and re-wraps; plain reads of crypto_keys are not blocked. */
async function lockKeys(tx: Exec): Promise<void> {
  await sql`lock table crypto_keys in share row exclusive mode`.execute(tx);
}

async function idType(tx: Exec, column: EncryptedColumn): Promise<string> {
  const r = await sql<{ type: string | null }>`
    select format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
    where a.attrelid = to_regclass(${column.table}) and a.attname = ${column.idColumn} and not a.attisdropped`.execute(
    tx,
  );
  const type = r.rows[0]?.type;
  if (!type)
    throw new Error(
      `encrypted column ${columnName(column)}: ${column.table}.${column.idColumn} does not exist`,
    );
  return type;
}

async function reEncryptColumn(tx: Exec, cipher: FieldCipher, column: EncryptedColumn, batchSize: number) {
  // The id's own type (from the catalog) keeps the keyset pagination and the update on its index.
  const type = sql.raw(await idType(tx, column));
  // Qualified names throughout: a bare "id" in ORDER BY would sort by the text alias instead.
  const id = sql.ref(`t.${column.idColumn}`);
  const value = sql.ref(`t.${column.column}`);
  let after: string | undefined;
  let count = 0;
  for (;;) {
    const batch = await sql<{ row_id: string; row_value: string }>`
      select ${id}::text as row_id, ${value} as row_value from ${sql.table(column.table)} as t
      where ${value} is not null ${after === undefined ? sql`` : sql`and ${id} > ${after}::${type}`}
      order by ${id} limit ${batchSize} for update`.execute(tx);
    if (batch.rows.length === 0) return count;
    const ids: string[] = [];
    const values: string[] = [];
    for (const row of batch.rows) {
      const context = column.context(row.row_id);
      let plaintext: string;
      try {
        plaintext = cipher.decrypt(row.row_value, context);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new DecryptionError(
          `${columnName(column)} of row ${row.row_id} cannot be decrypted: ${reason}`,
        );
      }
      ids.push(row.row_id);
      values.push(cipher.encrypt(plaintext, context));
    }
    await sql`
      update ${sql.table(column.table)} as t set ${sql.ref(column.column)} = v.new_value
      from unnest(${ids}::text[], ${values}::text[]) as v(row_id, new_value)
      where ${id} = v.row_id::${type}`.execute(tx);
    count += ids.length;
    after = ids[ids.length - 1];
  }
}

/**
 * Creates a new active data key (retiring the current one) and re-encrypts every registered
 * column's values with it, under row locks, with an audit entry, in one transaction.
 */
export async function rotateDataKey(
  db: Db,
  master: Buffer,
  options: RotateOptions = {},
): Promise<RotationResult> {
  const { actor = SYSTEM_ACTOR, columns = encryptedColumns, batchSize = 500 } = options;
  return db.transaction().execute(async (tx) => {
    await lockKeys(tx);
    const previousKeyId = (await loadFieldCipher(tx, master)).activeKeyId;
    const newKeyId = await createDataKey(tx, master);
    const cipher = await loadFieldCipher(tx, master);
    const reEncrypted: Record<string, number> = {};
    for (const column of columns)
      reEncrypted[columnName(column)] = await reEncryptColumn(
        tx,
        cipher,
        column,
        Math.min(batchSize, column.batchSize ?? batchSize),
      );
    await appendAudit(tx, {
      actor,
      action: 'keys.rotate',
      recordType: 'crypto_key',
      recordId: newKeyId,
      change: { newKeyId, previousKeyId, reEncrypted },
    });
    return { newKeyId, previousKeyId, reEncrypted, cipher };
  });
}

export type RewrapResult = { dataKeys: number; nodeKey: boolean; fingerprint: string };

function rewrap(
  oldMaster: Buffer,
  newMaster: Buffer,
  wrapped: string,
  context: string,
  what: string,
): string {
  let plain: Buffer;
  try {
    plain = open(oldMaster, Buffer.from(wrapped, 'base64'), context);
  } catch {
    throw new DecryptionError(`the current master key does not open ${what}: nothing was changed`);
  }
  return seal(newMaster, plain, context).toString('base64');
}

/** Re-wraps every data key and the node's private key under newMaster, in one transaction. */
export async function rewrapMasterKey(
  db: Db,
  oldMaster: Buffer,
  newMaster: Buffer,
  actor: Actor = SYSTEM_ACTOR,
): Promise<RewrapResult> {
  if (newMaster.length !== 32) throw new Error('the new master key must be 32 bytes');
  if (newMaster.equals(oldMaster)) throw new Error('the new master key is the current one');
  const fingerprint = masterKeyFingerprint(newMaster);
  return db.transaction().execute(async (tx) => {
    await lockKeys(tx);
    const keys = await tx.selectFrom('crypto_keys').select(['id', 'wrapped']).forUpdate().execute();
    for (const key of keys) {
      const wrapped = rewrap(oldMaster, newMaster, key.wrapped, wrapContext(key.id), `data key ${key.id}`);
      await tx.updateTable('crypto_keys').set({ wrapped }).where('id', '=', key.id).execute();
    }
    const node = await tx.selectFrom('node').select(['id', 'private_key_enc']).forUpdate().executeTakeFirst();
    if (node) {
      const sealed = rewrap(
        oldMaster,
        newMaster,
        node.private_key_enc,
        NODE_KEY_CONTEXT,
        "the node's private key",
      );
      await tx.updateTable('node').set({ private_key_enc: sealed }).where('id', '=', node.id).execute();
    }
    const result = { dataKeys: keys.length, nodeKey: node !== undefined, fingerprint };
    await appendAudit(tx, {
      actor,
      action: 'keys.rotate_master',
      recordType: 'master_key',
      recordId: fingerprint,
      change: result,
    });
    return result;
  });
}
