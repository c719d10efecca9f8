import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { appendAuditBatch, digestOf } from '../../platform/audit/append.ts';
import { FieldCipher } from '../../platform/crypto/fields.ts';
import { canonicalJson } from '../../platform/util/canonical-json.ts';
import { searchColumns } from '../identity.ts';
import type { SearchKeys } from '../search-keys.ts';
import { recordQueries } from './recorder.ts';
import { createSealPool, PendingSeal, resolveParameters, type SealPool } from './seal-pool.ts';

const node = new FieldCipher(
  new Map([
    ['k-old', randomBytes(32)],
    ['k-new', randomBytes(32)],
  ]),
  'k-new',
);

const keys: SearchKeys = {
  nameTokens: randomBytes(32),
  birthdate: randomBytes(32),
  identityNumber: randomBytes(32),
  phone: randomBytes(32),
  pseudonym: randomBytes(32),
};

let pool: SealPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('sealing in a worker thread', () => {
  it("seals with the node's active key: every value opens with the node's cipher, in its context only", async () => {
    pool = createSealPool(node, keys);
    const sealing = pool.cipher();
    const plain = Array.from({ length: 50 }, (_, i) => `value ${i} ${'é'.repeat(i)}`);
    const pending = plain.map((p, i) => sealing.encrypt(p, `t.c:${i}`));
    sealing.flush();
    pending.push(sealing.encrypt('', 't.c:last'));
    const row = { a: pending[0], nested: { b: pending[1], list: [pending[2], 3, null] }, when: new Date(0) };
    expect(() => JSON.stringify(row)).toThrow(/before it was sealed/);
    await sealing.settle();
    // JSON reads each value where it is: the sealed text.
    const sealed = pending.map((p) => JSON.parse(JSON.stringify(p)) as string);
    expect(sealed.map((s, i) => node.decrypt(s, i < 50 ? `t.c:${i}` : 't.c:last'))).toEqual([...plain, '']);
    expect(sealed.every((s) => s.startsWith('jf1.k-new.'))).toBe(true);
    expect(() => node.decrypt(sealed[0] ?? '', 't.c:1')).toThrow();
    expect(new Set(sealed).size).toBe(sealed.length);

    const plainRow = {
      a: sealed[0],
      nested: { b: sealed[1], list: [sealed[2], 3, null] },
      when: new Date(0),
    };
    expect(JSON.stringify(row)).toBe(JSON.stringify(plainRow));
    // An audit digest of a change holding PendingSeals is the digest of the sealed values.
    expect(canonicalJson(row)).toBe(canonicalJson(plainRow));
    const query = { sql: 'update t set a = $1, b = $2', parameters: [pending[4], 'x'], query: {} };
    expect(resolveParameters(query as never).parameters).toEqual([sealed[4], 'x']);
    // Decrypting goes to the node's cipher.
    expect(sealing.decrypt(sealed[3] ?? '', 't.c:3')).toBe(plain[3]);
  });

  it('computes the keyed search columns as searchColumns does, and refuses an identity without its fields', async () => {
    pool = createSealPool(node, keys);
    const sealing = pool.cipher();
    const identities = [
      {
        firstName: 'Nguyễn',
        middleName: 'Văn',
        secondName: 'An',
        birthdate: '1990-01-02',
        identityNumber: 'id-123 45',
        homePhone: '+66 2 100 0000',
        mobilePhone: '+84910000001',
      },
      {
        firstName: 'สมชาย',
        middleName: null,
        secondName: null,
        birthdate: null,
        identityNumber: null,
        homePhone: null,
        mobilePhone: null,
      },
    ];
    const pending = identities.map((i) => sealing.searchColumns(i));
    expect(() => JSON.stringify(pending[0])).toThrow(/before it was sealed/);
    await sealing.settle();
    expect(pending.map((p) => JSON.parse(JSON.stringify(p)))).toEqual(
      identities.map((i) => searchColumns(keys, null, i)),
    );
    expect(() => sealing.searchColumns({ firstName: 'A' })).toThrow(/middleName/);
  });

  it('refuses to hand out a value that was never sealed', () => {
    const unsealed = { a: new PendingSeal() };
    expect(() => JSON.stringify(unsealed)).toThrow(/before it was sealed/);
    expect(() => canonicalJson(unsealed)).toThrow(/before it was sealed/);
    const query = { sql: 'select $1', parameters: [unsealed.a], query: {} };
    expect(() => resolveParameters(query as never)).toThrow(/before it was sealed/);
  });
});

describe('recorded statements', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it("write the audit module's entries exactly as appendAuditBatch does", async () => {
    const database = await createTestDatabase();
    close = () => database.close();
    const events = [
      {
        actor: { id: null, label: 'system' },
        action: 'person.create' as const,
        recordType: 'person' as const,
        recordId: null,
        change: { b: 1, a: [new Date(0)] },
      },
      {
        actor: { id: null, label: 'system' },
        action: 'person.update' as const,
        recordType: 'person' as const,
        recordId: 'r',
        change: null,
      },
    ];
    await appendAuditBatch(database.db, events);
    const recorded = await recordQueries((db) => appendAuditBatch(db, events));
    expect(recorded).toHaveLength(1);
    for (const query of recorded) await database.db.executeQuery(query);
    const rows = await database.db
      .selectFrom('audit_entries')
      .select(['actor_id', 'actor', 'action', 'record_type', 'record_id', 'digest'])
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(4);
    expect(rows.slice(2)).toEqual(rows.slice(0, 2));
    expect(rows[0]?.digest).toEqual(digestOf(events[0]?.change));
  });
});
