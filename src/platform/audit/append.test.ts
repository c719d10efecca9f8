import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { type AuditEvent, appendAuditBatch, digestOf } from './append.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const events = (n: number, tag: string): AuditEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    actor: i % 4 === 0 ? { id: null, label: 'system' } : { id: randomUUID(), label: `user ${i} "'; drop` },
    action: i % 2 === 0 ? 'person.create' : 'case.update',
    recordType: i % 2 === 0 ? 'person' : 'case',
    recordId: i % 5 === 0 ? null : `${tag}-${i}`,
    change: { i, tag, name: 'ស្រីពៅ', when: new Date(i) },
  }));

const stored = async (from: string) =>
  t.db
    .selectFrom('audit_entries')
    .select(['id', 'actor_id', 'actor', 'action', 'record_type', 'record_id', 'digest'])
    .where('id', '>', from)
    .orderBy('id')
    .execute();

const lastId = async () =>
  (
    await t.db
      .selectFrom('audit_entries')
      .select(({ fn }) => fn.max('id').as('id'))
      .executeTakeFirst()
  )?.id ?? '0';

describe('appending audit entries', () => {
  it('writes a large batch (one JSON parameter) exactly as small ones, in the order given', async () => {
    const large = events(150, 'large');
    const before = await lastId();
    await appendAuditBatch(t.db, large);
    const rows = await stored(String(before));
    expect(rows.map((r) => [r.actor_id, r.actor, r.action, r.record_type, r.record_id])).toEqual(
      large.map((e) => [e.actor.id, e.actor.label, e.action, e.recordType, e.recordId]),
    );
    expect(rows.map((r) => r.digest)).toEqual(large.map((e) => digestOf(e.change)));

    const middle = await lastId();
    for (let i = 0; i < large.length; i += 50) await appendAuditBatch(t.db, large.slice(i, i + 50));
    const again = await stored(String(middle));
    const fields = (r: (typeof rows)[number]) => [
      r.actor_id,
      r.actor,
      r.action,
      r.record_type,
      r.record_id,
      r.digest,
    ];
    expect(again.map(fields)).toEqual(rows.map(fields));
  });
});
