import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationDatabase } from '../../../test/helpers/migrations.ts';
import { currentVersion, migrate } from '../../platform/db/migrate.ts';

// migrations/0015 seals batch uploads and results; the data keys are not in the database, so it
// cannot seal rows stored in plain text before it: it refuses, says what to do, and changes nothing.

let db: Awaited<ReturnType<typeof migrationDatabase>>;

beforeAll(async () => {
  db = await migrationDatabase('t_mig15');
  expect(await migrate(db.pool, db.upTo(14))).toBe(14);
});
afterAll(async () => db?.close());

describe('migration 0015', () => {
  it('refuses while plain-text uploads are stored, changing nothing, then applies once they are gone', async () => {
    await db.pool.query(`
      with a as (insert into agencies (name, org_type, country) values ('A', 'LawEnforcement', 'TH') returning id),
      u as (insert into users (agency_id, username, display_name, password_hash, roles)
            select id, 'u', 'U', 'x', '{analyst}' from a returning id, agency_id),
      b as (insert into screening_batches (agency_id, created_by, format, chunk_bytes, total_bytes)
            select agency_id, id, 'jsonl', 1048576, 20 from u returning id)
      insert into screening_batch_chunks (batch_id, seq, data) select id, 0, '{"text":"+66812345678"}'::bytea from b`);

    const upTo15 = db.upTo(15);
    await expect(migrate(db.pool, upTo15)).rejects.toThrow(
      /Migration 0015_screening_alert_batch\.sql failed: screening batches hold unencrypted uploads or results.*delete from screening_batches;/,
    );
    expect(await currentVersion(db.pool)).toBe(14);
    const kept = await db.pool.query('select data from screening_batch_chunks');
    expect(kept.rows).toHaveLength(1);

    await db.pool.query('delete from screening_batches');
    expect(await migrate(db.pool, upTo15)).toBe(15);
    const columns = await db.pool.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'screening_batch_chunks' order by 1`,
    );
    expect(columns.rows.map((r) => r.column_name)).toEqual(['batch_id', 'data_enc', 'row_key', 'seq']);
  });
});
