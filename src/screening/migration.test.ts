import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationDatabase } from '../../test/helpers/migrations.ts';
import { currentVersion, migrate } from '../platform/db/migrate.ts';

// migrations/0016 seals alerts' posts and results; the data keys are not in the database, so it
// cannot seal alerts stored in plain text before it: it refuses, says what to do, and changes nothing.

let db: Awaited<ReturnType<typeof migrationDatabase>>;

beforeAll(async () => {
  db = await migrationDatabase('t_mig16');
  expect(await migrate(db.pool, db.upTo(15))).toBe(15);
});
afterAll(async () => db?.close());

describe('migration 0016', () => {
  it('refuses while plain-text alerts are stored, changing nothing, then applies once they are gone', async () => {
    await db.pool.query(`
      with a as (insert into agencies (name, org_type, country) values ('A', 'LawEnforcement', 'TH') returning id)
      insert into screening_alerts (agency_id, source, post_text, lang, risk, level, result)
      select id, 'api', 'call +66812345678', 'en', 0.9, 'high', '{}'::jsonb from a`);
    const upTo16 = db.upTo(16);

    await expect(migrate(db.pool, upTo16)).rejects.toThrow(
      /Migration 0016_screening_alert_text_sealed\.sql failed: screening_alerts holds alerts whose posts are stored unencrypted.*delete from screening_alerts;/,
    );
    expect(await currentVersion(db.pool)).toBe(15);
    const kept = await db.pool.query('select post_text from screening_alerts');
    expect(kept.rows).toEqual([{ post_text: 'call +66812345678' }]);

    await db.pool.query('delete from screening_alerts');
    expect(await migrate(db.pool, upTo16)).toBe(16);
    const columns = await db.pool.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'screening_alerts'
       and column_name in ('post_text', 'result', 'post_text_enc', 'result_enc', 'identifier_keys') order by 1`,
    );
    expect(columns.rows.map((r) => r.column_name)).toEqual([
      'identifier_keys',
      'post_text_enc',
      'result_enc',
    ]);
  });
});
