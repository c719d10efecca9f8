import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentVersion, MIGRATIONS_DIR, migrate } from '../platform/db/migrate.ts';

// migrations/0016 seals alerts' posts and results; the data keys are not in the database, so it
// cannot seal alerts stored in plain text before it: it refuses, says what to do, and changes nothing.

const name = `t_mig16_${Date.now().toString(36)}`;
const adminUrl = inject('pgAdminUrl');
let pool: pg.Pool;
const dirs: string[] = [];

/** A folder with the migrations up to `version`, so later ones (others' work) play no part. */
function migrationsUpTo(version: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'jaring-mig-'));
  dirs.push(dir);
  for (const file of readdirSync(MIGRATIONS_DIR)) {
    if (/^\d{4}_/.test(file) && Number(file.slice(0, 4)) <= version) {
      cpSync(join(MIGRATIONS_DIR, file), join(dir, file));
    }
  }
  return dir;
}

async function admin(query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`create database ${name}`);
  pool = new pg.Pool({ connectionString: adminUrl.replace(/\/postgres$/, `/${name}`) });
  expect(await migrate(pool, migrationsUpTo(15))).toBe(15);
});
afterAll(async () => {
  await pool?.end();
  await admin(`drop database if exists ${name} with (force)`);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('migration 0016', () => {
  it('refuses while plain-text alerts are stored, changing nothing, then applies once they are gone', async () => {
    await pool.query(`
      with a as (insert into agencies (name, org_type, country) values ('A', 'LawEnforcement', 'TH') returning id)
      insert into screening_alerts (agency_id, source, post_text, lang, risk, level, result)
      select id, 'api', 'call +66812345678', 'en', 0.9, 'high', '{}'::jsonb from a`);
    const upTo16 = migrationsUpTo(16);

    await expect(migrate(pool, upTo16)).rejects.toThrow(
      /Migration 0016_screening_alert_text_sealed\.sql failed: screening_alerts holds alerts whose posts are stored unencrypted.*delete from screening_alerts;/,
    );
    expect(await currentVersion(pool)).toBe(15);
    const kept = await pool.query('select post_text from screening_alerts');
    expect(kept.rows).toEqual([{ post_text: 'call +66812345678' }]);

    await pool.query('delete from screening_alerts');
    expect(await migrate(pool, upTo16)).toBe(16);
    const columns = await pool.query<{ column_name: string }>(
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
