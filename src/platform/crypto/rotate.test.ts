import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { flipByte } from '../../../test/helpers/tamper.ts';
import { totpContext } from '../auth/service.ts';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import { ensureNodeIdentity } from '../node/identity.ts';
import { DecryptionError } from './aead.ts';
import { type FieldCipher, loadFieldCipher } from './fields.ts';
import { masterKeyFingerprint } from './master-key.ts';
import {
  columnName,
  defineEncryptedColumn,
  type EncryptedColumn,
  encryptedColumns,
  platformEncryptedColumns,
} from './registry.ts';
import { rewrapMasterKey, rotateDataKey } from './rotate.ts';

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

const NOTES = 23;
const noteContext = (id: string) => `notes.body:${id}`;
const notesColumn = defineEncryptedColumn({
  table: 'notes',
  idColumn: 'id',
  column: 'body_enc',
  context: noteContext,
});

/** A node with four TOTP secrets (and one user without) and a throwaway encrypted table keyed by bigint. */
async function seed() {
  const database = await createTestDatabase();
  open.push(database);
  const { db } = database;
  const master = randomBytes(32);
  const cipher = await loadFieldCipher(db, master);
  const agency = await db
    .insertInto('agencies')
    .values({ name: 'Rotation test', org_type: 'LawEnforcement', country: 'VN' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const secrets = new Map<string, string | null>();
  for (let i = 0; i < 5; i++) {
    const user = await db
      .insertInto('users')
      .values({
        agency_id: agency.id,
        username: `u${i}`,
        display_name: `U${i}`,
        password_hash: 'x',
        roles: ['analyst'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const secret = i === 4 ? null : `SECRET${i}ÄÖ`;
    const enc = secret === null ? null : cipher.encrypt(secret, totpContext(user.id));
    await db.updateTable('users').set({ totp_secret_enc: enc }).where('id', '=', user.id).execute();
    secrets.set(user.id, secret);
  }
  await sql`create table notes (id bigint primary key, body_enc text)`.execute(db);
  const notes = new Map<string, string | null>();
  for (let id = 1; id <= NOTES; id++) {
    const body = id === 13 ? null : `note ${id} — ghi chú ${id}`;
    const enc = body === null ? null : cipher.encrypt(body, noteContext(String(id)));
    await sql`insert into notes (id, body_enc) values (${id}, ${enc})`.execute(db);
    notes.set(String(id), body);
  }
  return { db, master, cipher, secrets, notes };
}

async function snapshot(db: Db) {
  return {
    keys: await db.selectFrom('crypto_keys').selectAll().orderBy('id').execute(),
    users: await db.selectFrom('users').select(['id', 'totp_secret_enc']).orderBy('id').execute(),
    notes: (
      await sql<{
        id: string;
        body_enc: string | null;
      }>`select id::text, body_enc from notes order by id`.execute(db)
    ).rows,
    audit: await db.selectFrom('audit_entries').select(['action', 'record_id']).orderBy('id').execute(),
  };
}

/** Every value opens to its original plaintext and names keyId (for users, usersKeyId). */
async function expectAllReadable(
  db: Db,
  cipher: FieldCipher,
  s: Awaited<ReturnType<typeof seed>>,
  keyId: string,
  usersKeyId = keyId,
) {
  for (const row of (await snapshot(db)).users) {
    const expected = s.secrets.get(row.id);
    if (row.totp_secret_enc === null) {
      expect(expected).toBeNull();
      continue;
    }
    expect(cipher.keyIdOf(row.totp_secret_enc)).toBe(usersKeyId);
    expect(cipher.decrypt(row.totp_secret_enc, totpContext(row.id))).toBe(expected);
  }
  for (const row of (await snapshot(db)).notes) {
    if (row.body_enc === null) continue;
    expect(cipher.keyIdOf(row.body_enc)).toBe(keyId);
    expect(cipher.decrypt(row.body_enc, noteContext(row.id))).toBe(s.notes.get(row.id));
  }
}

describe('rotateDataKey', () => {
  it('re-encrypts every registered value under a new active key, in batches, and audits it', async () => {
    const s = await seed();
    const before = await snapshot(s.db);
    const result = await rotateDataKey(s.db, s.master, {
      columns: [...platformEncryptedColumns, notesColumn],
      batchSize: 5,
    });

    expect(result.previousKeyId).toBe(s.cipher.activeKeyId);
    expect(result.newKeyId).not.toBe(s.cipher.activeKeyId);
    expect(result.reEncrypted).toEqual({ 'users.totp_secret_enc': 4, 'notes.body_enc': NOTES - 1 });
    const fresh = await loadFieldCipher(s.db, s.master);
    expect(fresh.activeKeyId).toBe(result.newKeyId);
    await expectAllReadable(s.db, fresh, s, result.newKeyId);
    await expectAllReadable(s.db, result.cipher, s, result.newKeyId);

    const keys = await s.db
      .selectFrom('crypto_keys')
      .select(['id', 'status'])
      .orderBy('created_at')
      .execute();
    expect(keys).toEqual([
      { id: result.previousKeyId, status: 'retired' },
      { id: result.newKeyId, status: 'active' },
    ]);
    // The retired key stays, so a value from a backup taken before the rotation still opens.
    const old = before.notes.find((n) => n.id === '1')?.body_enc ?? '';
    expect(fresh.decrypt(old, noteContext('1'))).toBe(s.notes.get('1'));

    const audit = await s.db
      .selectFrom('audit_entries')
      .select(['action', 'record_type', 'record_id'])
      .execute();
    expect(audit).toEqual([{ action: 'keys.rotate', record_type: 'crypto_key', record_id: result.newKeyId }]);
  });

  it('rotates every registered column by default', async () => {
    const s = await seed();
    const result = await rotateDataKey(s.db, s.master);
    const none = Object.fromEntries(encryptedColumns.map((c) => [columnName(c), 0]));
    expect(result.reEncrypted).toEqual({ ...none, 'users.totp_secret_enc': 4 });
  });

  it('changes nothing when a row fails part-way (a context that throws on the 3rd row)', async () => {
    const s = await seed();
    const before = await snapshot(s.db);
    let calls = 0;
    const failing: EncryptedColumn = {
      ...notesColumn,
      context: (id) => {
        calls += 1;
        if (calls === 3) throw new Error('context lookup failed');
        return noteContext(id);
      },
    };
    await expect(
      rotateDataKey(s.db, s.master, { columns: [...platformEncryptedColumns, failing], batchSize: 2 }),
    ).rejects.toThrow('context lookup failed');
    expect(calls).toBe(3);
    expect(await snapshot(s.db)).toEqual(before);
  });

  it('changes nothing, and names the row, when a stored value was tampered with', async () => {
    const s = await seed();
    const row = await sql<{ body_enc: string }>`select body_enc from notes where id = 20`.execute(s.db);
    const value = row.rows[0]?.body_enc ?? '';
    const tampered = flipByte(value, 20);
    await sql`update notes set body_enc = ${tampered} where id = 20`.execute(s.db);
    const before = await snapshot(s.db);
    const rotation = rotateDataKey(s.db, s.master, { columns: [notesColumn], batchSize: 7 });
    await expect(rotation).rejects.toThrow(DecryptionError);
    await expect(rotation).rejects.toThrow(/notes\.body_enc of row 20/);
    expect(await snapshot(s.db)).toEqual(before);
  });

  it('refuses a value moved to another row after rotation (its context no longer matches)', async () => {
    const s = await seed();
    const { cipher } = await rotateDataKey(s.db, s.master, { columns: [notesColumn] });
    const rows = (await snapshot(s.db)).notes;
    const one = rows.find((r) => r.id === '1')?.body_enc ?? '';
    expect(() => cipher.decrypt(one, noteContext('2'))).toThrow(DecryptionError);
  });
});

describe('rewrapMasterKey', () => {
  const config = loadConfig({ JARING_NODE_NAME: 'Rewrap node', JARING_NODE_COUNTRY: 'MY' });

  it('re-wraps every data key and the node key; the old master key no longer opens them', async () => {
    const s = await seed();
    const node = await ensureNodeIdentity(s.db, s.master, config);
    const rotation = await rotateDataKey(s.db, s.master, { columns: [notesColumn] });
    const newMaster = randomBytes(32);

    const result = await rewrapMasterKey(s.db, s.master, newMaster);
    expect(result).toEqual({ dataKeys: 2, nodeKey: true, fingerprint: masterKeyFingerprint(newMaster) });

    const cipher = await loadFieldCipher(s.db, newMaster);
    await expectAllReadable(s.db, cipher, s, rotation.newKeyId, rotation.previousKeyId);
    await expect(loadFieldCipher(s.db, s.master)).rejects.toThrow(DecryptionError);
    const again = await ensureNodeIdentity(s.db, newMaster, config);
    expect(again.publicKey.equals(node.publicKey)).toBe(true);
    await expect(ensureNodeIdentity(s.db, s.master, config)).rejects.toThrow(DecryptionError);
    const audit = await s.db
      .selectFrom('audit_entries')
      .select(['action', 'record_id'])
      .orderBy('id')
      .execute();
    expect(audit.at(-1)).toEqual({ action: 'keys.rotate_master', record_id: result.fingerprint });
  });

  it('changes nothing when the current master key is wrong', async () => {
    const s = await seed();
    await ensureNodeIdentity(s.db, s.master, config);
    const before = await snapshot(s.db);
    const nodeBefore = await s.db.selectFrom('node').select('private_key_enc').executeTakeFirstOrThrow();
    await expect(rewrapMasterKey(s.db, randomBytes(32), randomBytes(32))).rejects.toThrow(
      /current master key does not open data key/,
    );
    expect(await snapshot(s.db)).toEqual(before);
    expect(await s.db.selectFrom('node').select('private_key_enc').executeTakeFirstOrThrow()).toEqual(
      nodeBefore,
    );
  });

  it('refuses the same key as the new one', async () => {
    const s = await seed();
    await expect(rewrapMasterKey(s.db, s.master, Buffer.from(s.master))).rejects.toThrow(
      /is the current one/,
    );
  });
});
